import RegisterLoader
import RegisterModel
import Testing

/// A tab in the indentation stops libyaml; the loader reads on from a re-indented copy, so the
/// tab does not hide every other problem in the file.
@Suite("Tabs in indentation hide nothing else")
struct TabRecoveryTests {
    static func line(of needle: String, in text: String) -> Int {
        (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test("every tab-indented line is reported, and the other errors at their places as written")
    func tabsAndTheRest() throws {
        let text = Minimal.register(Minimal.risk(strategy: "mitigate"))
            .replacingOccurrences(of: "    strategy: mitigate", with: "\tstrategy: mitigate")
            .replacingOccurrences(of: "    owner: Service lead", with: "\towner: Service lead")
            .replacingOccurrences(of: "      mode: co-design", with: "\t\tmode: co-design")
        let loaded = load(text)
        #expect(loaded.register == nil)
        let strategyLine = Self.line(of: "strategy:", in: text)
        let found = loaded.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
        #expect(found == [
            "\(strategyLine):1 yaml-syntax",
            "\(strategyLine):12 invalid-value",
            "\(strategyLine + 1):1 yaml-syntax",
            "\(Self.line(of: "mode:", in: text)):1 yaml-syntax",
        ], "\(summaries(loaded))")
        for d in loaded.diagnostics where d.rule == .yamlSyntax {
            #expect(d.hint == "YAML does not allow tabs for indentation: indent with spaces")
        }
        #expect(loaded.diagnostics[1].message == "`mitigate` is not a strategy riskreg knows")
        #expect(loaded.diagnostics[2].message == "this line is indented with a tab")
    }

    @Test("an error after a tab on its line points at the column as written")
    func columnOnATabLine() throws {
        let text = Minimal.withImpact("{pert: [1k, 5k, 20k]}", likelihood: "2 in 1")
            .replacingOccurrences(of: "      - likelihood: 2 in 1", with: "\t  - likelihood: 2 in 1")
        let loaded = load(text)
        let range = try #require(loaded.diagnostics.first { $0.rule == .probabilityRange }, "\(summaries(loaded))")
        // `\t  - likelihood: ` is 17 characters: the value starts at column 18.
        #expect(range.location.column == 18)
    }

    @Test("when the re-indented copy does not parse either, only the tab is reported")
    func copyThatDoesNotParse() throws {
        let text = Minimal.register()
            .replacingOccurrences(of: "    owner: Service lead", with: "\towner: Service lead")
            .replacingOccurrences(of: "      contributors: [residents]", with: "      contributors: [residents")
        let loaded = load(text)
        #expect(loaded.diagnostics.count == 1, "\(summaries(loaded))")
        #expect(loaded.diagnostics.first?.rule == .yamlSyntax)
        #expect(loaded.diagnostics.first?.location.line == Self.line(of: "owner:", in: text))
    }

}
