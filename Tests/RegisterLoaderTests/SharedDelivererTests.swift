import Testing
import RegisterLoader
import RegisterModel

/// Contributors as shared deliverers: `availability` and `steps-back-when`.
@Suite struct SharedDelivererTests {
    static func register(_ fields: String) -> String {
        Minimal.register().replacingOccurrences(of: "    kind: community\n", with: "    kind: community\n" + fields)
    }

    @Test func availabilityAndStepBacksAreRead() throws {
        let loaded = load(Self.register("""
                availability: 90%
                steps-back-when:
                  - risk: R-01
                    chance: 60%
                  - {risk: R-01}

            """))
        #expect(summaries(loaded) == [])
        let residents = try #require(loaded.register?.contributors.first)
        #expect(residents.availability == 0.9)
        #expect(residents.stepsBack.map(\.risk) == ["R-01", "R-01"])
        #expect(residents.stepsBack.map(\.chance) == [0.6, 1])
        #expect(residents.isSharedDeliverer)
    }

    @Test func aContributorWithNeitherIsNotShared() throws {
        let residents = try #require(load(Minimal.register()).register?.contributors.first)
        #expect(residents.availability == nil && residents.stepsBack.isEmpty && !residents.isSharedDeliverer)
    }

    @Test func problemsArePlaced() {
        let loaded = load(Self.register("""
                availability: 120%
                steps-back-when:
                  - risk: R-02
                    chance: -1

            """))
        #expect(summaries(loaded) == [
            "16:19 error probability-range `availability` is 120%, outside 0 to 1",
            "18:15 error unknown-reference unknown risk `R-02`",
            "19:17 error probability-range the step-back `chance` is -1, outside 0 to 1",
        ])
    }
}
