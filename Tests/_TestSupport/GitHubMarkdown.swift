import Foundation

extension TestSupport {
    /// Renders Markdown documents to HTML with GitHub's own renderer (cmark-gfm and its
    /// extensions, through `scripts/render-markdown`), in one run for all of them. With
    /// `anchors`, each heading carries the `id` GitHub gives it.
    public static func renderGitHubMarkdown(_ documents: [String], anchors: Bool = false) throws -> [String] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("documents.json")
        try JSONEncoder().encode(documents).write(to: input)
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", path("scripts/render-markdown")] + (anchors ? ["--anchors"] : []) + [input.path], in: packageRoot)
        guard result.status == 0 else {
            throw RendererFailure(message: "scripts/render-markdown failed (run scripts/setup to install Python's cmarkgfm): \(result.stderr)")
        }
        return try JSONDecoder().decode([String].self, from: Data(result.stdout.utf8))
    }

    public struct RendererFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }
}
