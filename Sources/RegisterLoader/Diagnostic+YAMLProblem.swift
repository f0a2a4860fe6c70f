import RegisterModel
import YAMLNodes

extension Diagnostic.Rule {
    /// The diagnostic rule of a problem with the file's YAML itself.
    package init(_ rule: YAMLProblem.Rule) {
        switch rule {
        case .syntax: self = .yamlSyntax
        case .encoding: self = .yamlEncoding
        case .empty: self = .yamlEmpty
        case .multipleDocuments: self = .yamlMultipleDocuments
        case .tooLarge: self = .yamlTooLarge
        case .tooDeep: self = .yamlTooDeep
        case .aliasBudget: self = .yamlAliasBudget
        case .unknownAnchor: self = .yamlUnknownAnchor
        case .merge: self = .yamlMerge
        case .duplicateKey: self = .yamlDuplicateKey
        case .tag: self = .yamlTag
        }
    }
}
