// Rewrites the files generated from the register format's description (`RegisterFormat`):
// `schema/register.schema.json` and the generated tables of `docs/register-format.md`.
// Run through `scripts/generate-format`; `SchemaConsistencyTests` and `ReferenceTableTests` fail
// while either is out of date.
import Foundation
import RegisterLoader

let root = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? FileManager.default.currentDirectoryPath)

func rewrite(_ relative: String, _ make: (String) throws -> String) throws {
    let url = root.appendingPathComponent(relative)
    let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    let new = try make(old)
    guard new != old else { return }
    try new.write(to: url, atomically: true, encoding: .utf8)
    FileHandle.standardError.write(Data("rewrote \(relative)\n".utf8))
}

do {
    try rewrite("schema/register.schema.json") { _ in RegisterFormat.jsonSchemaText }
    try rewrite("docs/register-format.md") { try ReferenceTables.update($0) }
} catch {
    FileHandle.standardError.write(Data("generate-register-format: \(error)\n".utf8))
    exit(1)
}
