import Foundation
import RegisterModel
import Testing
import _TestSupport
@testable import RegisterLoader

/// The JSON Schema that editors use, the reference's tables and the decoder all come from one
/// description of the format, ``RegisterFormat``; these tests hold the generated files to it and
/// the decoder to what it says.
@Suite struct SchemaConsistencyTests {
    @Test("schema/register.schema.json is the schema the description generates")
    func shippedSchemaIsCurrent() throws {
        let shipped = try String(contentsOfFile: TestSupport.path("schema/register.schema.json"), encoding: .utf8)
        #expect(shipped == RegisterFormat.jsonSchemaText, "schema/register.schema.json is out of date: run scripts/generate-format")
        #expect(RegisterSchema.json + "\n" == RegisterFormat.jsonSchemaText)
    }

    @Test("the generated tables of docs/register-format.md are current, and every mapping has one")
    func referenceTablesAreCurrent() throws {
        let document = try String(contentsOfFile: TestSupport.path("docs/register-format.md"), encoding: .utf8)
        #expect(try ReferenceTables.update(document) == document, "docs/register-format.md is out of date: run scripts/generate-format")
        for section in ReferenceTables.sections {
            #expect(document.contains("<!-- generated: \(section) -->"), "docs/register-format.md has no generated `\(section)`")
        }
        // A stale table is found: the test above would fail on this one.
        let stale = document.replacingOccurrences(of: "| `title` | text or translations | yes |  | short name of the risk |  |", with: "| `title` | text or translations | yes |  | the risk |  |")
        #expect(stale != document)
        #expect(try ReferenceTables.update(stale) == document)
    }

    @Test("each mapping's schema lists exactly its described fields, and requires exactly the always-required ones")
    func mappingsInTheSchema() throws {
        let defs = try #require(RegisterFormat.jsonSchema["$defs"])
        for mapping in [RegisterFormat.top] + RegisterFormat.mappings {
            let schema = try #require(mapping.name.isEmpty ? RegisterFormat.jsonSchema : defs[mapping.name], "no $defs/\(mapping.name)")
            guard case .object(let properties)? = schema["properties"] else {
                Issue.record("\(mapping.name) has no properties")
                continue
            }
            #expect(properties.map(\.0) == mapping.fields.map(\.name))
            let required = schema["required"] ?? .array([])
            #expect(required == .array(mapping.fields.filter(\.isRequiredInSchema).map { .string($0.name) }), "\(mapping.name)")
            #expect(schema["additionalProperties"] == .bool(false), "\(mapping.name) must refuse unknown fields as the decoder does")
        }
    }

    /// A distribution of `family` at `scale` in the long or short form, with values that suit
    /// the scale and keep every parameter in order.
    static func distribution(_ family: DistributionFamily, scale: DistributionScale, short: Bool) -> String {
        var ascending = scale == .probability ? ["0.1", "0.2", "0.3", "0.4"] : ["100", "200", "300", "400"]
        func value(_ parameter: DistributionFamily.Parameter) -> String {
            switch parameter.role {
            case .value, .positiveValue: ascending.removeFirst()
            case .signedValue: scale == .probability ? "0.5" : "2000"
            case .shape: "2"
            case .probability: "100%"
            }
        }
        switch family.form {
        case .choices:
            return "{\(family.name): [{\(family.parameters.map { "\($0.name): \(value($0))" }.joined(separator: ", "))}]}"
        case .parameters, .valueOrParameters:
            if short { return "{\(family.name): [\(family.required.map(value).joined(separator: ", "))]}" }
            return "{\(family.name): {\(family.parameters.map { "\($0.name): \(value($0))" }.joined(separator: ", "))}}"
        }
    }

    static let familyCases: [(family: String, scale: DistributionScale, short: Bool)] =
        RegisterFormat.families.flatMap { family in
            DistributionScale.allCases.flatMap { scale in
                (family.hasShortForm ? [false, true] : [false]).map { (family.name, scale, $0) }
            }
        }

    @Test("the decoder reads every described family in every form, at the scales it allows and no others",
          arguments: familyCases.indices)
    func familyReadAsDescribed(_ index: Int) throws {
        let (name, scale, short) = Self.familyCases[index]
        let family = try #require(RegisterFormat.family(name))
        let text = Self.distribution(family, scale: scale, short: short)
        let loaded: LoadedRegister = switch scale {
        case .amount: load(Minimal.withImpact(text))
        case .probability: load(Minimal.withImpact("5k", likelihood: text))
        case .rate: load(Minimal.register(Minimal.risk(estimate: "      - frequency: \(text)\n        impact: 5k\n")))
        }
        if family.scales.contains(scale) {
            #expect(loaded.diagnostics.isEmpty, "\(text) at \(scale): \(summaries(loaded))")
            #expect(loaded.register != nil)
        } else {
            #expect(loaded.diagnostics.map(\.rule) == [.invalidValue], "\(text) at \(scale): \(summaries(loaded))")
        }
    }

    @Test("the schema's distributions list the families each scale allows, each with its described parameters")
    func familiesInTheSchema() throws {
        let defs = try #require(RegisterFormat.jsonSchema["$defs"])
        for scale in DistributionScale.allCases {
            let name = SchemaWriter.distributionName(scale)
            guard case .array(let options)? = defs[name]?["anyOf"] else {
                Issue.record("no anyOf in \(name)")
                continue
            }
            let families = options.dropFirst().compactMap { option -> String? in
                guard case .string(let ref)? = option["$ref"] else { return nil }
                let def = String(ref.dropFirst("#/$defs/".count))
                guard case .array(let required)? = defs[def]?["required"], case .string(let family)? = required.first else { return nil }
                return family
            }
            #expect(families == RegisterFormat.families.filter { $0.scales.contains(scale) }.map(\.name), "\(name)")
        }
        #expect(NodeReader.families == ["fixed", "uniform", "triangular", "pert", "normal", "lognormal", "beta", "discrete"])
    }
}
