/// The fields each mapping of format v1 may hold: the one place the format's shape is written in
/// code. A test keeps `schema/register.schema.json` in step with it.
enum RegisterFields {
    static let top = FieldSet(
        required: ["riskreg", "register", "outcomes", "risks"],
        optional: ["appetite", "contributors", "perspectives", "correlations", "portfolios", "scales"],
        hints: ["riskreg": "add `riskreg: 1` as the first line: it says which version of the register format the file uses"])

    static let metadata = FieldSet(
        required: ["id", "title", "organisation", "horizon"],
        optional: ["description", "currency", "owner", "last-reviewed", "next-review"],
        hints: ["horizon": "every likelihood refers to this period: add `horizon: 12 months`"])

    static let outcome = FieldSet(
        required: ["id", "title", "unit"], optional: ["description"],
        hints: ["unit": "use `unit: money` (in the register's currency) or a word such as `incidents` or `hours`"])

    static let appetite = FieldSet(
        required: ["outcome"],
        optional: ["statement", "loss-exceeds", "at-most", "net-benefit-above", "at-least"])

    static let contributor = FieldSet(
        required: ["id", "name", "kind"], optional: ["public", "description"])

    static let perspective = FieldSet(
        required: ["id", "title"], optional: ["contributors", "weight"])

    static let risk = FieldSet(
        required: ["id", "title", "outcome", "strategy", "owner", "coproduction", "estimates"],
        optional: ["description", "borne-by", "response", "review", "confidential", "ratings", "needs-review"])

    static let coproduction = FieldSet(
        required: ["mode", "contributors"], optional: ["note"])

    static let estimate = FieldSet(
        required: ["impact"],
        optional: ["perspective", "likelihood", "frequency", "benefit", "as-of", "rationale"])

    static let response = FieldSet(
        required: ["action", "cost"],
        optional: ["delivered-by", "reliability", "reduces-likelihood-by", "reduces-impact-by"])

    static let correlation = FieldSet(
        required: ["between", "rank"], optional: ["reason"])

    static let portfolio = FieldSet(
        required: ["id", "title", "risks"], optional: ["description"])

    static let scales = FieldSet(
        required: ["likelihood", "impact", "rating"],
        hints: ["rating": "add `rating: {method: product, amber-from: 5, red-from: 15}` (or your policy's own thresholds)"])

    static let likelihoodScale = FieldSet(required: ["levels"], optional: ["description"])

    static let impactScale = FieldSet(
        required: ["unit", "levels"], optional: ["description"],
        hints: ["unit": "name the outcome unit this scale measures: `unit: money`, or a word such as `hours`"])

    static let scaleLevel = FieldSet(
        required: ["level", "label", "from"], optional: ["to", "description"],
        hints: ["from": "give the band's lower edge, such as `from: 20%` or `from: 250k`"])

    static let rating = FieldSet(
        required: ["method", "amber-from", "red-from"], optional: ["matrix"])

    static let riskRatings = FieldSet(required: [], optional: ["gross", "current", "target"])

    static let statedRating = FieldSet(required: ["likelihood", "impact"])

    /// What `needs-review` may list.
    static let reviewable = ["strategy", "coproduction", "owner", "outcome", "estimates", "response", "review"]

    /// Every mapping of the format by its name under the JSON Schema's `$defs` ("" is the top
    /// level), for the test that keeps the two in step.
    static let byName: [String: FieldSet] = [
        "": top, "register": metadata, "outcome": outcome, "appetite": appetite,
        "contributor": contributor, "perspective": perspective, "risk": risk,
        "coproduction": coproduction, "estimate": estimate, "response": response,
        "correlation": correlation, "portfolio": portfolio, "scales": scales,
        "likelihoodScale": likelihoodScale, "impactScale": impactScale, "scaleLevel": scaleLevel,
        "rating": rating, "riskRatings": riskRatings, "statedRating": statedRating,
    ]
}
