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
            .partial("a level's band whose `from` is not below its `to`, a text given twice in one language written in two cases (`en` and `EN`), and a language tag that repeats a variant or an extension")
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
             .needsReview, .registerSize, .agreementMissing, .borneByMissing, .confidentialNamed, .unnamedAsNames,
             .coproductionStaffOnly, .reliabilityUnstated, .citizenEstimateRequired, .splitShares, .optionCost, .optionStatus, .translationMissing,
             .titleShortRepeated:
            .none
        case .effectsMismatch:
            .partial("estimates that give effects on different outcomes, and an effect on the entry's own outcome or on one outcome twice; an effect with neither `impact` nor `benefit` is checked")
        // Plain numbers are held to the limits by `minimum` and `maximum`; a size written with a
        // suffix is text to a schema, and where a distribution's tail reaches must be computed.
        case .amountRange:
            .partial("an amount written with a suffix, such as `2000000bn` or `5e12k`, an amount other than 0 smaller than 1e-9, and a normal or lognormal whose far tail reaches beyond 1e18; plain numbers above 1e15 are checked")
        case .frequencyRange:
            .partial("a frequency written with a suffix, such as `2k`; plain numbers above 1000, including a lognormal's 95th percentile, are checked")
        case .shapeRange:
            .partial("a shape written with a suffix, such as `20k`; plain numbers are checked")
        case .yamlSyntax, .yamlEncoding, .yamlEmpty, .yamlMultipleDocuments, .yamlTooLarge, .yamlTooDeep, .yamlAliasBudget,
             .yamlUnknownAnchor, .yamlMerge, .yamlDuplicateKey, .yamlTag, .fileUnreadable, .importCSV, .importEmpty,
             .importMissingColumn, .importUnknownColumn, .importUnmappedColumn, .importMissingValue, .importBadScore,
             .importDuplicateRef, .importBadDate, .importUnmappedValue, .importInvalidResult:
            .notContent
        }
    }
}
