import Foundation
import RegisterLoader
import RegisterModel
import Reporting
import Scoring
import _TestSupport

/// Registers, scores and rendered reports shared by the reporting tests.
enum ReportFixtures {
    static let asOf = CalendarDate("2026-11-30")!
    static let examples = ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"]

    /// HTML without the column headings each table cell carries for phones (`data-label`), so
    /// a test can pin a row as the template writes it.
    static func withoutLabels(_ html: String) -> String {
        html.replacingOccurrences(of: #" data-label="[^"]*""#, with: "", options: .regularExpression)
    }

    static func load(_ name: String) throws -> Register {
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: asOf)
        guard let register = loaded.register else { throw Failure(message: "\(name) has errors: \(loaded.diagnostics)") }
        return register
    }

    static func load(yaml: String, file: String = "hostile.yaml") throws -> Register {
        let loaded = RegisterFile.read(bytes: Array(yaml.utf8), file: file, asOf: asOf)
        guard let register = loaded.register else { throw Failure(message: "fixture has errors: \(loaded.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" })") }
        return register
    }

    /// An example register's report as the shipped templates render it. Scoring and rendering
    /// are deterministic, so each page is made once per test run and shared: dozens of tests
    /// read the same few pages. Tests that ask for a page another test is making wait for it
    /// rather than make it again, and the Markdown and HTML pages of one register, audience,
    /// language and trial count share one score.
    static func example(_ name: String, _ audience: ReportOptions.Audience, language: String = "en",
                        format: ReportOptions.Format = .markdown, trials: Int = 4_000) throws -> String {
        try pages.value(for: "\(name) \(audience) \(language) \(format) \(trials)") {
            try render(try load(name), try exampleScores(name, audience, language: language, trials: trials), format: format, audience: audience,
                       language: language)
        }
    }

    /// The scores behind ``example(_:_:language:format:trials:)``'s pages, made once per run.
    static func exampleScores(_ name: String, _ audience: ReportOptions.Audience, language: String = "en",
                              trials: Int = 4_000) throws -> (RegisterScore, RegisterScore?) {
        try scores.value(for: "\(name) \(audience) \(language) \(trials)") {
            try score(try load(name), audience: audience, trials: trials, language: language)
        }
    }

    /// The pages ``example(_:_:language:format:trials:)`` has made, shared by the tests that run
    /// in parallel.
    private static let pages = OnceCache<String>()
    /// The scores behind those pages: the report's own and, for a board report of a register with
    /// confidential entries, the published page's.
    private static let scores = OnceCache<(RegisterScore, RegisterScore?)>()

    /// Values made once per key, by the first caller; callers asking for a key being made wait for
    /// it (the scorer's threads are Dispatch's, so a waiting test holds up no simulation).
    private final class OnceCache<Value>: @unchecked Sendable {
        private final class Slot: @unchecked Sendable {
            let lock = NSLock()
            var value: Value?
        }

        private let lock = NSLock()
        private var slots: [String: Slot] = [:]

        func value(for key: String, make: () throws -> Value) throws -> Value {
            let slot = lock.withLock {
                if let slot = slots[key] { return slot }
                let slot = Slot()
                slots[key] = slot
                return slot
            }
            slot.lock.lock()
            defer { slot.lock.unlock() }
            if let value = slot.value { return value }
            let value = try make()
            slot.value = value
            return value
        }
    }

    /// The shipped templates, read and parsed once: every report a test renders uses them, and
    /// parsing them took about a sixth of each render.
    static let templates: ReportTemplates = {
        do { return try ReportTemplates(folder: TestSupport.path("Templates")) } catch { fatalError("\(error)") }
    }()

    /// An example register's residents' page, at the trial count the wording tests share.
    static func community(_ name: String, _ language: String = "en", format: ReportOptions.Format = .markdown,
                          audience: ReportOptions.Audience = .community, trials: Int = 2_000) throws -> String {
        try example(name, audience, language: language, format: format, trials: trials)
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    /// The part of a Markdown page from one heading to the next of the same level.
    static func section(_ page: String, _ heading: String) -> String {
        guard let start = page.range(of: heading) else { return "" }
        let rest = page[start.upperBound...]
        let level = heading.prefix { $0 == "#" || $0 == "\n" } + " "
        return String(rest[..<(rest.range(of: level)?.lowerBound ?? rest.endIndex)])
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func render(_ register: Register, format: ReportOptions.Format, audience: ReportOptions.Audience,
                       trials: Int = 4_000, templates: ReportTemplates? = nil, language: String = "en") throws -> String {
        try render(register, try score(register, audience: audience, trials: trials, language: language), format: format, audience: audience,
                   templates: templates, language: language)
    }

    static func options(format: ReportOptions.Format, audience: ReportOptions.Audience, language: String) -> ReportOptions {
        ReportOptions(format: format, audience: audience, libyamlVersion: RegisterFile.libyamlVersion, command: "riskreg report test",
                      language: language)
    }

    /// The register scored as `riskreg report` scores it for `audience` and `language` (the
    /// format changes nothing scored), with the published page's score beside a board's.
    static func score(_ register: Register, audience: ReportOptions.Audience, trials: Int,
                      language: String) throws -> (RegisterScore, RegisterScore?) {
        let options = Self.options(format: .markdown, audience: audience, language: language)
        var scoring = ScoringOptions(seed: 7, trials: trials, jobs: 2, asOf: asOf)
        scoring.responseLevers = audience == .board
        scoring.equalWeights = audience == .community
        scoring.withoutEachPerspective = audience == .community
        let score = try Scorer.score(Report.registerToScore(register, options: options), options: scoring)
        // As `riskreg report` does: a board report of a register with confidential entries is
        // told the published page's figures, scored from the public view.
        var published: RegisterScore?
        if audience == .board, register.risks.contains(where: \.isConfidential) {
            var publicOptions = options
            publicOptions.audience = .community
            published = try Scorer.score(Report.registerToScore(register, options: publicOptions), options: ScoringOptions(seed: 7, trials: trials, jobs: 2, asOf: asOf))
        }
        return (score, published)
    }

    static func render(_ register: Register, _ scores: (RegisterScore, RegisterScore?), format: ReportOptions.Format,
                       audience: ReportOptions.Audience, templates: ReportTemplates? = nil, language: String) throws -> String {
        try Report.render(register: register, score: scores.0, options: options(format: format, audience: audience, language: language),
                          templates: templates ?? Self.templates, published: scores.1)
    }

    /// Strings that have broken HTML sanitisers and Markdown renderers: OWASP's XSS filter
    /// evasion cheat sheet, `javascript:` URLs, bidirectional overrides and Markdown injection.
    static let hostile: [String] = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg/onload=alert(1)>",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "javascript:alert(document.cookie)",
        "<iframe src=//evil.example></iframe>",
        "<style>body{display:none}</style>",
        "</title><script>alert(1)</script>",
        "<BODY ONLOAD=alert('XSS')>",
        "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
        "<svg><foreignObject><p style=\"x\">",
        "&lt;script&gt; &#60;script&#62;",
        "abc\u{202E}fdp.exe\u{202C} and \u{2066}isolate\u{2069}",
        "zero\u{200B}width\u{FEFF}bom",
        "[click me](javascript:alert(1))",
        "![img](https://evil.example/x.png)",
        "[ref]: https://evil.example",
        "# Injected heading",
        "| injected | table |",
        "line one\n## second heading\n- list item",
        "`code` **bold** _em_ ~~strike~~",
        "<https://evil.example> http://plain.example www.evil.example",
        "@everyone and user@example.com",
        "=HYPERLINK(\"http://evil\")",
    ]
}
