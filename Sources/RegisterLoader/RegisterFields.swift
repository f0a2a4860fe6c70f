/// The fields each mapping of format v1 may hold, as the decoder checks them: read once from the
/// format's one description, ``RegisterFormat``, from which the JSON Schema and the reference's
/// tables are generated too.
enum RegisterFields {
    static let top = RegisterFormat.top.fieldSet
    static let metadata = RegisterFormat.metadata.fieldSet
    static let outcome = RegisterFormat.outcome.fieldSet
    static let appetite = RegisterFormat.appetite.fieldSet
    static let contributor = RegisterFormat.contributor.fieldSet
    static let stepBack = RegisterFormat.stepBack.fieldSet
    static let perspective = RegisterFormat.perspective.fieldSet
    static let risk = RegisterFormat.risk.fieldSet
    static let coproduction = RegisterFormat.coproduction.fieldSet
    static let agreement = RegisterFormat.agreement.fieldSet
    static let effect = RegisterFormat.effect.fieldSet
    static let estimate = RegisterFormat.estimate.fieldSet
    static let response = RegisterFormat.response.fieldSet
    static let alternativeResponse = RegisterFormat.alternativeResponse.fieldSet
    static let optionShare = RegisterFormat.optionShare.fieldSet
    static let optionResponse = RegisterFormat.optionResponse.fieldSet
    static let citizenInput = RegisterFormat.citizenInput.fieldSet
    static let correlation = RegisterFormat.correlation.fieldSet
    static let portfolio = RegisterFormat.portfolio.fieldSet
    static let scales = RegisterFormat.scales.fieldSet
    static let likelihoodScale = RegisterFormat.likelihoodScale.fieldSet
    static let impactScale = RegisterFormat.impactScale.fieldSet
    static let likelihoodLevel = RegisterFormat.likelihoodLevel.fieldSet
    static let impactLevel = RegisterFormat.impactLevel.fieldSet
    static let rating = RegisterFormat.rating.fieldSet
    static let riskRatings = RegisterFormat.riskRatings.fieldSet
    static let statedRating = RegisterFormat.statedRating.fieldSet
}
