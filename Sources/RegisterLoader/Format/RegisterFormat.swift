import RegisterModel
import TextLayer

/// The register format, version 1, described once: every mapping and field, with its kind,
/// whether it is required, its default, its meaning and the rules that check it.
///
/// Three views are made from it: the decoder's field lists (``FormatMapping/fieldSet``), the JSON
/// Schema (``jsonSchema``, written to `schema/register.schema.json` and printed by
/// `riskreg schema`) and the field tables of `docs/register-format.md`
/// (``ReferenceTables``). `scripts/generate-format` rewrites the files; a test fails when one is
/// out of date.
public enum RegisterFormat {
    public static let version = 1

    /// The top level of a register file.
    public static let top = FormatMapping("", "A risk register kept as YAML: outcomes, appetite, contributors, perspectives, risks, correlations and portfolios.", fields: [
        .init("riskreg", .schema("formatVersion", reads: "number"), .always, "format version of this file; only `1` exists", rules: [.formatVersion],
              missingHint: "add `riskreg: 1` as the first line: it says which version of the register format the file uses"),
        .init("register", .mapping("register"), .always, "metadata: id, title, organisation, horizon, review dates"),
        .init("outcomes", .list(.mapping("outcome"), atLeast: 1), .always, "the public outcomes at stake"),
        .init("appetite", .list(.mapping("appetite")), default: "none", "board-approved appetite statements"),
        .init("contributors", .list(.mapping("contributor")), default: "none", "service users, community groups, staff and partners who take part"),
        .init("perspectives", .list(.mapping("perspective"), atLeast: 1), default: "one perspective, `officers`", "points of view that give estimates"),
        .init("risks", .list(.mapping("risk"), atLeast: 1), .always, "the risk entries"),
        .init("correlations", .list(.mapping("correlation")), default: "none", "rank correlations between risks that share a driver"),
        .init("portfolios", .list(.mapping("portfolio")), default: "none", "the options to compare: mixes of entries, shares of them, chosen responses and their own costs"),
        .init("scales", .mapping("scales"), default: "none", "the organisation's own likelihood and impact scales and rating rule; with scales, estimates may name levels"),
    ])

    /// Every mapping below the top level, in the order the reference describes them.
    public static let mappings: [FormatMapping] = [
        metadata, outcome, appetite, contributor, stepBack, perspective, risk, agreement, coproduction, estimate, effect, response, alternativeResponse, citizenInput, correlation, portfolio, optionShare, optionResponse, scales, likelihoodScale, impactScale, likelihoodLevel, impactLevel, rating, riskRatings, statedRating,
    ]

    public static let metadata = FormatMapping("register", "Metadata about the register.", fields: [
        .init("id", .id(of: nil), .always, "stable identifier of the register"),
        .init("title", .translatableText, .always, "title shown on reports"),
        .init("organisation", .translatableText, .always, "the organisation that keeps the register"),
        .init("description", .translatableText, "what the register covers, in a few sentences"),
        .init("horizon", .duration, .always, "the period every likelihood and frequency refers to, such as `12 months`",
              missingHint: "every likelihood refers to this period: add `horizon: 12 months`"),
        .init("period", .translatableText, default: "none: reports say \"the next year\" (or the horizon's own words)",
              "the name of the period the horizon covers, as words that fit after \"in\": `2027`, `the 2027/28 financial year`; reports then say \"in 2027\" rather than \"over the next year\""),
        .init("period-short", .translatableText, default: "`period` without a closing part in brackets: `the 2027/28 financial year (April 2027 to March 2028)` reads `the 2027/28 financial year`",
              "a short name for `period`, as words that fit after \"in\": `2027/28`; a report writes `period` in full at its first use in each section and the short name after it"),
        .init("currency", .schema("currency", reads: "three capital letters (ISO 4217)"), .when("when an outcome has unit `money`"), default: "none",
              "currency of money outcomes and response costs, such as `EUR` or `GBP`", rules: [.invalidValue, .missingField]),
        .init("owner", .text, "person or role accountable for the register"),
        .init("last-reviewed", .date, "when the register was last reviewed as a whole"),
        .init("next-review", .date, "when it is next due; not before `last-reviewed`, and a warning once it has passed", rules: [.dateOrder, .staleReview]),
        .init("citizen-estimates-for", .list(.choice(Strategy.allCases.map(\.rawValue))), default: "none",
              "strategies whose entries must have an estimate from a citizen perspective (one that includes service users or a community group)", rules: [.citizenEstimateRequired]),
        .init("citizen-hour-value", .nonNegativeAmount, default: "none: citizen time is reported but not valued",
              "shadow rate of one hour of citizen time, in the register's currency; value for money then counts responses' `citizen-input` at this rate", rules: [.negativeAmount]),
        .init("language", .choice(Phrasebook.languages), default: "`en`", "the language of reports, as a code with a built-in catalogue: `en` (English) or `nl` (Dutch); `--language` overrides it. Also the language of the register's own text: plain strings are taken to be in it, and a text given in several languages is held in it",
              rules: [.invalidValue]),
        .init("contact", .translatableText, "how residents get in touch or take part, shown at the end of the community report (an address, a phone number, a meeting)"),
        .init("next-decision", .translatableText, "the next decision residents may want a say in: what is decided and by whom, in plain words; the community report shows it under \"What happens next\""),
        .init("next-decision-date", .date, "when that decision is due; shown with `next-decision`, and the board report lists the entries whose review falls due by it"),
        .init("how-to-respond", .translatableText, "how residents can respond to the list or object to a decision, and by when; shown under \"What happens next\""),
        .init("decided-by", .translatableText, default: "none: the community report says \"the board\"",
              "who decides on the list (sets its limits, chooses among its options) and sees every figure with confidential entries included, by name, as words that can start a sentence: `the partnership board (convenantoverleg)`; the community report names it where it would otherwise say \"the board\""),
        .init("confidential-reason", .translatableText, default: "none: the community report says the reason is not published",
              "why entries are kept out of public reports, in one or two sentences that can be published; on the register rather than on an entry, so that nothing a community report shows is read from a confidential entry"),
        .init("response-budget", .translatableText, default: "none: the community report says the costs are paid separately",
              "where the planned responses' costs are paid from, as words that fit after \"paid from\": `the partnership's 2027 budget`; the community report says so where a response's cost is not in an outcome's figures"),
    ])

