import Foundation
import Testing
import _TestSupport

@Suite("riskreg score, through the real binary")
struct ScoreCommandTests {
    static let example = "Registers/ward-7-patient-partnership.yaml"

    @Test func jsonIsByteIdenticalForAnyJobs() throws {
        let args = ["score", "--format", "json", "--trials", "20000", "--seed", "11", "--as-of", "2026-11-30", Self.example]
        let one = try TestSupport.riskreg(args + ["--jobs", "1"])
        let three = try TestSupport.riskreg(args + ["--jobs", "3"])
        #expect(one.status == 0)
        #expect(one.stdout == three.stdout)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["seed"] as? Int == 11)
        #expect(run["trials"] as? Int == 20000)
    }

    @Test func tableFitsEightyColumnsAndPrintsTheSeed() throws {
        let result = try TestSupport.riskreg(["score", "--trials", "20000", "--as-of", "2026-11-30", "Registers/"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "nothing but results; no progress bar when stderr is not a terminal")
        let tooWide = result.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(tooWide.isEmpty, "lines over 80 columns: \(tooWide)")
        #expect(result.stdout.contains("20,000 trials · seed 1 · as of 2026-11-30"))
    }

    @Test func csvHasOneRowPerRisk() throws {
        let result = try TestSupport.riskreg(["score", "--format", "csv", "--trials", "5000", "--as-of", "2026-11-30", Self.example])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\r\n")
        #expect(rows.first?.hasPrefix("register,risk,title,outcome,strategy") == true)
        let risks = try String(contentsOfFile: TestSupport.path(Self.example), encoding: .utf8)
            .components(separatedBy: "\n").filter { $0.hasPrefix("  - id: W7-") }.count
        #expect(rows.count == risks + 1)
    }

    @Test func checkAppetiteExitsTwoWhenOutside() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.yaml")
        func write(limit: String) throws {
            try """
            riskreg: 1
            register: {id: t, title: T, organisation: O, horizon: 12 months, currency: EUR}
            outcomes: [{id: money, title: Money, unit: money}]
            contributors: [{id: c, name: C, kind: staff}]
            appetite: [{outcome: money, loss-exceeds: 50, at-most: \(limit)}]
            risks:
              - id: A
                title: A
                outcome: money
                strategy: reduction
                owner: O
                coproduction: {mode: co-assessment, contributors: [c]}
                estimates: [{likelihood: 30%, impact: 100}]

            """.write(to: file, atomically: true, encoding: .utf8)
        }
        try write(limit: "10%")
        let outside = try TestSupport.riskreg(["score", "--check-appetite", "--trials", "5000", file.path])
        #expect(outside.status == 2)
        #expect(outside.stdout.contains("OUTSIDE: Money: P(loss > 50) = "))
        let plain = try TestSupport.riskreg(["score", "--trials", "5000", file.path])
        #expect(plain.status == 0)
        try write(limit: "50%")
        let within = try TestSupport.riskreg(["score", "--check-appetite", "--trials", "5000", file.path])
        #expect(within.status == 0)
    }

    @Test func anInvalidRegisterIsNotScored() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.yaml")
        try "riskreg: 1\nregister: {}\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["score", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("not scored: the register has errors"))
        // Nor an empty JSON document: nothing was scored.
        let json = try TestSupport.riskreg(["score", "--format", "json", file.path])
        #expect(json.status == 1)
        #expect(json.stdout.isEmpty, "\(json.stdout)")
    }

    @Test(arguments: [
        (["--trials", "1"], "--trials must be at least 2"),
        (["--precision", "2"], "--precision is a fraction between 0 and 1"),
        (["--jobs", "0"], "--jobs must be at least 1"),
    ])
    func badOptionsAreUsageErrors(_ options: [String], _ message: String) throws {
        let result = try TestSupport.riskreg(["score"] + options + [Self.example])
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
    }

    @Test func unknownPerspectiveIsAnError() throws {
        let result = try TestSupport.riskreg(["score", "--perspective", "tenants", "--trials", "1000", Self.example])
        #expect(result.status == 1)
        #expect(result.stderr.contains("has no perspective `tenants`"))
    }
}
