import Foundation
import RegisterLoader
import RegisterModel
import Scoring
import TextLayer
import Testing
import _TestSupport
@testable import Reporting

/// A register with `text` in every free-text field, and one confidential entry whose every
/// string carries `secret`.
func fixtureRegister(text: String, secret: String = "SECRET") -> String {
    func q(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.properties.generalCategory == .format || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
    let t = q(text)
    return """
        riskreg: 1
        register:
          id: hostile
          title: \(t)
          organisation: \(t)
          description: \(t)
          owner: \(t)
          horizon: 12 months
          currency: EUR
          next-review: 2027-01-01
        outcomes:
          - {id: money, title: \(t), unit: money, description: \(t)}
          - {id: other, title: \(t), unit: \(t)}
        appetite:
          - {outcome: money, statement: \(t), loss-exceeds: 10k, at-most: 10%}
          - {outcome: other, statement: \(t), net-benefit-above: 0, at-least: 50%}
        contributors:
          - {id: staff, name: \(t), kind: staff, public: true, description: \(t)}
          - {id: users, name: \(t), kind: user, public: true}
          - {id: hidden, name: Hidden Panel \(secret)-NAME, kind: user, public: false}
        perspectives:
          - {id: officers, title: \(t), contributors: [staff]}
          - {id: users, title: \(t), contributors: [users, hidden]}
        risks:
          - id: R-1
            title: \(t)
            description: \(t)
            outcome: money
            strategy: reduction
            owner: \(t)
            borne-by: \(t)
            coproduction: {mode: co-design, contributors: [staff, users, hidden], note: \(t)}
            estimates:
              - {perspective: officers, likelihood: 30%, impact: {pert: [1k, 5k, 20k]}, rationale: \(t)}
              - {perspective: users, likelihood: 60%, impact: {pert: [2k, 9k, 40k]}, rationale: \(t)}
            response: {action: \(t), cost: 2k, delivered-by: [users], reliability: 80%, reduces-likelihood-by: 50%}
            review: 2026-06-01
          - id: R-2
            title: \(t)
            outcome: other
            strategy: enablement
            owner: \(t)
            coproduction: {mode: co-delivery, contributors: [users]}
            estimates:
              - {perspective: officers, likelihood: 20%, impact: {fixed: 10}, benefit: {uniform: [5, 30]}, rationale: \(t)}
          - id: \(secret)-ID
            title: Confidential \(secret)-TITLE
            description: Confidential \(secret)-DESCRIPTION
            outcome: money
            strategy: reduction
            owner: Owner \(secret)-OWNER
            borne-by: Borne \(secret)-BORNE
            confidential: true
            coproduction: {mode: co-assessment, contributors: [hidden], note: Note \(secret)-NOTE}
            estimates:
              - {perspective: officers, likelihood: 1 in 8, impact: {lognormal: [5k, 60k]}, rationale: Why \(secret)-RATIONALE}
            response: {action: Act \(secret)-ACTION, cost: 3k, reduces-impact-by: 50%}
            review: 2026-01-01
        """
}

@Suite("Reports: templates, content, confidentiality, escaping")
struct ReportingTests {
    static let combos: [(ReportOptions.Format, ReportOptions.Audience)] = [(.html, .board), (.html, .community), (.markdown, .board), (.markdown, .community)]

    @Test func builtInTemplatesEqualTemplatesFolder() throws {
        let folder = TestSupport.path("Templates")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == BuiltInTemplates.files.keys.sorted(), "run scripts/embed-resources")
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            #expect(BuiltInTemplates.files[name] == text, "\(name) differs from the built-in copy: run scripts/embed-resources")
        }
    }

    @Test(arguments: ReportFixtures.examples)
    func everyShippedTemplateRendersEveryExample(_ name: String) throws {
        let register = try ReportFixtures.load(name)
        for (format, audience) in Self.combos {
            let out = try ReportFixtures.render(register, try ReportFixtures.exampleScores(name, audience), format: format, audience: audience,
                                                templates: .builtIn(), language: "en")
            #expect(out.count > 2_000)
            #expect(!out.contains("{{"), "unrendered tag in \(format) \(audience)")
            #expect(!out.contains(ReportTemplates.hashSentinel))
            #expect(!out.contains("&amp;amp;") && !out.contains("&amp;lt;"), "double escaping")
            // The board names the horizon in words, one way on every page ("1 year" for a
            // register's "12 months"); the community report says it in words ("the next year")
            // and ends with the command that reproduces it.
            // (In HTML "horizon" links to the glossary.)
            #expect(audience == .board ? out.contains("horizon of 1 year") || out.contains("horizon</a> of 1 year") : out.contains("riskreg report test"))
        }
    }

    @Test(arguments: ReportFixtures.examples)
    func confidentialEntriesNeverReachCommunityReports(_ name: String) throws {
        let register = try ReportFixtures.load(name)
        let confidential = register.risks.filter(\.isConfidential)
        try #require(!confidential.isEmpty || name == "ward-7-patient-partnership")
        for format in [ReportOptions.Format.html, .markdown] {
            let out = try ReportFixtures.example(name, .community, format: format)
            for risk in confidential {
                var strings = [risk.id, risk.title, risk.owner]
                strings += [risk.description, risk.borneBy, risk.coproduction.note, risk.response?.action].compactMap { $0 }
                strings += risk.estimates.compactMap(\.rationale)
                for s in strings where s.count > 3 {
                    // Compare on escaped and unescaped forms alike.
                    let encoded = format == .html ? HTMLText.escape(s) : MarkdownText.escape(s, links: .none)
                    #expect(!out.contains(s) && !out.contains(encoded), "\(risk.id): \(s.prefix(40)) in community \(format)")
                }
            }
            if !confidential.isEmpty { #expect(out.contains("kept private")) }
            let board = try ReportFixtures.example(name, .board, format: format)
            for risk in confidential { #expect(board.contains(risk.id)) }
        }
    }

    @Test func confidentialStringsAndUnnamedContributorsAbsentFromCommunity() throws {
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: "Plain text"))
        for format in [ReportOptions.Format.html, .markdown] {
            let community = try ReportFixtures.render(register, format: format, audience: .community)
            #expect(!community.contains("SECRET"), "\(format)")
            #expect(community.contains("left out of this page"))
            #expect(community.contains("a group of service users"))
            #expect(community.contains("Groups and organisations are named on this page only where they have agreed to be."))
            let board = try ReportFixtures.render(register, format: format, audience: .board)
            for marker in ["ID", "TITLE", "DESCRIPTION", "OWNER", "BORNE", "NOTE", "RATIONALE", "ACTION", "NAME"] {
                #expect(board.contains("SECRET-\(marker)"), "board \(format) lacks \(marker)")
            }
        }
    }

    @Test(arguments: ReportFixtures.hostile)
    func hostileTextIsInertInHTML(_ text: String) throws {
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: text))
        for audience in [ReportOptions.Audience.board, .community] {
            let html = try ReportFixtures.render(register, format: .html, audience: audience, trials: 1_000)
            let tags = Self.tags(in: html)
            let allowed: Set<String> = ["!doctype", "html", "head", "meta", "title", "style", "body", "header", "main", "footer", "section", "article",
                                        "h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "span", "bdi", "div", "table", "caption", "thead", "tbody", "tr",
                                        "th", "td", "figure", "figcaption", "details", "summary", "dl", "dt", "dd", "code", "svg", "rect", "line",
                                        "polyline", "path", "text", "nav", "ol", "a",
                                        // A chart label with its full wording as a tooltip: a group with no attributes.
                                        "g"]
            for (name, attributes) in tags {
                #expect(allowed.contains(name), "unexpected <\(name)> for \(text.debugDescription)")
                #expect(!attributes.contains { $0.hasPrefix("on") || $0 == "style" || $0 == "src" }, "\(name) \(attributes)")
            }
            // Links only within the report: to its own sections and entries.
            for link in html.components(separatedBy: " href=\"").dropFirst() {
                #expect(link.hasPrefix("#"), "a link out of the report: \(link.prefix(40))")
            }
            #expect(html.components(separatedBy: "<style>").count == 2, "one style block")
            #expect(!html.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0x200B })
            #expect(!html.lowercased().contains("javascript:alert(1)\""))
        }
    }

    @Test(arguments: ReportFixtures.hostile)
    func hostileTextIsInertInMarkdown(_ text: String) throws {
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: text))
        for audience in [ReportOptions.Audience.board, .community] {
            let md = try ReportFixtures.render(register, format: .markdown, audience: audience, trials: 1_000)
            for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
                // Headings come only from the template.
                if line.hasPrefix("#") { #expect(!line.hasPrefix("# Injected") && !line.hasPrefix("## second"), "\(line)") }
                // Every `](` is escaped, not merely one of them — except the one link a contents
                // line ends with, which the template makes (to a heading's anchor).
                var text = String(line)
                if text.range(of: #"^(  )?- \[.*\]\(#[^\s()\[\]]*\)$"#, options: .regularExpression) != nil {
                    text = text.replacingOccurrences(of: #"\]\(#[^\s()\[\]]*\)$"#, with: "", options: .regularExpression)
                }
                #expect(text.components(separatedBy: "](").count == text.components(separatedBy: "\\](").count, "link syntax in \(line)")
                #expect(!Self.hasRawHTML(String(line)), "raw HTML in \(line)")
            }
            #expect(!md.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) })
            #expect(!md.contains("\n## second heading") && !md.contains("\n- list item"))
            // Every table row has as many cells as its header.
            var width: Int?
            for line in md.split(separator: "\n") {
                guard line.hasPrefix("|") else { width = nil; continue }
                let cells = Self.unescapedPipes(String(line))
                if let width { #expect(cells == width, "row shape changed: \(line)") } else { width = cells }
            }
        }
    }

    @Test func htmlHasStrictCSPFirstInHeadMatchingItsOneStyleBlock() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let html = try ReportFixtures.render(register, format: .html, audience: .board)
        let head = try #require(html.range(of: "<head>\n"))
        #expect(html[head.upperBound...].hasPrefix("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-"))
        let open = try #require(html.range(of: "<style>")), close = try #require(html.range(of: "</style>"))
        let css = html[open.upperBound..<close.lowerBound]
        let hash = SHA256.base64(SHA256.digest(Array(css.utf8)))
        #expect(html.contains("style-src 'sha256-\(hash)';"))
        #expect(!html.contains(" style=\""))
        #expect(!html.contains("<script"))
        // The one http:// URL allowed is the SVG namespace, which names the format and is never fetched.
        #expect(html.contains("http://www.w3.org/2000/svg"))
        #expect(!html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("http://"))
        #expect(!html.contains("<link") && !html.contains("<img") && !html.contains("url("))
    }

    @Test func chartsHaveTitlesDescriptionsAndTables() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let html = try ReportFixtures.render(register, format: .html, audience: .board)
        let svgs = html.components(separatedBy: "<svg ").count - 1
        #expect(svgs >= 3 * 3, "per-outcome charts (the register has scales: its own matrix instead of the heat map)")
        #expect(html.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1 == svgs)
        #expect(html.components(separatedBy: "<figure").count - 1 == svgs)
        #expect(html.contains("On the organisation’s own matrix"))
        #expect(html.contains("1 in 10"))
        let md = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(!md.contains("<svg"))
        #expect(md.contains("### On the organisation’s own matrix"))
    }

    @Test func verdictSentencesUseNaturalFrequenciesAndUncertainty() throws {
        let register = try ReportFixtures.load("community-safety-leiden")
        let md = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(md.contains(" of more than €50,000 in Overspend on the partnership's 2027 budget in 2027; the board's appetite is at most 10 in 100 (10%)"))
        #expect(md.contains(" percentage points) of "))
        #expect(md.contains("within appetite"))
    }

    @Test func strategyMixFlagsARegisterThatOnlyReduces() throws {
        let yaml = fixtureRegister(text: "Plain").replacingOccurrences(of: "strategy: enablement", with: "strategy: portfolio")
        let register = try ReportFixtures.load(yaml: yaml)
        let md = try ReportFixtures.render(register, format: .markdown, audience: .board)
        #expect(md.contains("Every entry relies on portfolio choices or risk reduction"))
        let leiden = try ReportFixtures.example("community-safety-leiden", .board, format: .markdown)
        #expect(!leiden.contains("Every entry relies on portfolio choices or risk reduction"))
    }

    /// Byte-identical reports from separate processes are checked through the binary
    /// (ReportCommandTests); here, that a report names what made it.
    @Test func reportsSayWhatMadeThem() throws {
        let register = try ReportFixtures.load("ward-7-patient-partnership")
        for (format, audience) in Self.combos {
            let a = try ReportFixtures.render(register, format: format, audience: audience)
            // The community report gives the seed in the command that closes it (the fixture's
            // command stands in for the real one, which always has `--seed`).
            #expect(a.contains(audience == .board ? "seed 7" : "riskreg report test"))
            // Residents are not given the YAML library's version: the command is what they need.
            #expect(a.contains("libyaml \(RegisterFile.libyamlVersion)") == (audience == .board))
            #expect(a.contains("riskreg \(RiskregVersion.current)"))
        }
    }

    @Test func brokenTemplateIsReportedWithFileLineAndColumn() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# {{report.heading}}\n\n{{#outcomes}}\n- {{title}}\n{{/verdicts}}\n".write(to: folder.appendingPathComponent("report-board.md.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try ReportTemplates(folder: folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.file.hasSuffix("report-board.md.mustache"))
            #expect(error.line == 5)
            #expect(error.column >= 1)
            #expect(error.description.contains("report-board.md.mustache:5:"))
        }
    }

    @Test func missingPartialAndEmptyFolderAreErrors() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: TemplateError.self) { try ReportTemplates(folder: folder.path) }
        try "line\n  {{> nowhere}}\n".write(to: folder.appendingPathComponent("report-board.md.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try ReportTemplates(folder: folder.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.column == 3)
            #expect(error.message.contains("nowhere"))
        }
        #expect(throws: TemplateError.self) { try ReportTemplates(folder: folder.path + "/missing") }
    }

    @Test func templatesNeedNoPragmaAndDoNotDoubleEscape() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Every HTML report must carry riskreg's policy first (HTMLSafety).
        let policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {{cspStyleSources}}; img-src 'none'; base-uri 'none'; form-action 'none'\">"
        try (policy + "<p>{{register.title}}</p>{{> part}}").write(to: folder.appendingPathComponent("report-board.html.mustache"), atomically: true, encoding: .utf8)
        try "<i>{{register.organisation}}</i>".write(to: folder.appendingPathComponent("part.mustache"), atomically: true, encoding: .utf8)
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: "A & B <c>"))
        let out = try ReportFixtures.render(register, format: .html, audience: .board, trials: 1_000, templates: ReportTemplates(folder: folder.path))
        #expect(out == policy.replacingOccurrences(of: "{{cspStyleSources}}", with: "'none'") + "<p>A &amp; B &lt;c&gt;</p><i>A &amp; B &lt;c&gt;</i>")
    }

    @Test func everyContextFieldIsDocumented() throws {
        let doc = try String(contentsOfFile: TestSupport.path("docs/templates.md"), encoding: .utf8)
        let register = try ReportFixtures.load(yaml: fixtureRegister(text: "Plain"))
        let score = try Scorer.score(register, options: ScoringOptions(seed: 1, trials: 500, jobs: 1, asOf: ReportFixtures.asOf))
        let context = ReportBuilder(register: register, score: score, options: .init(format: .html, audience: .board, libyamlVersion: "x", command: "c")).build()
        var missing: [String] = []
        func walk(_ value: Any, _ prefix: String) {
            for child in Mirror(reflecting: value).children {
                guard let label = child.label else { continue }
                if !doc.contains("`\(label)`") { missing.append(prefix + label) }
                var v = child.value
                if let opt = v as? (any OptionalProtocol) { guard let w = opt.wrapped else { continue }; v = w }
                if let array = v as? [Any] { if let first = array.first, !(first is String) { walk(first, prefix + label + ".") } }
                else if !(v is String) && !(v is Bool) && !(v is Int) { walk(v, prefix + label + ".") }
            }
        }
        walk(context, "")
        #expect(missing.isEmpty, "undocumented in docs/templates.md: \(missing)")
    }

    // MARK: helpers

    static func tags(in html: String) -> [(String, [String])] {
        var result: [(String, [String])] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: ">") else { break }
            let inside = after[..<close]
            rest = after[after.index(after: close)...]
            if inside.hasPrefix("/") { continue }
            let parts = inside.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard let first = parts.first else { continue }
            let name = first.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            var attributes: [String] = []
            // Attribute names: words before `=` outside quotes.
            var inQuote = false, word = ""
            for ch in inside.dropFirst(first.count) {
                if ch == "\"" { inQuote.toggle(); continue }
                if inQuote { continue }
                if ch == "=" { attributes.append(word.lowercased()); word = "" } else if ch == " " { word = "" } else { word.append(ch) }
            }
            result.append((name, attributes))
        }
        return result
    }

    static func hasRawHTML(_ line: String) -> Bool {
        var previous: Character = " "
        let chars = Array(line)
        for (i, ch) in chars.enumerated() {
            defer { previous = ch }
            guard ch == "<", previous != "\\" else { continue }
            let rest = String(chars[(i + 1)...]).lowercased()
            if rest.hasPrefix("https://") || rest.hasPrefix("mailto:") { continue }
            if let next = rest.first, next.isLetter || next == "/" || next == "!" { return true }
        }
        return false
    }

    static func unescapedPipes(_ line: String) -> Int {
        var count = 0, previous: Character = " "
        for ch in line { if ch == "|" && previous != "\\" { count += 1 }; previous = ch }
        return count
    }
}

protocol OptionalProtocol { var wrapped: Any? { get } }
extension Optional: OptionalProtocol { var wrapped: Any? { self.map { $0 as Any } } }