    public static let outcome = FormatMapping("outcome", "A public outcome at stake.", fields: [
        .init("id", .id(of: nil), .always, "referred to by risks and appetite statements", rules: [.duplicateID]),
        .init("title", .translatableText, .always, "the outcome in plain words"),
        .init("title-short", .translatableText, default: "none: the community report writes `title` in full every time",
              "a short name for `title`, for a title too long to repeat: `People harmed through the partnership`; the community report writes `title` in full at its first use in each part and the short name after it, so choose words a reader still knows as the same outcome, and that no other outcome's short name shares", rules: [.titleShortRepeated]),
        .init("unit", .translatableText, .always, "`money` (in the register's currency) or a unit word such as `incidents`, `hours`, `people`, `days`; impact scales name a unit by its text in the register's language",
              missingHint: "use `unit: money` (in the register's currency) or a word such as `incidents` or `hours`"),
        .init("description", .translatableText, "what is counted and how"),
        .init("baseline", .translatableText, default: "none: figures are counted from nothing",
              "what the figures are counted from, when not from nothing, as words that fit after \"more than\": `the police forecast`, `the 2027 budget`; reports then say \"5 incidents more than the police forecast\" rather than \"5 incidents\""),
        .init("baseline-short", .translatableText, default: "`baseline` without a closing part in brackets (`the police forecast (about 140 a year)` reads `the police forecast`); a baseline of more than 8 words, when it is the register's only one, reads \"the baseline\"; otherwise none",
              "a short name for `baseline`, as words that fit after \"more than\": `the care-home hours`; a report writes `baseline` in full at its first use in each section, with the short name after it, and the short name after that"),
        .init("any-harm", .translatableText, default: "none: a limit on any harm says \"any harm at all to\" the outcome",
              "what any harm at all to the outcome is, as words that fit after \"the chance that\": `someone is hurt, threatened or wrongly accused`; the community report says a limit with `harm-exceeds: 0` in these words"),
        .init("direction", .choice(Outcome.Direction.allCases.map(\.rawValue)), default: "inferred",
              "`loss` when more of it is worse (costs, incidents), `gain` when more is better (hours of independent living, wellbeing); "
              + "without it, a gain when every appetite statement on the outcome is `net-benefit-above` (or, with none, every entry on it is enablement or portfolio), else a loss"),
    ])

