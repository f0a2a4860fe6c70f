import Foundation
import RegisterModel
import Testing
@testable import Spreadsheets

/// `riskreg import` as a library: a CSV table and a mapping become register text, or located errors.
@Suite("Spreadsheet import")
struct SpreadsheetImportTests {
    static let header = "Risk ID,Risk title,Description,Risk owner,Likelihood,Impact,Residual likelihood,Residual impact,Existing controls,Review date"

    func run(_ csv: String, mapping: String? = nil) throws -> SpreadsheetImport.Outcome {
        try run(bytes: Array(csv.utf8), mapping: mapping)
    }

    func run(bytes: [UInt8], mapping: String? = nil) throws -> SpreadsheetImport.Outcome {
        let table = try CSVTable(bytes: bytes)
        var m = ImportMapping.defaults
        if let mapping {
            let read = ImportMapping.read(bytes: Array(mapping.utf8), file: "m.yaml")
            #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(summary))")
            m = try #require(read.mapping)
        }
        return SpreadsheetImport.run(table: table, file: "r.csv", mapping: m, registerID: "test")
    }

    /// The imported register, read back; it must have no errors.
    func register(_ outcome: SpreadsheetImport.Outcome) throws -> Register {
        let text = try #require(outcome.text, "\(outcome.diagnostics.map(summary))")
        let loaded = load(text)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics.map(summary))")
        return try #require(loaded.register)
    }

    /// Errors as `file:line:col rule`.
    func errors(_ outcome: SpreadsheetImport.Outcome) -> [String] {
        #expect(outcome.text == nil)
        return outcome.diagnostics.filter { $0.severity == .error }.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.rule)" }
    }

    // MARK: Defaults

    @Test("common headers are recognised ignoring case, spaces and punctuation; scores and RAG are ignored")
    func defaultHeaders() throws {
        let csv = """
            RISK_ID, risk  title ,Description,Owner,Gross Likelihood,Gross impact,Gross score,Current Likelihood,Residual Impact,Residual score,RAG,Controls,Actions,Action owner,Next review,Target likelihood,Target impact
            R1,Flooding of the depot,River rises,Head of Waste,4,4,16,2,4,8,Amber,Flood barriers,Raise the yard,Depot manager,31/03/2027,1,4

            """
        let r = try register(try run(csv))
        let risk = try #require(r.risks.first)
        #expect(risk.id == "R1")
        #expect(risk.title == "Flooding of the depot")
        #expect(risk.owner == "Head of Waste")
        #expect(risk.description == "River rises\nFurther actions (Depot manager): Raise the yard")
        #expect(risk.review == CalendarDate(year: 2027, month: 3, day: 31))
        #expect(risk.ratings == StatedRatings(gross: .init(likelihood: 4, impact: 4), current: .init(likelihood: 2, impact: 4), target: .init(likelihood: 1, impact: 4)))
        let response = try #require(risk.response)
        #expect(response.action == "Flood barriers")
        #expect(response.cost == 0)
        // Likely (50–80 %, midpoint 65 %) to unlikely (5–20 %, midpoint 12.5 %): 81 % less.
        #expect(response.likelihoodReduction == 0.81)
        #expect(response.impactReduction == 0)
        #expect(risk.strategy == .reduction)
        #expect(risk.needsReview == ["strategy", "coproduction", "outcome", "estimates", "response.cost"])
        #expect(r.contributors.map(\.id) == ["staff"])
        #expect(r.scales?.likelihood.count == 5)
    }

    @Test("the defaults recognise each documented header", arguments: [
        ("Ref", "Risk", "Owner"), ("Risk ID", "Risk title", "Risk owner"), ("reference", "Title", "lead officer"),
    ])
    func headerSynonyms(ref: String, title: String, owner: String) throws {
        let csv = "\(ref),\(title),\(owner),Likelihood,Impact\nA-1,Something,Someone,2,2\n"
        let risk = try #require(try register(try run(csv)).risks.first)
        #expect(risk.id == "A-1" && risk.title == "Something" && risk.owner == "Someone")
    }

    @Test("the impact inferred from a lower current impact level is the ratio of the bands' means")
    func impactReduction() throws {
        let csv = "Ref,Title,Likelihood,Impact,Residual likelihood,Residual impact,Controls\nR1,A,3,4,3,3,Insurance\n"
        let response = try #require(try register(try run(csv)).risks.first?.response)
        let major = try ScaleLevel(level: 4, label: "major", from: 250_000, to: 1_000_000).impactDistribution(below: nil).mean
        let moderate = try ScaleLevel(level: 3, label: "moderate", from: 50_000, to: 250_000).impactDistribution(below: nil).mean
        #expect(response.impactReduction == ((1 - moderate / major) * 100).rounded() / 100)
        #expect(response.likelihoodReduction == 0)
    }

    // MARK: Messy values

    @Test("scores typed as text, labels in any case, and a number with its word")
    func messyScores() throws {
        let csv = """
            Ref,Title,Likelihood,Impact
            R1,A,4 - Likely, 3 
            R2,B,Almost certain,MAJOR
            R3,C,2 (Unlikely),5.0
            R4,D,"  1  ",minimal

            """
        let r = try register(try run(csv))
        #expect(r.risks.map { $0.ratings?.gross } == [
            .init(likelihood: 4, impact: 3), .init(likelihood: 5, impact: 4), .init(likelihood: 2, impact: 5), .init(likelihood: 1, impact: 1),
        ])
    }

    @Test("review dates as spreadsheets write them; TBC, n/a and blanks are left for the officer")
    func dates() throws {
        let cases: [(String, ImportMapping.DateOrder, Importer.DateCell)] = [
            ("2027-03-31", .dayFirst, .date(CalendarDate(year: 2027, month: 3, day: 31)!)),
            ("31/03/2027", .dayFirst, .date(CalendarDate(year: 2027, month: 3, day: 31)!)),
            ("03/04/27", .dayFirst, .date(CalendarDate(year: 2027, month: 4, day: 3)!)),
            ("03/04/2027", .monthFirst, .date(CalendarDate(year: 2027, month: 3, day: 4)!)),
            ("31.3.2027", .dayFirst, .date(CalendarDate(year: 2027, month: 3, day: 31)!)),
            ("31 Mar 2027", .dayFirst, .date(CalendarDate(year: 2027, month: 3, day: 31)!)),
            ("February 2028", .dayFirst, .date(CalendarDate(year: 2028, month: 2, day: 29)!)),
            ("Mar-27", .dayFirst, .date(CalendarDate(year: 2027, month: 3, day: 31)!)),
            ("TBC", .dayFirst, .pending), ("n/a", .dayFirst, .pending), ("N/A", .dayFirst, .pending), ("-", .dayFirst, .pending),
            ("tbd", .dayFirst, .pending), ("31/02/2027", .dayFirst, .bad), ("next Tuesday", .dayFirst, .bad), ("Q1", .dayFirst, .bad),
        ]
        for (text, order, expected) in cases {
            #expect(Importer.date(text, order: order) == expected, "\(text)")
        }
        let csv = "Ref,Title,Likelihood,Impact,Next review\nR1,A,1,1,TBC\nR2,B,1,1,\nR3,C,1,1,30/06/2027\n"
        let r = try register(try run(csv))
        #expect(r.risks.map(\.review) == [nil, nil, CalendarDate(year: 2027, month: 6, day: 30)])
        #expect(r.risks.map { $0.needsReview.contains("review") } == [true, true, false])
    }

    @Test("a note row continues the description of the risk above it; blank rows are skipped")
    func mergedNotes() throws {
        let csv = """
            Ref,Title,Description,Likelihood,Impact,Controls
            R1,A,First line,2,2,
            ,,"Update: still open",,,
            ,,,,,Budget bid in February
            ,,,,,
            R2,B,,3,3,

            """
        let r = try register(try run(csv))
        #expect(r.risks.map(\.description) == ["First line\nUpdate: still open\nBudget bid in February", nil])
        #expect(r.risks.count == 2)
    }

    @Test("a reference that is not an id is made into one, and kept in the description")
    func slugs() throws {
        let csv = "Ref,Title,Likelihood,Impact\nCR 07,A,1,1\nCR/08 (new),B,1,1\nÉté #3,C,1,1\n***,D,1,1\n"
        let r = try register(try run(csv))
        #expect(r.risks.map(\.id) == ["CR-07", "CR-08-new", "Ete-3", "row-5"])
        #expect(r.risks[0].description == "Reference in the spreadsheet: CR 07")
        #expect(Importer.slug(String(repeating: "a b ", count: 40))?.count ?? 99 <= 64)
    }

    @Test("a missing owner and a missing current rating are placeholders to review")
    func placeholders() throws {
        let csv = "Ref,Title,Owner,Likelihood,Impact,Residual likelihood,Residual impact,Controls\nR1,A,,3,3,,,CCTV\nR2,B,Jo,3,3,2,3,\n"
        let r = try register(try run(csv))
        #expect(r.risks[0].owner == "Owner to be confirmed")
        #expect(r.risks[0].needsReview == ["strategy", "coproduction", "owner", "outcome", "estimates", "response", "response.cost"])
        #expect(r.risks[0].response?.likelihoodReduction == 0)
        // Lower current levels without controls: the reduction is kept, the action is a placeholder.
        #expect(r.risks[1].response?.action == "Controls not recorded in the spreadsheet; describe them here.")
        #expect(r.risks[1].response?.likelihoodReduction == 0.64)
        #expect(r.risks[1].needsReview.contains("response"))
    }

    @Test("text with YAML's special characters reads back exactly")
    func awkwardText() throws {
        let titles = [
            "Risk: a colon and space", "- starts like a list item", "# looks like a comment", "ends with a colon:",
            "\"quoted\" and 'single'", "null", "no", "[not a list]", "{not a map}", "*star", "& amp", "! bang", "% percent",
            "@ at", "`tick", "| pipe", "> fold", "a # hash inside", "back\\slash", "Café – €5 “curly”", "?question", "true",
        ]
        var csv = "Ref,Title,Description,Likelihood,Impact\n"
        for (i, t) in titles.enumerated() {
            let quoted = "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            csv += "R\(i),\(quoted),\(quoted),1,1\n"
        }
        let long = String(repeating: "word: #1 - ", count: 30)
        csv += "RL,Long,\"\(long)\n\n• bullet one\n• bullet two\",1,1\n"
        let r = try register(try run(csv))
        #expect(r.risks.prefix(titles.count).map(\.title) == titles)
        #expect(r.risks.prefix(titles.count).map(\.description) == titles)
        #expect(r.risks.last?.description == ImportYAMLWriter.clean(long) + "\n\n• bullet one\n• bullet two")
    }

    @Test("Windows-1252 with semicolons, as a continental Excel writes it")
    func windows1252() throws {
        let bytes: [UInt8] = Array("Ref;Title;Likelihood;Impact\r\nR1;Gemeente ".utf8) + [0x93, 0x4B, 0x94, 0x20, 0x80] + Array(";3;3\r\n".utf8)
        let r = try register(try run(bytes: bytes))
        #expect(r.risks[0].title == "Gemeente “K” €")
    }

    // MARK: Mapping

    /// `default` takes every cell `values` does not list, so a column of many categories needs
    /// only the ones that differ; without `default`, an unlisted cell is an error.
    @Test("a mapping's default takes the cells its values do not list")
    func valuesDefault() throws {
        let mapping = Self.mapping.replacingOccurrences(of: "  values: {Money: cost, Service: days}",
                                                        with: "  values: {Service: days}\n  default: cost")
        let csv = "No.,Hazard,L,I,4T,Type,Comments\n1,A,High,2,Treat,Finance,x\n2,B,1,3,,service,y\n3,C,1,1,,Legal,z\n"
        let r = try register(try run(csv, mapping: mapping))
        #expect(r.risks.map(\.outcome) == ["cost", "days", "cost"])
        let text = try #require(try run(csv, mapping: mapping).text)
        #expect(text.contains("# from \"Finance\": the mapping's `default`"))
        // With a default, `values` may be left out altogether.
        let only = Self.mapping.replacingOccurrences(of: "  values: {Money: cost, Service: days}", with: "  default: days")
        #expect(try register(try run(csv, mapping: only)).risks.map(\.outcome) == ["days", "days", "days"])
        #expect(errors(try run(csv, mapping: Self.mapping)) == ["r.csv:2:6 import-unmapped-value", "r.csv:4:6 import-unmapped-value"])
    }

    /// A column problem does not hide the problems in the cells: one run reports both.
    @Test("column errors and value errors come in one run")
    func oneRun() throws {
        let csv = "Ref,Title,Likelihood,Impact,Category\nR1,A,7,1,Finance\nR2,B,2,x,Legal\n"
        #expect(errors(try run(csv)) == ["r.csv:1:5 import-unmapped-column", "r.csv:2:3 import-bad-score", "r.csv:3:4 import-bad-score"])
    }

    /// Without the organisation's scales the import says so, and marks every estimate.
    @Test("without scales the estimates are marked for review and the scales labelled as the example")
    func exampleScales() throws {
        let outcome = try run("Ref,Title,Likelihood,Impact\nR1,A,2,3\n")
        #expect(outcome.usedExampleScales)
        let text = try #require(outcome.text)
        #expect(text.contains("EXAMPLE SCALES, NOT THE ORGANISATION'S"))
        #expect(try register(outcome).risks[0].needsReview.contains("estimates"))
        let given = try run("No.,Hazard,L,I,4T,Type,Comments\n1,A,High,2,Treat,Money,x\n", mapping: Self.mapping)
        #expect(!given.usedExampleScales)
        #expect(try register(given).risks[0].needsReview == ["coproduction", "owner"])
        #expect(given.text?.contains("The organisation's own matrix") == true)
    }

    static let mapping = """
        register:
          id: corporate
          title: Corporate risks
          organisation: Example District Council
          horizon: 12 months
          currency: GBP
        outcomes:
          - {id: cost, title: Unplanned cost, unit: money}
          - {id: days, title: Service days lost, unit: days}
        scales:
          likelihood:
            levels:
              - {level: 1, label: low, from: 0%, to: 30%}
              - {level: 2, label: medium, from: 30%, to: 70%}
              - {level: 3, label: high, from: 70%, to: 100%}
          impact:
            - unit: money
              levels:
                - {level: 1, label: low, from: 0, to: 10k}
                - {level: 2, label: medium, from: 10k, to: 100k}
                - {level: 3, label: high, from: 100k}
            - unit: days
              levels:
                - {level: 1, label: low, from: 0, to: 2}
                - {level: 2, label: medium, from: 2, to: 10}
                - {level: 3, label: high, from: 10}
          rating: {method: product, amber-from: 3, red-from: 6}
        columns:
          ref: No.
          title: Hazard
          gross-likelihood: L
          gross-impact: I
        ignore: [Comments]
        strategy:
          column: 4T
          values: {Treat: reduction, Tolerate: resilience}
          blank: reduction
        outcome:
          column: Type
          values: {Money: cost, Service: days}
        """

    @Test("a mapping names columns, decides strategy and outcome, and gives metadata and scales")
    func mapping() throws {
        let csv = "No.,Hazard,L,I,4T,Type,Comments\n1,A,High,2,Treat,Money,x\n2,B,1,3,,service,y\n"
        let r = try register(try run(csv, mapping: Self.mapping))
        #expect(r.metadata.id == "corporate")
        #expect(r.outcomes.map(\.id) == ["cost", "days"])
        #expect(r.risks.map(\.outcome) == ["cost", "days"])
        #expect(r.risks.map(\.strategy) == [.reduction, .reduction])
        #expect(r.risks.map(\.needsReview) == [["coproduction", "owner"], ["coproduction", "owner"]])
        #expect(r.risks[0].ratings?.gross == .init(likelihood: 3, impact: 2))
        #expect(r.scales?.rating.redFrom == 6)
    }

    @Test("a tolerated risk keeps the mapped strategy but is marked for review, with the reason beside it")
    func tolerateIsMarkedForReview() throws {
        let csv = "No.,Hazard,L,I,4T,Type,Comments\n1,A,1,1,Tolerate,Money,\n2,B,1,1,Treat,Money,\n"
        let outcome = try run(csv, mapping: Self.mapping)
        let r = try register(outcome)
        #expect(r.risks.map(\.strategy) == [.resilience, .reduction])
        #expect(r.risks.map(\.needsReview) == [["strategy", "coproduction", "owner"], ["coproduction", "owner"]])
        let text = try #require(outcome.text)
        #expect(text.contains("# from \"Tolerate\"; to check: tolerating has no single counterpart among the four strategies"))
    }

    @Test("only the outcomes some risk uses are declared")
    func usedOutcomesOnly() throws {
        let csv = "No.,Hazard,L,I,4T,Type,Comments\n1,A,1,1,Treat,Service,\n"
        let text = try #require(try run(csv, mapping: Self.mapping).text)
        #expect(!text.contains("id: cost"))
        #expect(try register(try run(csv, mapping: Self.mapping)).outcomes.map(\.id) == ["days"])
    }

    @Test("scales copied from another register with scales-from")
    func scalesFrom() throws {
        let mapping = "scales-from: \(repositoryRoot.path)/Registers/community-safety-leiden.yaml\noutcomes: [{id: kosten, title: Kosten, unit: money}]\nregister: {id: r, title: R, organisation: O, horizon: 1 year, currency: EUR}\n"
        let r = try register(try run("Ref,Title,Likelihood,Impact\nR1,A,waarschijnlijk,ernstig\n", mapping: mapping))
        #expect(r.scales?.likelihood.map(\.label).first == "zeer-klein")
        #expect(r.scales?.likelihood.map(\.shownName).first == "very unlikely")
        #expect(r.risks[0].ratings?.gross == .init(likelihood: 4, impact: 4))
    }

    @Test("appetite statements in the mapping reach the register in its shape")
    func appetiteFromTheMapping() throws {
        let mapping = """
            register: {id: r, title: R, organisation: O, horizon: 1 year, currency: GBP}
            appetite:
              - outcome: unplanned-cost
                statement: At most a 1 in 10 chance of losing more than 2m in a year.
                loss-exceeds: 2m
                at-most: 1 in 10
              - outcome: unplanned-cost
                harm-exceeds: 5m
                at-most: 2.5%
            """
        let r = try register(try run("Ref,Title,Likelihood,Impact\nR1,A,2,3\n", mapping: mapping))
        #expect(r.appetite.map(\.limit) == [.lossExceeds(threshold: 2_000_000, atMost: 0.1), .harmExceeds(threshold: 5_000_000, atMost: 0.025)])
        #expect(r.appetite.first?.statement == "At most a 1 in 10 chance of losing more than 2m in a year.")
        #expect(r.appetite.allSatisfy { $0.outcome == "unplanned-cost" })
    }

    @Test("an appetite statement in the mapping is checked as in a register, at its place")
    func appetiteProblemsAreLocated() {
        #expect(mappingErrors("appetite:\n  - outcome: unplanned-cots\n    loss-exceeds: 1m\n    at-most: 10%\n") == ["2:14 unknown-reference"])
        #expect(mappingErrors("appetite:\n  - outcome: unplanned-cost\n    loss-exceeds: 1m\n") == ["2:5 appetite-shape"])
        #expect(mappingErrors("appetite:\n  - outcome: unplanned-cost\n    loss-exceeds: 1m\n    at-most: 140%\n") == ["4:14 probability-range"])
        #expect(mappingErrors("appetite:\n  - outcome: unplanned-cost\n    loss-exceeds: 1m\n    at-most: 10%\n    limit: 3\n") == ["5:5 unknown-field"])
        let hint = ImportMapping.read(bytes: Array("appetite:\n  - {outcome: unplanned-cots, loss-exceeds: 1m, at-most: 10%}\n".utf8), file: "m.yaml").diagnostics.first?.hint
        #expect(hint == "did you mean `unplanned-cost`?", "\(hint ?? "")")
    }

    func mappingErrors(_ text: String) -> [String] {
        ImportMapping.read(bytes: Array(text.utf8), file: "m.yaml").diagnostics.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
    }

    @Test("a mapping's own problems are located in it")
    func mappingProblems() {
        #expect(mappingErrors("colums: {ref: ID}\n") == ["1:1 unknown-field"])
        #expect(mappingErrors("strategy: {fixed: reduce}\n") == ["1:19 invalid-value"])
        #expect(mappingErrors("strategy: {column: T}\n") == ["1:11 missing-field"])
        #expect(mappingErrors("columns: {ref: [a, b]}\n") == ["1:16 wrong-type"])
        #expect(mappingErrors("columns:\n  ref: ID\n title: x\n") .first?.hasSuffix("yaml-syntax") == true)
        #expect(mappingErrors("dates: european\n") == ["1:8 invalid-value"])
        #expect(mappingErrors("outcomes: [{id: a, title: A, unit: hours}]\n") == ["1:12 unknown-level"])
        #expect(mappingErrors("outcomes: [{id: a, title: A, unit: money}, {id: b, title: B, unit: money}]\n") == ["1:11 missing-field"])
        #expect(mappingErrors("scales-from: nowhere.yaml\n") == ["1:14 file-unreadable"])
        #expect(mappingErrors("register: {id: r, title: R, organisation: O, horizon: a year}\n").contains("1:55 invalid-duration"))
        #expect(mappingErrors("scales:\n  likelihood: {levels: [{level: 1, label: a, from: 0%, to: 50%}, {level: 2, label: b, from: 40%, to: 100%}]}\n  impact: []\n  rating: {method: product, amber-from: 2, red-from: 3}\n").contains("2:93 scale-band-overlap"))
    }

    // MARK: Errors, each at its row and column

    @Test("a column nothing reads, and a value in a column without a header")
    func unmappedColumns() throws {
        #expect(errors(try run("Ref,Title,Likelihood,Impact,Category\nR1,A,1,1,Finance\n")) == ["r.csv:1:5 import-unmapped-column"])
        #expect(errors(try run("Ref,Title,Likelihood,Impact\nR1,A,1,1,stray\n")) == ["r.csv:2:5 import-unmapped-column"])
        #expect(errors(try run("Ref,Title,,Likelihood,Impact\nR1,A,,1,1\nR2,B,x,1,1\n")) == ["r.csv:3:3 import-unmapped-column"])
    }

    @Test("a column the import needs is missing, or the mapping names a header that is not there")
    func missingColumns() throws {
        #expect(errors(try run("Title,Likelihood,Impact\nA,1,1\n")) == ["r.csv:1:1 import-missing-column"])
        #expect(errors(try run("Ref,Title,Likelihood,Impact,Residual likelihood\nR1,A,1,1,1\n")) == ["r.csv:1:1 import-missing-column"])
        let table = try CSVTable(bytes: Array("Ref,Title,Likelihood,Impact\nR1,A,1,1\n".utf8))
        let mapping = try #require(ImportMapping.read(bytes: Array("columns:\n  ref: Risk No\n".utf8), file: "m.yaml").mapping)
        let outcome = SpreadsheetImport.run(table: table, file: "r.csv", mapping: mapping)
        #expect(errors(outcome) == ["m.yaml:2:8 import-unknown-column", "r.csv:1:1 import-unmapped-column"])
        #expect(outcome.diagnostics[0].hint == "did you mean `Ref`?" || outcome.diagnostics[0].hint?.contains("Ref") == true)
    }

    @Test("blank values a risk needs")
    func missingValues() throws {
        let csv = """
            Ref,Title,Likelihood,Impact,Residual likelihood,Residual impact
            ,,just a note before any risk,,,
            ,No reference,1,1,,
            R2,,1,1,,
            R3,Gross missing,,,,
            R4,Half a current rating,2,2,1,

            """
        #expect(errors(try run(csv)) == [
            "r.csv:2:3 import-missing-value", "r.csv:3:1 import-missing-value", "r.csv:4:2 import-missing-value",
            "r.csv:5:3 import-missing-value", "r.csv:5:4 import-missing-value", "r.csv:6:6 import-missing-value",
        ])
    }

    @Test("scores that are not levels of the scale")
    func badScores() throws {
        let csv = "Ref,Title,Likelihood,Impact\nR1,A,6,1\nR2,B,high,1\nR3,C,3.5,1\nR4,D,4 - Unlikely,1\nR5,E,2,likly\n"
        let outcome = try run(csv)
        #expect(errors(outcome) == ["r.csv:2:3 import-bad-score", "r.csv:3:3 import-bad-score", "r.csv:4:3 import-bad-score",
                                    "r.csv:5:3 import-bad-score", "r.csv:6:4 import-bad-score"])
        #expect(outcome.diagnostics[0].message == "the likelihood scale has no level 6")
        #expect(outcome.diagnostics[3].message == "the likelihood `4 - Unlikely` gives level 4 but names `unlikely`, level 2")
        #expect(outcome.diagnostics[0].hint?.contains("`rare`, `unlikely`, `possible`, `likely` or `almost-certain`") == true)
    }

    @Test("duplicate references, also when two become the same id")
    func duplicateRefs() throws {
        let outcome = try run("Ref,Title,Likelihood,Impact\nCR-01,A,1,1\n\"CR-01\",B,1,1\nCR 02,C,1,1\nCR-02,D,1,1\n")
        #expect(errors(outcome) == ["r.csv:3:1 import-duplicate-ref", "r.csv:5:1 import-duplicate-ref"])
        #expect(outcome.diagnostics[0].message == "reference `CR-01` is already used at row 2")
    }

    @Test("a review date that is not a date, and a value the mapping does not map")
    func badDateAndUnmappedValue() throws {
        #expect(errors(try run("Ref,Title,Likelihood,Impact,Review date\nR1,A,1,1,next Tuesday\n")) == ["r.csv:2:5 import-bad-date"])
        let csv = "No.,Hazard,L,I,4T,Type,Comments\n1,A,1,1,Treet,Money,\n2,B,1,1,Treat,Other,\n"
        #expect(errors(try run(csv, mapping: Self.mapping)) == ["r.csv:2:5 import-unmapped-value", "r.csv:3:6 import-unmapped-value"])
    }

    @Test("a file that is not CSV is located where it goes wrong")
    func notCSV() {
        let (outcome, table) = SpreadsheetImport.run(bytes: Array("Ref,Title\nR1,\"open\n".utf8), file: "r.csv", mapping: .defaults)
        #expect(table == nil)
        #expect(errors(outcome) == ["r.csv:2:2 import-csv"])
    }

    @Test("an empty file, a header alone")
    func empty() throws {
        #expect(errors(try run("Ref,Title,Likelihood,Impact\n")) == ["r.csv:1:1 import-empty"])
        #expect(errors(try run("\n\n")) == ["r.csv:1:1 import-empty"])
    }

    @Test("errors in many rows are all reported in one run, and no text is produced")
    func allAtOnce() throws {
        let outcome = try run("Ref,Title,Likelihood,Impact\nR1,A,9,1\nR1,B,1,1\nR3,,1,1\n")
        #expect(errors(outcome).count == 3)
        #expect(outcome.text == nil)
    }
}
