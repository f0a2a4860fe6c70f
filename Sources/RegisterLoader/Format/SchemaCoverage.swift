import RegisterModel

/// How much of a rule the JSON Schema can check, for the reference and for the test that holds
/// the schema to `validate`'s verdicts.
public enum SchemaCoverage: Sendable, Equatable {
    /// The schema refuses every register that breaks the rule.
    case complete
    /// The schema refuses some of the registers that break the rule; the text says which escape.
    case partial(String)
    /// The rule is beyond a schema: references between entries, orders, sums, dates compared.
    case none
    /// The rule is not about a register's content (YAML itself, files, spreadsheets).
    case notContent
}

extension RegisterFormat {
    /// What the generated schema can check of `rule`.
    public static func schemaCoverage(of rule: Diagnostic.Rule) -> SchemaCoverage {
        switch rule {
        case .unknownField, .wrongType, .emptyValue, .invalidID, .invalidBoolean, .invalidDate,
             .invalidDuration, .likelihoodOrFrequency, .benefitNotAllowed, .appetiteShape, .emptyList, .correlationSelf,
             .negativeAmount:
            .complete
        case .formatVersion:
            .partial("`riskreg: 1.0`, which a YAML reader hands the schema as the number 1")
        case .invalidNumber:
            .partial("a number too large for a double, such as `1e400`, and a level number written with a fraction, such as `3.0`, which a YAML reader hands the schema as the number 3")
        case .missingField:
            .partial("a missing `to` on an impact level below the top one")
        case .invalidValue:
            .partial("a level's band whose `from` is not below its `to`")
        case .probabilityRange:
            .partial("a percentage or `K in N` outside 0 to 1, and a distribution that reaches outside it; plain numbers are checked")
        case .correlationRange:
            .partial("a rank written as text, such as `\"1.5\"`; plain numbers are checked")
        case .distributionParameters:
            .partial("parameters out of order (min above max), and discrete probabilities that do not add up to 1; the number of parameters and their signs are checked")
        case .ratingMatrix:
            .partial("a matrix whose rows and scores do not match the scales' levels; a matrix with `method: product` is checked")
        case .dateOrder, .duplicateID, .duplicateReference, .unknownReference, .duplicatePerspective, .missingBenefit,
             .responseNoEffect, .staleReview, .duplicateCorrelation, .correlationMatrix, .portfolioMember,
             .portfolioUnassigned, .scaleLevelOrder, .scaleBandOverlap, .scaleBandGap, .ratingThresholds, .unknownLevel,
             .needsReview, .registerSize:
            .none
        // The numeric limits hold for amounts written with suffixes (`2000T`) and for where a
        // distribution's tail reaches, which a schema cannot compute.
        case .amountRange, .frequencyRange, .shapeRange:
            .none
        case .yamlSyntax, .yamlEncoding, .yamlEmpty, .yamlMultipleDocuments, .yamlTooLarge, .yamlTooDeep, .yamlAliasBudget,
             .yamlUnknownAnchor, .yamlMerge, .yamlDuplicateKey, .yamlTag, .fileUnreadable, .importCSV, .importEmpty,
             .importMissingColumn, .importUnknownColumn, .importUnmappedColumn, .importMissingValue, .importBadScore,
             .importDuplicateRef, .importBadDate, .importUnmappedValue, .importInvalidResult:
            .notContent
        }
    }
}