    public static let appetite = FormatMapping("appetite", "A board-approved statement about one outcome: `loss-exceeds` with `at-most`, `harm-exceeds` with `at-most`, or `net-benefit-above` with `at-least`.", fields: [
        .init("outcome", .id(of: "outcome"), .always, "the outcome the statement is about", rules: [.unknownReference]),
        .init("statement", .translatableText, "the board's own words"),
        .init("if-missed", .translatableText, default: "none: the community report says the board reviews it", "what the organisation will do if the limit is not kept, in its own words; the community report shows it beside the limit"),
        .init("loss-exceeds", .amount, .when("shape 1"), "threshold on the outcome's net loss (harm − benefit); with `at-most`", rules: [.appetiteShape]),
        .init("harm-exceeds", .amount, .when("shape 3"), "threshold on the outcome's harm alone, benefits left out; with `at-most`", rules: [.appetiteShape]),
        .init("at-most", .probability, .when("shapes 1 and 3"), "the largest acceptable chance that the loss (or the harm) exceeds the threshold", rules: [.appetiteShape]),
        .init("net-benefit-above", .amount, .when("shape 2"), "threshold on the outcome's net benefit (benefit − harm); with `at-least`", rules: [.appetiteShape]),
        .init("at-least", .probability, .when("shape 2"), "the smallest acceptable chance that net benefit is above the threshold", rules: [.appetiteShape]),
    ], schemaRules: [("oneOf", [
        .object([("required", ["loss-exceeds", "at-most"]), ("properties", .object([("net-benefit-above", false), ("at-least", false), ("harm-exceeds", false)]))]),
        .object([("required", ["net-benefit-above", "at-least"]), ("properties", .object([("loss-exceeds", false), ("at-most", false), ("harm-exceeds", false)]))]),
        .object([("required", ["harm-exceeds", "at-most"]), ("properties", .object([("net-benefit-above", false), ("at-least", false), ("loss-exceeds", false)]))]),
    ])])

    public static let contributor = FormatMapping("contributor", "A person, group or body that takes part in assessing or handling risks.", fields: [
        .init("id", .id(of: nil), .always, "referred to by perspectives, co-production and responses", rules: [.duplicateID]),
        .init("name", .translatableText, .always, "name of the person, group or body"),
        .init("kind", .choice(Contributor.Kind.allCases.map(\.rawValue)), .always, "service users, community groups, staff, partner bodies"),
        .init("public", .boolean, default: "`false`", "whether the contributor may be named in public (community) reports"),
        .init("description", .translatableText, "who they are and how they take part"),
        .init("unnamed-as", .translatableText, default: "none: the community report says its kind, such as “a group of service users”",
              "how the community report describes a contributor with `public: false`, in words that fit after “Who helped:” and that name no one: `patients on Ward 7`; the report adds that they are not named. Text that contains the contributor's own name is not shown", rules: [.unnamedAsNames]),
        .init("availability", .probability, default: "none: the contributor's responses keep only their own `reliability`",
              "chance the contributor is there to deliver in a horizon; drawn once per trial and shared by every response it delivers, so they fail together", rules: [.probabilityRange]),
        .init("steps-back-when", .list(.mapping("stepBack"), atLeast: 1), default: "none",
              "entries whose occurrence makes the contributor step back from every response it delivers", rules: [.unknownReference]),
    ])

    public static let stepBack = FormatMapping("stepBack", "An entry whose occurrence makes a contributor step back: in a horizon in which the entry happens, the contributor is unavailable with the stated chance.", fields: [
        .init("risk", .id(of: "risk"), .always, "the entry, such as `CS-01`", rules: [.unknownReference]),
        .init("chance", .probability, default: "`100%`", "chance the contributor steps back in a horizon in which the entry happens", rules: [.probabilityRange]),
    ])

    public static let perspective = FormatMapping("perspective", "A point of view from which estimates are given.", fields: [
        .init("id", .id(of: nil), .always, "referred to by estimates, such as `officers`, `residents`, `patients`", rules: [.duplicateID]),
        .init("title", .translatableText, .always, "name of the perspective in reports"),
        .init("contributors", .list(.id(of: "contributor")), default: "none", "who speaks for this perspective", rules: [.unknownReference, .duplicateReference]),
        .init("weight", .nonNegativeAmount, default: "`1`", "weight in the pooled view; `0` shows the perspective without pooling it", rules: [.negativeAmount]),
        .init("weight-reason", .translatableText, default: "none: the community report says how weights are set in general", "why the perspective has its weight, in the register's words; the community report shows it where it says how much each group's estimates count"),
        .init("weight-set-by", .translatableText, default: "none: the community report says the organisation sets the weights",
              "who set the weight, and when, as words that can start a sentence: `the partnership board (convenantoverleg), on 6 October 2026`; shown with `weight-reason`"),
    ])

