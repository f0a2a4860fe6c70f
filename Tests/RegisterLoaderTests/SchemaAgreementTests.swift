import Foundation
import RegisterLoader
import RegisterModel
import Testing
import _TestSupport

/// The JSON Schema an editor uses must give `validate`'s verdict on every register: accept what
/// `validate` accepts, and refuse what breaks a rule a schema can check.
///
/// A real JSON Schema validator (Python's `jsonschema`, installed by `scripts/setup`) reads each
/// file as an editor would, through `scripts/check-schema`; `validate` is the reference. Rules
/// beyond a schema (references between entries, orders, sums; ``SchemaCoverage``) are left out
/// of the comparison, and files with a YAML-level problem are left out altogether: a schema sees
/// the document a YAML reader made of them, if any.
@Suite("Schema agrees with validate", .serialized)
struct SchemaAgreementTests {
    /// The schema's verdict on each file, from one run of the checker over all of them.
    struct Verdict: Decodable {
        var file: String
        var valid: Bool?
        var errors: [String]
    }

    static func schemaVerdicts(_ files: [String]) throws -> [String: Verdict] {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = folder.appendingPathComponent("register.schema.json")
        try RegisterFormat.jsonSchemaText.write(to: schema, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", TestSupport.path("scripts/check-schema"), schema.path] + files,
            in: TestSupport.packageRoot)
        guard result.status == 0 else {
            Issue.record("scripts/check-schema failed (run scripts/setup to install Python's jsonschema): \(result.stderr)")
            return [:]
        }
        var verdicts: [String: Verdict] = [:]
        for line in result.stdout.split(separator: "\n") {
            let verdict = try JSONDecoder().decode(Verdict.self, from: Data(line.utf8))
            verdicts[verdict.file] = verdict
        }
        return verdicts
    }

    /// Corpus files whose only errors are of rules the schema checks in part, with the schema's
    /// verdict and why. A partly-covered file missing here fails the test, so each is decided.
    static let partlyCovered: [String: (refused: Bool, why: String)] = [
        "amount-range.yaml": (true, "impact 2e15 is a plain number, checked by `maximum`"),
        "amount-range-cost.yaml": (true, "cost 1e300 is a plain number, checked by `maximum`"),
        "amount-range-small.yaml": (false, "a size other than 0 below 1e-9 is not bounded in the schema"),
        "amount-range-tail.yaml": (false, "where a lognormal's far tail reaches must be computed from both percentiles"),
        "correlation-range.yaml": (true, "rank 1.5 is a plain number, checked by `maximum`"),
        "effects-mismatch.yaml": (true, "an effect with neither `impact` nor `benefit` breaks the effect's `anyOf`"),
        "invalid-value-direction.yaml": (true, "`direction` is an enum of `loss` and `gain`"),
        "distribution-parameters.yaml": (false, "min above max: the order of parameters is beyond a schema"),
        "distribution-parameters-count.yaml": (true, "two values where pert takes three: `minItems`"),
        "distribution-parameters-discrete.yaml": (false, "probabilities that do not add up to 1: a sum is beyond a schema"),
        "format-version.yaml": (true, "`riskreg: 2` is not 1"),
        "frequency-range.yaml": (true, "frequency 1e6 is a plain number, checked by `maximum`"),
        "frequency-range-distribution.yaml": (true, "pert's max 1e12 is a plain number, checked by `maximum`"),
        "frequency-range-lognormal.yaml": (true, "the 95th percentile 5000 is stated as p95, checked by `maximum`"),
        "format-version-text.yaml": (true, "`riskreg: one` is not 1"),
        "format-version-list-root.yaml": (true, "a list is not a mapping"),
        "invalid-number.yaml": (true, "`€250,000` does not match the amount pattern"),
        "invalid-value.yaml": (true, "a strategy outside the `enum`"),
        "invalid-value-currency.yaml": (true, "`euro` does not match the currency pattern"),
        "invalid-value-family.yaml": (true, "`pret` names no family"),
        "invalid-value-language.yaml": (true, "`nl_NL` does not match the language-tag pattern of the text's `propertyNames`"),
        "missing-field.yaml": (true, "`owner` is `required`"),
        "missing-field-currency.yaml": (true, "a money outcome makes `currency` required"),
        "missing-field-occurrence.yaml": (true, "an estimate needs one of `likelihood` and `frequency`"),
        "missing-field-perspective.yaml": (true, "with `perspectives`, an estimate's `perspective` is required"),
        "missing-field-riskreg.yaml": (true, "`riskreg` is `required`"),
        "probability-range.yaml": (false, "`120%`: the range of a percentage is beyond a pattern"),
        "rating-matrix.yaml": (false, "a matrix whose rows do not match the likelihood levels"),
        "rating-matrix-row.yaml": (false, "a row whose scores do not match the impact levels"),
        "shape-range.yaml": (true, "beta alpha 1e10 is a plain number, checked by `maximum`"),
        "shape-range-pert.yaml": (true, "pert shape 1e5 is a plain number, checked by `maximum`"),
        "shape-range-small.yaml": (true, "beta alpha 0.001 is a plain number, checked by `minimum`"),
    ]

