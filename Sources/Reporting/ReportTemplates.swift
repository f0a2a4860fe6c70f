import Foundation
import Mustache
import RegisterModel

/// A problem with a report template, located in its file.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 1-based.
    public var line: Int
    /// 1-based.
    public var column: Int
    public var message: String
    public var hint: String?

    public var description: String {
        "\(file):\(line):\(column): error: [template] \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")
    }
}

/// The set of report templates: `report-<audience>.<format>` at the top, partials beside them.
///
/// Templates are loaded by riskreg, not by swift-mustache's folder loader, so that:
/// - every template and partial renders without Mustache's own HTML escaping (the context's
///   strings are already encoded for the format by ``TextLayer/HTMLText`` or ``TextLayer/MarkdownText``, so escaping again would
///   double-escape, and partials would otherwise switch back to HTML escaping on their own);
/// - a syntax error, or a partial that does not exist, is reported with its file, line and
///   column instead of rendering an empty report;
/// - a folder with no templates, or without the one asked for, is an error.
public struct ReportTemplates: Sendable {
    /// Where the templates came from: a folder path, or `built-in`.
    public let source: String
    let library: MustacheLibrary
    let names: Set<String>
    /// The stylesheet (`style.css`), inserted into HTML reports.
    let style: String

    /// The first line of every template as loaded: turns off Mustache's HTML escaping.
    static let pragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// The largest template or stylesheet file read: the built-in templates are under 11 KB
    /// each, and parsing costs about 3 s per MB.
    public static let fileLimit = 128 << 10
    /// The most template text a folder may hold in all.
    public static let folderLimit = 512 << 10
    /// The most partials one top-level template may bring in, counted through every level, so
    /// partials that each include the next several times cannot multiply without end.
    public static let expansionLimit = 1_000

