import Foundation
import Mustache

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

    /// Loads every `*.mustache` file in `folder` (not below it) and `style.css`.
    public init(folder: String) throws(TemplateError) {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: folder) else {
            throw TemplateError(file: folder, line: 1, column: 1, message: "cannot read the templates folder \(folder)",
                                hint: "give a folder of `.mustache` files, such as a copy of riskreg's Templates/")
        }
        var files: [String: String] = [:]
        for entry in entries.sorted() where entry.hasSuffix(".mustache") || entry == "style.css" {
            let path = (folder as NSString).appendingPathComponent(entry)
            guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: path, line: 1, column: 1, message: "cannot read \(entry) as UTF-8 text")
            }
            files[entry] = text
        }
        try self.init(files: files, source: folder)
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
        for (file, text) in files where file.hasSuffix(".mustache") {
            for (line, column, partial) in Self.partialReferences(in: text) where !names.contains(partial) {
                throw TemplateError(file: path(file), line: line, column: column, message: "no template named `\(partial)` for this partial",
                                    hint: "add \(partial).mustache beside it, or fix the name")
            }
        }
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

    /// `{{> name}}` tags with their 1-based line and column.
    static func partialReferences(in text: String) -> [(Int, Int, String)] {
        var found: [(Int, Int, String)] = []
        for (index, lineText) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = lineText[...]
            while let open = rest.range(of: "{{>") {
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
        return options.format == .html ? Self.fillStyleHashes(output) : output
    }

    static let hashSentinel = "'riskreg-style-hashes'"

    /// Replaces the sentinel in the CSP with the SHA-256 of every `<style>` element's content,
    /// so the policy allows exactly the styles the report contains.
    static func fillStyleHashes(_ html: String) -> String {
        var hashes: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<style>") {
            guard let close = rest[open.upperBound...].range(of: "</style>") else { break }
            let css = rest[open.upperBound..<close.lowerBound]
            hashes.append("'sha256-\(SHA256.base64(SHA256.digest(Array(css.utf8))))'")
            rest = rest[close.upperBound...]
        }
        return html.replacingOccurrences(of: hashSentinel, with: hashes.isEmpty ? "'none'" : hashes.joined(separator: " "))
    }
}