    public static let risk = FormatMapping("risk", "One entry in the register.", fields: [
        .init("id", .id(of: nil), .always, "stable identifier, unique in the register, such as `CS-01`", rules: [.duplicateID]),
        .init("title", .translatableText, .always, "short name of the risk"),
        .init("description", .translatableText, "what could happen, how, and to whom"),
        .init("outcome", .id(of: "outcome"), .always, "the outcome this risk adds into", rules: [.unknownReference]),
        .init("strategy", .schema("strategy", reads: "`portfolio`, `reduction`, `resilience` or `enablement` (any case)"), .always, "how the risk is handled; `mitigate`, `tolerate` and other words from the 4 Ts get a hint naming the likely strategy"),
        .init("owner", .translatableText, .always, "person or role accountable"),
        .init("borne-by", .translatableText, "who bears the harm; a warning on an enablement entry without it", rules: [.borneByMissing]),
        .init("benefit-to", .translatableText, "who gains, for enablement and portfolio entries"),
        .init("at-risk", .translatableText, default: "none: the community report gives the chance without saying to whom",
              "whom the entry could happen to, where that is many people, places or arrangements, as words that follow \"any of\": `the 12 people`, `the borough's family carers`; the community report then gives its chance as that of its happening at least once to any of them, not the chance for any one of them"),
        .init("agreement", .mapping("agreement"), default: "none", "for enablement entries, the agreement behind the risk taken on purpose; a warning without it", rules: [.agreementMissing]),
        .init("coproduction", .mapping("coproduction"), .always, "how the entry is co-produced, and with whom"),
        .init("estimates", .list(.mapping("estimate"), atLeast: 1), .always, "one estimate per perspective", rules: [.duplicatePerspective]),
        .init("response", .mapping("response"), default: "none", "the planned response"),
        .init("alternative-responses", .list(.mapping("alternativeResponse"), atLeast: 1), default: "none",
              "other ways the entry could be handled, each with an `id`; an option's `responses` picks one in place of `response`, so options compare them on the same draws", rules: [.duplicateID]),
        .init("review", .date, "next review of this entry; a warning once it has passed", rules: [.staleReview]),
        .init("confidential", .boolean, default: "`false`", "`true` keeps the entry out of community reports"),
        .init("ratings", .mapping("riskRatings"), default: "none", "the `gross`, `current` and `target` ratings on the register's matrix"),
        .init("tags", .list(.id(of: nil)), default: "none", "labels for views of the register, such as a directorate or a category: `[finance, adults]`; `score --tag` and `report --tag` select entries by them"),
        .init("needs-review", .list(.choice(RegisterFormat.reviewable)), default: "none",
              "fields still to be checked by the officer, such as `strategy` after an import; a warning until removed", rules: [.needsReview]),
    ], schemaRules: [
        ("if", .object([("required", ["strategy"]), ("properties", .object([("strategy", .object([("type", "string"), ("pattern", .string(ScalarPatterns.anyCase(Strategy.allCases.filter { !$0.hasBenefit }.map(\.rawValue))))]))]))])),
        ("then", .object([("properties", .object([("estimates", .object([("items", .object([("properties", .object([("benefit", false)]))]))]))]))])),
    ])

    public static let agreement = FormatMapping("agreement", "The agreement behind a risk taken on purpose: with whom (by role; no personal data), when, who decided, what matters and what would trigger a review.", fields: [
        .init("agreed-with", .text, .always, "the person or group it was agreed with, by role, such as `the person travelling and their family`; never a name"),
        .init("date", .date, .always, "when it was agreed"),
        .init("decided-by", .text, "who made the decision: a role or a panel"),
        .init("what-matters", .text, "what matters to the people who agreed, in their words"),
        .init("review-trigger", .text, "what would bring the agreement back for review"),
    ])

    public static let coproduction = FormatMapping("coproduction", "Who co-produced this entry and how.", fields: [
        .init("mode", .choice(Coproduction.Mode.allCases.map(\.rawValue)), .always, "how the entry is co-produced; a warning when a co-design or co-delivery involves staff only", rules: [.coproductionStaffOnly]),
        .init("contributors", .list(.id(of: "contributor"), atLeast: 1), .always, "who co-produces it", rules: [.unknownReference, .duplicateReference]),
        .init("note", .text, "how it works in practice"),
    ])

