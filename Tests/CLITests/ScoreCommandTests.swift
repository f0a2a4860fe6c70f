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

    /// `--precision` that some P95 cannot reach before the cap stops at the first check and
    /// says why: the cap, and which figures would need more trials than it.
    @Test func precisionSaysWhyItStoppedBeforeTheCap() throws {
        let args = ["score", "--format", "json", "--trials", "20000", "--as-of", "2026-11-30", "--precision", "0.005",
                    "--max-trials", "400000", Self.example]
        let result = try TestSupport.riskreg(args)
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let run = try #require(json["run"] as? [String: Any])
        #expect(run["maxTrials"] as? Int == 400_000)
        #expect(run["precisionMet"] as? Bool == false)
        #expect(run["trials"] as? Int == 32768, "the first stage, 20,000 trials in whole blocks")
        #expect(result.stderr.contains(
            "note: --precision 0.005 not reached; stopped after 32,768 trials, before the cap of 400,000 (--max-trials), because a P95 marked below would need more trials than the cap:"),
            "\(result.stderr)")
        let marked = result.stderr.split(separator: "\n").filter { $0.hasSuffix("trials — more than the cap") }
        #expect(!marked.isEmpty, "\(result.stderr)")
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
        let text = try String(contentsOfFile: TestSupport.path(Self.example), encoding: .utf8)
        let risks = text.components(separatedBy: "\n").filter { $0.hasPrefix("  - id: W7-") }.count
        let parsed = Self.csv(result.stdout)
        let header = try #require(parsed.first)
        let kind = try #require(header.firstIndex(of: "row"))
        let cells = parsed.dropFirst()
        #expect(cells.filter { $0[kind] == "risk" }.count == risks)
        // Then one row per outcome, with its percentiles.
        let outcomes = cells.filter { $0[kind] == "outcome" }
        let json = try TestSupport.riskreg(["score", "--format", "json", "--trials", "5000", "--as-of", "2026-11-30", Self.example])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let declared = try #require(doc["outcomes"] as? [[String: Any]])
        #expect(outcomes.count == declared.count)
        #expect(outcomes.count + risks + 1 == parsed.count)
        let p90 = try #require(header.firstIndex(of: "p90_residual")), mean = try #require(header.firstIndex(of: "mean_loss_residual"))
        for row in outcomes {
            #expect(Double(row[p90]) != nil && Double(row[mean]) != nil, "\(row)")
            #expect(row[1].isEmpty, "no risk id on an outcome's row")
        }
    }

    /// RFC 4180 rows: fields may be quoted, with `""` for a quote inside.
    static func csv(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.append(c)
            }
        }
        return rows
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
        // The summary on stderr says what was checked and what is outside.
        #expect(outside.stderr.contains("\(file.path): appetite: 1 appetite statement checked, 0 within, 1 outside\n  outside: Money: P(loss > 50) = "), "\(outside.stderr)")
        #expect(outside.stderr.contains("; at most 10%"))
        let plain = try TestSupport.riskreg(["score", "--trials", "5000", file.path])
        #expect(plain.status == 0)
        #expect(plain.stderr.isEmpty)
        try write(limit: "50%")
        let within = try TestSupport.riskreg(["score", "--check-appetite", "--trials", "5000", file.path])
        #expect(within.status == 0)
        #expect(within.stderr == "\(file.path): appetite: 1 appetite statement checked, 1 within, 0 outside\n")
    }

    /// A register with no appetite statements passes --check-appetite, and says it had nothing to
    /// check, so exit 0 is not read as "within appetite".
    @Test func checkAppetiteSaysWhenThereIsNothingToCheck() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.yaml")
        try """
        riskreg: 1
        register: {id: t, title: T, organisation: O, horizon: 12 months, currency: EUR}
        outcomes: [{id: money, title: Money, unit: money}]
        contributors: [{id: c, name: C, kind: staff}]
        risks:
          - {id: A, title: A, outcome: money, strategy: reduction, owner: O, coproduction: {mode: co-assessment, contributors: [c]}, estimates: [{likelihood: 30%, impact: 100}]}

        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try TestSupport.riskreg(["score", "--check-appetite", "--trials", "2000", file.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("\(file.path): appetite: no appetite statements, so nothing was checked"), "\(result.stderr)")
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