    /// What the schema must say of a file, from `validate`'s diagnostics: nil to leave it out.
    static func expectedRefusal(_ name: String, _ diagnostics: [Diagnostic]) -> (refused: Bool, why: String)?? {
        let errors = diagnostics.filter { $0.severity == .error }
        let coverage = errors.map { RegisterFormat.schemaCoverage(of: $0.rule) }
        if coverage.contains(.notContent) { return .some(nil) }
        if let complete = errors.first(where: { RegisterFormat.schemaCoverage(of: $0.rule) == .complete }) {
            return (true, "[\(complete.rule)] \(complete.message)")
        }
        if errors.allSatisfy({ RegisterFormat.schemaCoverage(of: $0.rule) == .none }) {
            return (false, errors.isEmpty ? "validate accepts it" : "only rules beyond a schema: \(Set(errors.map(\.rule.rawValue)).sorted())")
        }
        return partlyCovered[name].map { .some($0) } ?? nil
    }

    /// Every register the project ships or produces: examples, the starter, an import's output.
    static func shippedRegisters(in folder: URL) throws -> [String] {
        let examples = try FileManager.default.contentsOfDirectory(atPath: TestSupport.path("Registers"))
            .filter { $0.hasSuffix(".yaml") }.sorted().map { TestSupport.path("Registers/\($0)") }
        let starter = folder.appendingPathComponent("starter.yaml")
        try StarterRegister.text(today: CalendarDate(year: 2026, month: 11, day: 30)!).write(to: starter, atomically: true, encoding: .utf8)
        return examples + [TestSupport.path("docs/examples/council-register.yaml"), starter.path]
    }

