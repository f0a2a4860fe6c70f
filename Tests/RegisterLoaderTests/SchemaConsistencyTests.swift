import Foundation
import Testing
import _TestSupport
@testable import RegisterLoader

/// The JSON Schema that editors use and the loader must describe the same format.
@Suite struct SchemaConsistencyTests {
    nonisolated(unsafe) static let schema: [String: Any] = {
        let data = FileManager.default.contents(atPath: TestSupport.path("schema/register.schema.json")) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }()

    @Test(arguments: RegisterFields.byName.keys.sorted())
    func schemaHasExactlyTheLoadersFields(_ name: String) throws {
        let definitions = try #require(Self.schema["$defs"] as? [String: Any])
        let object = try #require(name.isEmpty ? Self.schema : definitions[name] as? [String: Any], "no $defs/\(name) in the schema")
        let properties = try #require(object["properties"] as? [String: Any])
        let fields = try #require(RegisterFields.byName[name])
        #expect(Set(properties.keys) == Set(fields.all), "fields of `\(name)` differ between schema and loader")
        let required = Set(object["required"] as? [String] ?? [])
        // The schema may not require more than the loader; `perspective` on an estimate is
        // required only when the register declares perspectives, which a schema cannot say.
        #expect(required.isSubset(of: Set(fields.required)), "`\(name)` requires fields the loader does not")
        #expect(object["additionalProperties"] as? Bool == false, "`\(name)` must refuse unknown fields as the loader does")
    }

    @Test func embeddedSchemaIsTheShippedFile() throws {
        let shipped = try String(contentsOfFile: TestSupport.path("schema/register.schema.json"), encoding: .utf8)
        #expect(RegisterSchema.json + "\n" == shipped, "run scripts/embed-resources after editing schema/")
    }

    @Test func distributionFamiliesMatch() throws {
        let definitions = try #require(Self.schema["$defs"] as? [String: Any])
        let text = String(describing: definitions["amountDistribution"] ?? "")
        for family in NodeReader.families {
            #expect(text.contains(family), "schema's amountDistribution lacks `\(family)`")
        }
    }
}