    public static let estimate = FormatMapping("estimate", "One perspective's estimate: likelihood or frequency, impact, and for enablement and portfolio entries a benefit.", fields: [
        .init("perspective", .id(of: "perspective"), .when("yes, unless there is no `perspectives` section"), default: "`officers`",
              "whose estimate this is; at most one per perspective per risk", rules: [.unknownReference, .duplicatePerspective]),
        .init("likelihood", .schema("likelihood", reads: "probability or probability distribution, or a likelihood level"), .when("one of `likelihood` and `frequency`"),
              "chance it happens at least once in the horizon", rules: [.likelihoodOrFrequency, .probabilityRange, .unknownLevel]),
        .init("frequency", .distribution(.rate), .when("one of `likelihood` and `frequency`"), "expected number of events in the horizon; each event has its own impact", rules: [.likelihoodOrFrequency]),
        .init("impact", .schema("impact", reads: "distribution, or an impact level"), .always, "harm each time it happens, in the outcome's unit", rules: [.unknownLevel]),
        .init("benefit", .distribution(.amount), .when("enablement and portfolio entries only"), "upside over the horizon, in the outcome's unit", rules: [.benefitNotAllowed, .missingBenefit]),
        .init("effects", .list(.mapping("effect"), atLeast: 1), default: "none",
              "the same occurrences' effects on further outcomes; every estimate of the entry lists the same outcomes", rules: [.effectsMismatch, .unknownReference]),
        .init("as-of", .date, "when the estimate was made"),
        .init("rationale", .text, "the evidence and reasoning behind the numbers"),
    ], schemaRules: [("oneOf", [.object([("required", ["likelihood"])]), .object([("required", ["frequency"])])])])

    public static let effect = FormatMapping("effect", "An effect of the entry's occurrences on a further outcome: its harm each time, its benefit over the horizon, or both.", fields: [
        .init("outcome", .id(of: "outcome"), .always, "the further outcome; not the entry's own `outcome`, and not twice", rules: [.unknownReference, .effectsMismatch]),
        .init("impact", .distribution(.amount), default: "`0`", "harm each time it happens, in this outcome's unit", rules: [.effectsMismatch]),
        .init("benefit", .distribution(.amount), default: "none", "upside over the horizon, in this outcome's unit; enablement and portfolio entries only", rules: [.benefitNotAllowed]),
    ], schemaRules: [("anyOf", [.object([("required", ["impact"])]), .object([("required", ["benefit"])])])])

    public static let response = FormatMapping("response", "The response to the risk: action, cost, effect, who delivers it and how reliably.", fields: [
        .init("id", .id(of: nil), "the name an option's `responses` chooses it by; needed only then", rules: [.duplicateID]),
        .init("action", .translatableText, .always, "what will be done"),
        .init("cost", .nonNegativeAmount, .always, "cost over the horizon, in the register's currency", rules: [.negativeAmount]),
        .init("delivered-by", .list(.id(of: "contributor")), default: "empty", "who delivers it; empty means the organisation itself", rules: [.unknownReference, .duplicateReference]),
        .init("reliability", .probability, default: "`1`", "chance the response is delivered in the horizon; if it is not, it has no effect; a warning when volunteers or service users deliver it and neither this nor their `availability` is stated", rules: [.probabilityRange, .reliabilityUnstated]),
        .init("reduces-likelihood-by", .probability, default: "`0`", "fraction by which the response cuts the likelihood or frequency", rules: [.probabilityRange, .responseNoEffect]),
        .init("reduces-impact-by", .probability, default: "`0`", "fraction by which the response cuts each impact", rules: [.probabilityRange, .responseNoEffect]),
        .init("citizen-input", .list(.mapping("citizenInput"), atLeast: 1), default: "none",
              "the citizen time the response takes over the horizon, by whom; reported next to `cost`"),
    ])

    /// A response an option may choose instead of the entry's own: the fields of a response,
    /// with its `id` required.
    public static let alternativeResponse = FormatMapping(
        "alternativeResponse", "Another way of handling the entry, which an option may choose in place of its `response`: the fields of a response, with an `id`.",
        fields: response.fields.map { field in
            field.name == "id"
                ? FormatField("id", .id(of: nil), .always, "the name an option's `responses` chooses it by; unique among the entry's responses", rules: [.duplicateID])
                : field
        })

    public static let citizenInput = FormatMapping("citizenInput", "Hours of citizen time a response takes over the horizon, from one contributor.", fields: [
        .init("by", .id(of: "contributor"), .always, "who gives the time", rules: [.unknownReference]),
        .init("hours", .nonNegativeAmount, .always, "hours over the horizon", rules: [.negativeAmount]),
    ])

    public static let correlation = FormatMapping("correlation", "A rank correlation between two risks that share a driver.", fields: [
        .init("between", .schema("riskPair", reads: "list of exactly two risk ids"), .always, "the two risks; not the same one twice", rules: [.unknownReference, .correlationSelf, .duplicateCorrelation, .correlationMatrix]),
        .init("rank", .schema("rank", reads: "number from −1 to 1"), .always, "Spearman rank correlation", rules: [.correlationRange]),
        .init("reason", .text, "the shared driver"),
    ])