    @Test("every example, the starter and an import's output pass both")
    func shippedRegistersPass() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.shippedRegisters(in: folder)
        #expect(files.count >= 5)
        let verdicts = try Self.schemaVerdicts(files)
        for file in files {
            let loaded = RegisterFile.read(path: file, asOf: CalendarDate(year: 2026, month: 11, day: 30)!)
            #expect(!loaded.diagnostics.hasErrors, "\(file): \(loaded.diagnostics.map(\.message))")
            #expect(verdicts[file]?.valid == true, "\(file): the schema refuses what validate accepts: \(verdicts[file]?.errors ?? [])")
        }
    }

    @Test("the schema gives validate's verdict on every corpus file")
    func corpus() throws {
        let files = CorpusFile.names.map { corpusFolder.appendingPathComponent($0).path }
        let diagnostics = files.map { RegisterFile.read(path: $0, asOf: CalendarDate(year: 2026, month: 11, day: 30)!).diagnostics }
        // Only the files whose verdict is compared go to the checker: one with a YAML-level
        // problem is left out below, and a YAML reader without `validate`'s alias budget spends
        // minutes writing out the alias bomb of yaml-alias-budget.yaml (387 million strings).
        let checked = zip(files, diagnostics).filter { _, found in
            !found.contains { $0.severity == .error && RegisterFormat.schemaCoverage(of: $0.rule) == .notContent }
        }
        let verdicts = try Self.schemaVerdicts(checked.map(\.0))
        var compared = 0
        for (name, (file, found)) in zip(CorpusFile.names, zip(files, diagnostics)) {
            guard let decided = Self.expectedRefusal(name, found) else {
                Issue.record("\(name): its errors are of rules the schema checks in part; add it to `partlyCovered` with the schema's verdict")
                continue
            }
            guard let expected = decided else { continue }
            compared += 1
            let verdict = verdicts[file]
            #expect(verdict?.valid == !expected.refused,
                    "\(name): validate says \(expected.why); the schema says \(verdict?.errors ?? ["nothing"])")
        }
        #expect(compared >= 45)
        for name in Self.partlyCovered.keys {
            #expect(CorpusFile.names.contains(name), "`partlyCovered` names \(name), which the corpus does not have")
        }
    }

    /// Scalars as a register may write them, at places of each kind; `validate` decides each.
    static let scalarPlaces: [(place: String, samples: [String])] = [
        ("horizon", ["12 months", "12 Months", "1 YEAR", "+6 weeks", "012 days", "1 year ", "0 months", "a year", "12  months", "12 monthss", "-1 year", "12", "12 moons", "\"12\\tmonths\"", "1.5 years"]),
        ("impact", ["250000", "250_000", "250k", "250K", ".5k", "1e3k", "1.5e6", "2bn", "2BN", "1.2m", "5.", "_1_0_", "+5", "-0", "0x10",
                    "-5", "€250,000", "1,000", "1e", "k", "1kk", "\"1 000\"", "\" 5k\"", "1e+3", "1E-3", "5.e3", "1_e_3", "2b_n"]),
        ("likelihood", ["20%", "20 %", "0.2", "1 in 8", "1  in  8", "1 IN 8", "1 in 8.5", "1 in 8k", "3 in 10", "1 in 0", "1 in -8", "1in8",
                        "1 in", "in 8", "\"1 in 8 \"", "1/8", "20 percent", "%", "1e-1", ".2", "1_0%"]),
        ("cost", ["0", "3500", "3.5k", "-0", "-3500", "3,500", "+3500", "3500 EUR", "1 000", "--5"]),
        ("review", ["2027-03-31", "2028-02-29", "2027-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "2027-3-31", "31/03/2027", "2027-13-01", "\"2027-03-31\"", "2027-04-31", "2027-03-31T00:00"]),
        ("id", ["R-01", "R.01_a", "7", "1.5", "R 01", "-R", "_R", "\"\"", "Ré", String(repeating: "a", count: 64), String(repeating: "a", count: 65)]),
        ("confidential", ["true", "false", "yes", "True", "\"true\"", "1", "off"]),
        ("title", ["Something", "no", "12", "true", "\"  \"", "\"\"", "~", "null"]),
        ("weight", ["1", "0", "0.5", "2k", "-1", "one"]),
        ("rank", ["0.5", "-0.5", "1", "0.5k", "1m", "\"0.5\"", "half", "2bn"]),
        ("riskreg", ["1", "\"1\"", "+1", "01", "2", "one", "1.0"]),
    ]

    static func register(place: String, _ value: String) -> String {
        var text = """
            riskreg: \(place == "riskreg" ? value : "1")
            register:
              id: test-register
              title: Test register
              organisation: Test council
              horizon: \(place == "horizon" ? value : "12 months")
              currency: EUR
            outcomes:
              - id: budget
                title: Unplanned cost
                unit: money
            contributors:
              - id: residents
                name: Residents' panel
                kind: community
            perspectives:
              - id: officers
                title: Officers
                weight: \(place == "weight" ? value : "1")
            risks:
              - id: \(place == "id" ? value : "R-01")
                title: \(place == "title" ? value : "Something goes wrong")
                outcome: budget
                strategy: reduction
                owner: Service lead
                confidential: \(place == "confidential" ? value : "false")
                review: \(place == "review" ? value : "2027-03-31")
                coproduction:
                  mode: co-design
                  contributors: [residents]
                estimates:
                  - perspective: officers
                    likelihood: \(place == "likelihood" ? value : "20%")
                    impact: \(place == "impact" ? value : "5k")
                response:
                  action: Something
                  cost: \(place == "cost" ? value : "100")
                  reduces-impact-by: 10%
              - id: R-02
                title: Something else
                outcome: budget
                strategy: reduction
                owner: Service lead
                coproduction:
                  mode: co-design
                  contributors: [residents]
                estimates:
                  - perspective: officers
                    likelihood: 10%
                    impact: 1k

            """
        if place != "id" {
            text += "correlations:\n  - between: [R-01, R-02]\n    rank: \(place == "rank" ? value : "0.3")\n"
        }
        return text
    }

    @Test("the schema reads every scalar syntax as validate does")
    func scalarSyntax() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cases: [(file: String, label: String)] = []
        for (place, samples) in Self.scalarPlaces {
            for (n, sample) in samples.enumerated() {
                let url = folder.appendingPathComponent("\(place)-\(n).yaml")
                try Self.register(place: place, sample).write(to: url, atomically: true, encoding: .utf8)
                cases.append((url.path, "\(place): \(sample)"))
            }
        }
        let verdicts = try Self.schemaVerdicts(cases.map(\.file))
        var accepted = 0, refused = 0
        for (file, label) in cases {
            let loaded = RegisterFile.read(path: file, asOf: CalendarDate(year: 2026, month: 11, day: 30)!)
            guard let decided = Self.expectedRefusal("", loaded.diagnostics), let expected = decided else {
                continue  // only partly-covered rules: the sample shows nothing about syntax
            }
            if expected.refused { refused += 1 } else { accepted += 1 }
            #expect(verdicts[file]?.valid == !expected.refused,
                    "\(label) — validate: \(expected.why); schema: \(verdicts[file]?.errors ?? ["nothing"])")
        }
        // The samples must exercise both verdicts.
        #expect(accepted >= 40 && refused >= 30, "accepted \(accepted), refused \(refused)")
    }
}