    /// Loads every `*.mustache` file in `folder` (not below it) and `style.css`.
    ///
    /// A folder's templates are trusted no further than a register: each file must be a regular
    /// file inside the folder (a link to `/etc/passwd` as `style.css` would embed it in the
    /// report), within ``fileLimit`` and ``folderLimit``, checked before it is read.
    public init(folder: String) throws(TemplateError) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder) else {
            throw TemplateError(file: folder, line: 1, column: 1, message: "cannot read the templates folder \(folder)",
                                hint: "give a folder of `.mustache` files, such as a copy of riskreg's Templates/")
        }
        let realFolder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        var files: [String: String] = [:]
        var total = 0
        for entry in entries.sorted() where entry.hasSuffix(".mustache") || entry == "style.css" {
            let path = (folder as NSString).appendingPathComponent(entry)
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path, limit: min(Self.fileLimit, Self.folderLimit - total), repository: realFolder)
            } catch {
                throw TemplateError(file: path, line: 1, column: 1,
                                    message: error.message(path).replacingOccurrences(of: "outside its repository", with: "outside the templates folder"),
                                    hint: {
                                        if case .outsideRepository = error { return "copy the file into the templates folder instead of linking to it" }
                                        if case .tooLarge = error {
                                            return "a template may be \(InputFile.describe(Self.fileLimit)), a templates folder \(InputFile.describe(Self.folderLimit)) in all"
                                        }
                                        return error.hint
                                    }())
            }
            total += bytes.count
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw TemplateError(file: path, line: 1, column: 1, message: "cannot read \(entry) as UTF-8 text")
            }
            files[entry] = text
        }
        try self.init(files: files, source: folder)
    }

    /// The files a folder's templates were loaded from, for saying which were used.
    public var fileNames: [String] {
        names.sorted().map { $0 + ".mustache" } + (style.isEmpty ? [] : ["style.css"])
    }

    /// Templates given as file name → text, as ``BuiltInTemplates`` holds them.
    public init(files: [String: String], source: String) throws(TemplateError) {
        var library = MustacheLibrary()
        var names = Set<String>()
        let folder = source == "built-in" ? "built-in Templates" : source
        func path(_ file: String) -> String { (folder as NSString).appendingPathComponent(file) }
        for (file, text) in files.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: Self.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // One line was added in front of the file's own text.
                throw TemplateError(file: path(file), line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                    message: Self.describe(error.error), hint: "near `\(error.context.line.trimmingCharacters(in: .whitespaces))`")
            } catch {
                throw TemplateError(file: path(file), line: 1, column: 1, message: "\(error)")
            }
            names.insert(name)
        }
        guard !names.isEmpty else {
            throw TemplateError(file: folder, line: 1, column: 1, message: "no `.mustache` templates in \(folder)",
                                hint: "copy riskreg's Templates/ folder and edit the copy, or leave out --templates")
        }
        // Every partial a template names must exist.
        var references: [String: [(line: Int, column: Int, name: String)]] = [:]
        for (file, text) in files.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            if let (line, column) = Self.delimiterChange(in: text) {
                throw TemplateError(file: path(file), line: line, column: column, message: "riskreg templates may not change the tag delimiters",
                                    hint: "write tags as {{name}}; riskreg checks partials by reading the tags")
            }
            let found = Self.partialReferences(in: text)
            for (line, column, partial) in found {
                if partial.hasPrefix("*") {
                    throw TemplateError(file: path(file), line: line, column: column, message: "a partial's name must be written out, not taken from the data",
                                        hint: "name the partial, such as {{> html-chart}}")
                }
                if !names.contains(partial) {
                    throw TemplateError(file: path(file), line: line, column: column, message: "no template named `\(partial)` for this partial",
                                        hint: "add \(partial).mustache beside it, or fix the name")
                }
            }
            references[String(file.dropLast(".mustache".count))] = found
        }
        try Self.checkPartialGraph(references, path: { path($0 + ".mustache") })
        self.library = library
        self.names = names
        self.style = files["style.css"] ?? ""
        self.source = source
    }

    /// The built-in copy of `Templates/`.
    public static func builtIn() -> ReportTemplates {
        // The built-in copy is tested to load; failing here is a build mistake.
        do { return try ReportTemplates(files: BuiltInTemplates.files, source: "built-in") } catch { fatalError("\(error)") }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section that is open"
        case .unfinishedName: return "a tag is not finished (a missing `}}`?)"
        case .expectedSectionEnd: return "a section is never closed (a missing `{{/name}}`)"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: return "only blocks may appear inside a parent template's section"
        case .invalidConfigVariableSyntax: return "the pragma is malformed"
        case .unrecognisedConfigVariable: return "unknown pragma (riskreg sets the content type itself)"
        // A case a later swift-mustache adds: its own description, rather than a build failure.
        @unknown default: return "\(error)"
        }
    }

    /// Refuses a partial that includes itself, directly or through others (Mustache would
    /// recurse until the stack overflows: riskreg's context has no nested data to end it), and
    /// partials that expand to more than ``expansionLimit`` copies in one template.
    static func checkPartialGraph(_ references: [String: [(line: Int, column: Int, name: String)]],
                                  path: (String) -> String) throws(TemplateError) {
        enum State { case visiting, done(Int) }
        var state: [String: State] = [:]
        func expansions(_ name: String) throws(TemplateError) -> Int {
            switch state[name] {
            case .done(let count)?: return count
            case .visiting?: return 0
            case nil: break
            }
            state[name] = .visiting
            var count = 0
            for reference in references[name] ?? [] {
                if case .visiting? = state[reference.name] {
                    throw TemplateError(file: path(name), line: reference.line, column: reference.column,
                                        message: "the partial `\(reference.name)` includes itself\(reference.name == name ? "" : " through this one"), which would never end",
                                        hint: "remove the partial tag that leads back to `\(reference.name)`")
                }
                count += 1 + (try expansions(reference.name))
                if count > expansionLimit {
                    throw TemplateError(file: path(name), line: reference.line, column: reference.column,
                                        message: "the partials of `\(name)` expand to more than \(expansionLimit) copies",
                                        hint: "include each partial fewer times, or flatten the nesting")
                }
            }
            state[name] = .done(count)
            return count
        }
        for name in references.keys.sorted() { _ = try expansions(name) }
    }

    /// The 1-based line and column of the first set-delimiter tag (`{{=<% %>=}}`), if any: with
    /// other delimiters, partial tags could no longer be found by reading the text.
    static func delimiterChange(in text: String) -> (Int, Int)? {
        for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let open = lineText.range(of: "{{=") {
                return (index + 1, lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1)
            }
        }
        return nil
    }

    /// `{{> name}}` and `{{< name}}` tags with their 1-based line and column.
    static func partialReferences(in text: String) -> [(Int, Int, String)] {
        var found: [(Int, Int, String)] = []
        for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = lineText[...]
            while let open = [rest.range(of: "{{>"), rest.range(of: "{{<")].compactMap({ $0 }).min(by: { $0.lowerBound < $1.lowerBound }) {
                let column = lineText.distance(from: lineText.startIndex, to: open.lowerBound) + 1
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                found.append((index + 1, column, name))
                rest = rest[close.upperBound...]
            }
        }
        return found
    }

    /// The top-level template for a report: `report-board.html`, `report-community.md`.
    public static func templateName(_ options: ReportOptions) -> String {
        "report-\(options.audience.rawValue).\(options.format == .html ? "html" : "md")"
    }

    /// Renders `context` with the top-level template for `options`.
    public func render(_ context: ReportContext, options: ReportOptions) throws(TemplateError) -> String {
        let name = Self.templateName(options)
        guard names.contains(name) else {
            throw TemplateError(file: source == "built-in" ? "built-in Templates" : (source as NSString).appendingPathComponent(name + ".mustache"),
                                line: 1, column: 1, message: "there is no template \(name).mustache",
                                hint: "the templates folder needs one of \(ReportOptions.Audience.allCases.flatMap { a in ["html", "md"].map { "report-\(a.rawValue).\($0).mustache" } }.joined(separator: ", "))")
        }
        var context = context
        context.style = style
        context.cspStyleSources = Self.hashSentinel
        guard let output = library.render(context, withTemplate: name) else {
            throw TemplateError(file: name, line: 1, column: 1, message: "the template could not be rendered")
        }
        guard options.format == .html else { return output }
        let (html, sources) = Self.fillStyleHashes(output)
        // Whatever a template says, the report keeps riskreg's policy and runs no script.
        if let problem = HTMLSafety.problem(in: html, policy: Self.contentSecurityPolicy(styleSources: sources)) {
            throw TemplateError(file: source == "built-in" ? "built-in Templates" : (source as NSString).appendingPathComponent(name + ".mustache"),
                                line: 1, column: 1, message: "the HTML report was not written: \(problem)",
                                hint: "a template may change the layout, but not the Content Security Policy, and may add no script; see docs/templates.md")
        }
        return html
    }

    /// The Content Security Policy every HTML report carries: nothing may load or run; only the
    /// report's own `<style>` elements apply, by their hashes.
    static func contentSecurityPolicy(styleSources: String) -> String {
        "default-src 'none'; style-src \(styleSources); img-src 'none'; base-uri 'none'; form-action 'none'"
    }

    static let hashSentinel = "'riskreg-style-hashes'"

    /// Replaces the sentinel in the CSP with the SHA-256 of every `<style>` element's content,
    /// so the policy allows exactly the styles the report contains.
    static func fillStyleHashes(_ html: String) -> (html: String, sources: String) {
        var hashes: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>") {
            guard let close = rest[open.upperBound...].range(of: "</style>") else { break }
            let css = rest[open.upperBound..<close.lowerBound]
            hashes.append("'sha256-\(SHA256.base64(SHA256.digest(Array(css.utf8))))'")
            rest = rest[close.upperBound...]
        }
        let sources = hashes.isEmpty ? "'none'" : hashes.joined(separator: " ")
        return (html.replacingOccurrences(of: hashSentinel, with: sources), sources)
    }
}