    public static let portfolio = FormatMapping("portfolio", "An option to compare: the entries it holds (whole or as exclusive shares), the responses it chooses and its own cost. Entries no option lists, other than portfolio entries, are in every option.", fields: [
        .init("id", .id(of: nil), .always, "identifier of the option", rules: [.duplicateID]),
        .init("title", .translatableText, .always, "name shown in reports"),
        .init("description", .translatableText, "the choice it represents"),
        .init("risks", .list(.id(of: "risk"), atLeast: 1), .when("unless `split` or `responses` is given", inSchema: false), default: "none",
              "entries of any strategy in this option at their full size; an entry some option lists is in only the options that list it", rules: [.unknownReference, .portfolioMember, .duplicateReference]),
        .init("split", .list(.mapping("optionShare"), atLeast: 1), default: "none",
              "entries that are exclusive shares of the same people or places, each with its `share`; the shares add up to 1", rules: [.splitShares, .portfolioMember]),
        .init("responses", .list(.mapping("optionResponse"), atLeast: 1), default: "none",
              "the response this option uses for an entry, by the response's `id`, in place of the entry's own", rules: [.portfolioMember, .duplicateReference]),
        .init("cost", .nonNegativeAmount, default: "none",
              "the option's own cost over the horizon (set-up, running), in the register's currency: a loss in every trial of this option on `cost-outcome`", rules: [.negativeAmount, .optionCost]),
        .init("cost-outcome", .id(of: "outcome"), .when("with `cost`, when the register has several money outcomes"), default: "the register's only money outcome",
              "the money outcome the option's cost counts in", rules: [.unknownReference, .optionCost]),
        .init("current", .boolean, default: "false",
              "`true` for the option that is what the organisation does now; at most one option. The board report states the current plan from it, and says the register does not say when no option has it", rules: [.invalidBoolean, .optionStatus]),
        .init("proposed", .boolean, default: "false",
              "`true` for the option put to the board for decision; at most one option, and it may be the current one", rules: [.invalidBoolean, .optionStatus]),
    ], schemaRules: [("anyOf", [.object([("required", ["risks"])]), .object([("required", ["split"])]), .object([("required", ["responses"])])])])

    public static let optionShare = FormatMapping("optionShare", "An entry an option holds as a share of the people or places it was estimated for.", fields: [
        .init("risk", .id(of: "risk"), .always, "the entry", rules: [.unknownReference, .duplicateReference]),
        .init("share", .probability, .always, "its share, above 0: every impact and benefit of the entry counts at this share, on the same draws as the whole entry", rules: [.probabilityRange, .splitShares]),
    ])

    public static let optionResponse = FormatMapping("optionResponse", "The response an option uses for one entry.", fields: [
        .init("risk", .id(of: "risk"), .always, "the entry", rules: [.unknownReference]),
        .init("response", .id(of: "response"), .always, "the `id` of the entry's `response` or of one of its `alternative-responses`", rules: [.unknownReference]),
    ])

    public static let scales = FormatMapping("scales", "The organisation's scales: likelihood levels, impact levels per outcome unit, and the rating rule.", fields: [
        .init("likelihood", .mapping("likelihoodScale"), .always, "the likelihood scale; bands are chances within the register's `horizon`"),
        .init("impact", .list(.mapping("impactScale"), atLeast: 1), .always, "one impact scale per outcome unit (`money` or a unit word); outcomes in that unit use it", rules: [.duplicateID]),
        .init("rating", .mapping("rating"), .always, "how a cell of the matrix is scored and rated red, amber or green",
              missingHint: "add `rating: {method: product, amber-from: 5, red-from: 15}` (or your policy's own thresholds)"),
    ])

    public static let likelihoodScale = FormatMapping("likelihoodScale", "Likelihood levels from 1 up; bands run from 0% to 100% without gaps or overlaps.", fields: [
        .init("levels", .list(.mapping("likelihoodLevel"), atLeast: 1), .always, "the levels, level 1 first", rules: [.scaleLevelOrder, .scaleBandOverlap, .scaleBandGap]),
        .init("description", .text, "the policy's own words about the scale"),
    ])

    public static let impactScale = FormatMapping("impactScale", "Impact levels for one outcome unit; each band in that unit.", fields: [
        .init("unit", .text, .always, "the outcome unit this scale measures: `money` or a word such as `hours`",
              missingHint: "name the outcome unit this scale measures: `unit: money`, or a word such as `hours`"),
        .init("levels", .list(.mapping("impactLevel"), atLeast: 1), .always, "the levels, level 1 first; only the top level may leave out `to`", rules: [.scaleLevelOrder, .scaleBandOverlap, .scaleBandGap]),
        .init("description", .text, "the policy's own words about the scale"),
    ])

    public static let likelihoodLevel = Self.level("likelihoodLevel", "One level of the likelihood scale: its number, label and band of chances [from, to).",
               edge: .probability, toRequirement: .when("yes", inSchema: true), toMissingRule: .missingField)

    public static let impactLevel = Self.level("impactLevel", "One level of an impact scale: its number, label and band of amounts [from, to).",
               edge: .nonNegativeAmount, toRequirement: .when("yes, except on the top level"), toMissingRule: .missingField)

    public static let rating = FormatMapping("rating", "The rating rule: score = likelihood × impact (`product`) or a lookup `matrix`, then red, amber and green thresholds.", fields: [
        .init("method", .choice(["product", "matrix"]), .always, "`product`: score = likelihood level × impact level; `matrix`: look the score up"),
        .init("amber-from", .amount, .always, "a score at or above this is amber"),
        .init("red-from", .amount, .always, "a score at or above this is red; above `amber-from`", rules: [.ratingThresholds]),
        .init("matrix", .list(.list(.amount, atLeast: 1), atLeast: 1), .when("with `method: matrix`"),
              "one row per likelihood level (level 1 first), each with one score per impact level (level 1 first)", rules: [.ratingMatrix, .missingField]),
    ], schemaRules: [("allOf", [
        .object([("if", .object([("required", ["method"]), ("properties", .object([("method", .object([("const", "matrix")]))]))])), ("then", .object([("required", ["matrix"])]))]),
        .object([("if", .object([("required", ["method"]), ("properties", .object([("method", .object([("const", "product")]))]))])), ("then", .object([("properties", .object([("matrix", false)]))]))]),
    ])])

    public static let riskRatings = FormatMapping("riskRatings", "The ordinal ratings the register states for the risk on its own matrix.", fields: [
        .init("gross", .mapping("statedRating"), "before controls"),
        .init("current", .mapping("statedRating"), "with the current controls"),
        .init("target", .mapping("statedRating"), "where the risk should be brought"),
    ])

    public static let statedRating = FormatMapping("statedRating", "A cell of the matrix: a likelihood level and an impact level.", fields: [
        .init("likelihood", .schema("statedLevel", reads: "a level by its number or label"), .always, "a likelihood level: `4`, `likely` or `{level: 4}`", rules: [.unknownLevel]),
        .init("impact", .schema("statedLevel", reads: "a level by its number or label"), .always, "an impact level: `3`, `major` or `{level: 3}`", rules: [.unknownLevel]),
    ])

    private static func level(_ name: String, _ summary: String, edge: FormatValue, toRequirement: FormatField.Requirement,
                              toMissingRule: Diagnostic.Rule) -> FormatMapping {
        FormatMapping(name, summary, fields: [
            .init("level", .wholeNumber, .always, "1 for the lowest, counting up in list order", rules: [.scaleLevelOrder],
                  missingHint: nil),
            .init("label", .schema("levelLabel", reads: "text, not a number"), .always, "the identifier estimates and ratings name the level by, such as `likely` or `zeer-klein`; unique in its scale, never translated", rules: [.invalidValue, .duplicateID]),
            .init("name", .translatableText, default: "the label, hyphens shown as spaces", "the level's name as reports show it, such as `{en: very unlikely, nl: zeer klein}`"),
            .init("from", edge, .always, "lower edge of the band", missingHint: "give the band's lower edge, such as `from: 20%` or `from: 250k`"),
            .init("to", edge, toRequirement, "upper edge; the band is `from` up to but not including `to`", rules: [toMissingRule, .invalidValue]),
            .init("description", .text, "the policy's words, such as the non-monetary harm the level stands for"),
        ])
    }

    /// What `needs-review` may list.
    public static let reviewable = ["strategy", "coproduction", "owner", "outcome", "estimates", "response", "response.cost", "review"]

    /// The mapping named `name` under `$defs` ("" is the top level).
    public static func mapping(_ name: String) -> FormatMapping? {
        name.isEmpty ? top : mappings.first { $0.name == name }
    }

    /// The distribution families, in the order the reference lists them.
    public static let families: [DistributionFamily] = [
        .init(name: "fixed", summary: "Always the same value.", form: .valueOrParameters,
              parameters: [.init(name: "value", role: .value, defaultValue: nil, summary: "The value.")],
              hasShortForm: true, scales: DistributionScale.allCases,
              shortExample: "`5000` or `fixed: 5000`", longExample: "`fixed: {value: 5000}`", constraints: ""),
        .init(name: "uniform", summary: "Every value between min and max equally likely.", form: .parameters,
              parameters: [.init(name: "min", role: .value, defaultValue: nil, summary: "Smallest value."),
                           .init(name: "max", role: .value, defaultValue: nil, summary: "Largest value.")],
              hasShortForm: true, scales: DistributionScale.allCases,
              shortExample: "`uniform: [1k, 5k]`", longExample: "`uniform: {min: 1k, max: 5k}`", constraints: "min < max"),
        .init(name: "triangular", summary: "A triangle between min and max peaking at mode.", form: .parameters,
              parameters: [.init(name: "min", role: .value, defaultValue: nil, summary: "Smallest value."),
                           .init(name: "mode", role: .value, defaultValue: nil, summary: "Most likely value."),
                           .init(name: "max", role: .value, defaultValue: nil, summary: "Largest value.")],
              hasShortForm: true, scales: DistributionScale.allCases,
              shortExample: "`triangular: [1k, 2k, 9k]`", longExample: "`triangular: {min: 1k, mode: 2k, max: 9k}`", constraints: "min ≤ mode ≤ max, min < max"),
        .init(name: "pert", summary: "PERT (a smoothed triangle) from min, most likely and max; the long form adds shape (default 4).", form: .parameters,
              parameters: [.init(name: "min", role: .value, defaultValue: nil, summary: "Smallest value."),
                           .init(name: "mode", role: .value, defaultValue: nil, summary: "Most likely value."),
                           .init(name: "max", role: .value, defaultValue: nil, summary: "Largest value."),
                           .init(name: "shape", role: .shape, defaultValue: 4, summary: "How strongly values gather around the mode; greater than 0 and at most 10,000, default 4.")],
              hasShortForm: true, scales: DistributionScale.allCases,
              shortExample: "`pert: [1k, 2.5k, 10k]`", longExample: "`pert: {min: 1k, mode: 2.5k, max: 10k, shape: 4}`", constraints: "as triangular; 0 < shape ≤ 10,000, default 4"),
        .init(name: "normal", summary: "Normal (a bell curve) with mean and standard deviation; long form only.", form: .parameters,
              parameters: [.init(name: "mean", role: .signedValue, defaultValue: nil, summary: "The mean."),
                           .init(name: "sd", role: .positiveValue, defaultValue: nil, summary: "The standard deviation; greater than 0.")],
              hasShortForm: false, scales: [.amount],
              shortExample: "—", longExample: "`normal: {mean: 120, sd: 40}`", constraints: "sd > 0"),
        .init(name: "lognormal", summary: "Lognormal given by its 90% interval: the 5th and 95th percentiles, 0 < p5 < p95.", form: .parameters,
              parameters: [.init(name: "p5", role: .positiveValue, defaultValue: nil, summary: "5th percentile: only 1 in 20 values fall below it."),
                           .init(name: "p95", role: .positiveValue, defaultValue: nil, summary: "95th percentile: only 1 in 20 values rise above it.")],
              hasShortForm: true, scales: [.amount, .rate],
              shortExample: "`lognormal: [2k, 40k]`", longExample: "`lognormal: {p5: 2k, p95: 40k}`", constraints: "0 < p5 < p95"),
        .init(name: "beta", summary: "Beta with shape parameters alpha and beta, scaled to [min, max] (default [0, 1]).", form: .parameters,
              parameters: [.init(name: "alpha", role: .shape, defaultValue: nil, summary: "First shape parameter; from 0.01 to 10,000."),
                           .init(name: "beta", role: .shape, defaultValue: nil, summary: "Second shape parameter; from 0.01 to 10,000."),
                           .init(name: "min", role: .value, defaultValue: 0, summary: "Lower end of the range; default 0."),
                           .init(name: "max", role: .value, defaultValue: 1, summary: "Upper end of the range; default 1.")],
              hasShortForm: true, scales: DistributionScale.allCases,
              shortExample: "`beta: [2, 8]`", longExample: "`beta: {alpha: 2, beta: 8, min: 0, max: 1}`", constraints: "alpha and beta from 0.01 to 10,000; min < max; min and max default to 0 and 1"),
        .init(name: "discrete", summary: "A choice among listed values, each with its probability; the probabilities add up to 1. Long form only.", form: .choices,
              parameters: [.init(name: "value", role: .value, defaultValue: nil, summary: "One possible value."),
                           .init(name: "p", role: .probability, defaultValue: nil, summary: "Its probability.")],
              hasShortForm: false, scales: DistributionScale.allCases,
              shortExample: "—", longExample: "`discrete: [{value: 0, p: 60%}, {value: 10k, p: 40%}]`", constraints: "at least one value; the p add up to 1 (within 0.001)"),
    ]

    /// The family named `name`.
    public static func family(_ name: String) -> DistributionFamily? { families.first { $0.name == name } }
}
