/// Everything a report template can show: the contract between riskreg and report templates,
/// including users' own copies of `Templates/`. Field names are what templates see; each is
/// documented in docs/templates.md, and a test keeps that page in step with this type.
///
/// Every string has already been made safe for the report's format by ``TextLayer/HTMLText`` or ``TextLayer/MarkdownText`` — escaped
/// for HTML, or neutralised for Markdown — so `{{field}}` and `{{{field}}}` print the same.
/// Chart fields holding SVG (``Chart/svg``) are built by riskreg from escaped text.
/// Figures are formatted for people (thousands separators, natural frequencies).
///
/// In a community report, confidential entries are absent from every list here; only outcome
/// totals include them, and ``withheldNote`` says so.
public struct ReportContext: Sendable {
    /// Which report this is.
    public var report: ReportInfo
    /// The register's own metadata.
    public var register: RegisterInfo
    /// How the figures were made: seed, trials, versions.
    public var run: RunInfo
    /// HTML only: the report's stylesheet, from the `style` template.
    public var style: String
    /// HTML only: the CSP `style-src` source list; riskreg fills in the hash of the style block
    /// after rendering, so edited styles stay allowed.
    public var cspStyleSources: String
    /// One sentence per appetite statement.
    public var verdicts: [Verdict]
    /// Whether any outcome is outside appetite.
    public var anyOutsideAppetite: Bool
    /// One section per outcome, in register order.
    public var outcomes: [OutcomeSection]
    /// Responses ranked by value for money within each outcome unit, best first; those with no
    /// recorded cost after the costed ones of their unit.
    public var responses: [ResponseRow]
    /// One row per strategy, in the order portfolio, reduction, resilience, enablement.
    public var strategies: [StrategyRow]
    /// Set when every entry shown is a portfolio or reduction entry.
    public var strategyWarning: String?
    /// Notes on the strategy mix against its reference (docs/strategy-mix.md): more than three
    /// in four entries portfolio or reduction, or no enablement entry; empty otherwise.
    public var strategyNotes: [String] = []
    /// Board reports: the enablement entries, risks taken on purpose, each with its trade-off
    /// and agreement ("Risks we choose to take"); empty in community reports.
    public var chosenRisks: [ChosenRisk] = []
    /// Who co-produced which entry, and how.
    public var coproduction: [CoproductionRow]
    /// Each contributor (named or described) with the entries they took part in.
    public var contributors: [ContributorRow]
    /// Where community or service-user estimates differ most from the officers', before
    /// responses: largest first, by the difference in mean outcome as a share of the outcome's
    /// standard deviation without responses, so differences in different units can be ranked.
    public var disagreements: [Disagreement]
    /// The perspective the disagreements are measured against (escaped title), if any.
    public var officersPerspective: String?
    /// The disagreements table's headings for the compared perspective's figures, by its name:
    /// "Ward clinicians: chance", never "Officers' chance" for a perspective of clinicians.
    public var comparedChanceHeading: String? = nil
    public var comparedOutcomeHeading: String? = nil
    /// Entries past their review date on the as-of day.
    public var stale: [StaleRow]
    /// Entries within their review date on the as-of day whose review falls due on or before
    /// the register's next decision (`review` is the date it falls due): their estimates may
    /// change before the board decides. Board reports only; empty without a decision date.
    public var dueByDecision: [StaleRow] = []
    /// The line that introduces ``dueByDecision``, naming the decision's date; nil when empty.
    public var dueByDecisionLead: String? = nil
    /// Portfolios compared, the first being the reference.
    public var portfolios: [PortfolioRow]
    /// Per-outcome columns of the portfolio comparison (outcome titles).
    public var portfolioOutcomes: [String]
    /// Register-wide charts: the generic likelihood × impact heat map, only when the register
    /// has no scales of its own (then ``matrix`` is shown instead).
    public var heatMap: Chart?
    /// Board reports on a register with scales: its own matrix and where stated ratings
    /// disagree with the simulation. Nil otherwise.
    public var matrix: OwnMatrix? = nil
    /// Every entry shown, in register order, in full.
    public var risks: [RiskDetail]
    /// Number of confidential entries left out of this report (community reports only).
    public var withheldCount: Int
    /// A sentence saying that totals include withheld entries; nil when none are withheld.
    public var withheldNote: String?
    /// Board reports: the decision page, shown first. Nil in community reports.
    public var decision: DecisionPage? = nil
    /// Board reports made with `--since REV`: what changed since that revision. Nil otherwise,
    /// and always nil in community reports.
    public var since: SinceSection? = nil
    /// The board report's table of contents for Markdown: each section with the anchor GitHub
    /// gives its heading, and under "Outcomes in detail" each outcome. Empty in HTML, whose
    /// sections carry their own ids, and in community reports.
    public var markdownContents: [ContentsEntry] = []
    /// Board reports that hold confidential entries: a handling mark for the whole report,
    /// saying how many it holds and that it is not for publication; nil otherwise.
    public var confidentialNote: String? = nil
    /// Board report: what its technical words mean (the `md-glossary` and `html-glossary`
    /// partials, at the end); nil in the community report.
    public var glossary: Glossary? = nil
    /// Board report: the heading of the value-for-money column, with the currency: "Avoided
    /// per £1,000 spent".
    public var responsesPerHeading: String = ""
    /// The community report's own sentences (community reports only).
    public var community: Community? = nil
    /// The phrasebook's words for templates, by key: `{{phrases.how-these-figures-were-made}}`.
    /// Every phrase of the report's language whose key starts with `template.`, under the rest
    /// of its key. Phrases are the catalogue's own text, not register text, and are inserted as
    /// they are; a template in another language reads the same keys from that language's
    /// catalogue.
    public var phrases: [String: String] = [:]
    /// Board report: per outcome whose responses avoid any loss, what that protection rests on
    /// (the `md-reliance` and `html-reliance` partials); empty in the community report.
    public var reliance: [RelianceRow] = []
    /// Board report: the citizen time each response takes, next to its cost (same partials).
    public var citizenTime: [CitizenTimeRow] = []
    /// Whether value for money counts citizen time, and at what rate: the sentence that says so.
    public var citizenTimeNote: String? = nil
    /// The citizen-time table's value-for-money heading, with the amount of cost it is per in
    /// the register's currency: "Avoided per £1,000 of cost, citizen time counted as cost".
    public var citizenTimePerHeading: String = ""
    /// Board report: the sentence listing the entries no citizen perspective estimated.
    public var notConsulted: String? = nil

    /// What changed since an earlier revision of the register.
    public struct SinceSection: Sendable {
        /// The earlier revision, as given to `--since`.
        public var revision: String
        /// The same revision for inside a code span (`` `{{revisionCode}}` ``) in Markdown;
        /// in HTML the same as `revision`.
        public var revisionCode: String
        /// A one-line account of what changed.
        public var summary: String
        /// Set when the register file did not exist at the revision: every entry is new.
        public var newFile: Bool
        /// Entries added and removed.
        public var added: [SinceEntry]
        public var removed: [SinceEntry]
        /// Entries re-tagged to another strategy.
        public var retagged: [SinceChange]
        /// Other changes to entries kept: estimates, responses, owners, co-production, ….
        public var changed: [SinceChange]
        /// Changes to outcomes, appetite statements, contributors, perspectives, correlations
        /// and portfolios.
        public var other: [SinceChange]
        /// Appetite verdicts that flipped.
        public var flipped: [SinceFlip]
        /// Each outcome's mean, P90 and P95 on both sides.
        public var outcomes: [SinceOutcome]
        /// Whether any entry changed at all.
        public var hasChanges: Bool
    }

    public struct SinceEntry: Sendable {
        public var id: String
        public var title: String
        /// The entry's strategy: `portfolio`, `reduction`, `resilience`, `enablement`.
        public var strategy: String
    }

    public struct SinceChange: Sendable {
        /// The entry: id and title, e.g. "CS-03 Library roof leaks".
        public var entry: String
        /// The field as the register writes it: `owner`, `estimates[officers].impact`.
        public var field: String
        /// The value before and after, as the register writes it; "—" when absent.
        public var before: String
        public var after: String
    }

    public struct SinceFlip: Sendable {
        /// The outcome's title.
        public var outcome: String
        /// The board's own words, when the statement has them.
        public var statement: String?
        /// "within appetite" or "outside appetite", before and after.
        public var before: String
        public var after: String
    }

    public struct SinceOutcome: Sendable {
        public var title: String
        /// The unit in words.
        public var unit: String
        /// Mean, P90 and P95 with responses.
        public var figures: [SinceFigure]
    }

    public struct SinceFigure: Sendable {
        /// "Mean", "1 in 10 bad horizon (P90)", "1 in 20 bad horizon (P95)" (for a gain, the
        /// gain's P10 and P5).
        public var label: String
        /// The figure in the outcome's direction: "a net reduction of 2.70 incidents", "a gain of
        /// 681 hours".
        public var before: String
        public var after: String
        /// The change as better or worse ("2.10 incidents worse"), "no change" when equal as
        /// written, "new" or "removed".
        public var change: String
        /// Set when the change is smaller than twice its Monte Carlo standard error.
        public var withinError: Bool
    }

    public struct ReportInfo: Sendable {
        /// `html` or `markdown`.
        public var format: String
        /// `board` or `community`.
        public var audience: String
        public var isBoard: Bool
        public var isCommunity: Bool
        public var isHTML: Bool
        public var isMarkdown: Bool
        /// The report's heading, e.g. "Board report: …".
        public var heading: String
        /// The document language for `<html lang>`, `en`.
        public var language: String
    }

    public struct RegisterInfo: Sendable {
        public var id: String
        public var title: String
        public var organisation: String
        public var description: String?
        /// "12 months".
        public var horizon: String
        /// "over the next 12 months", "over the next year".
        public var horizonPhrase: String
        public var currency: String?
        public var owner: String?
        public var lastReviewed: String?
        public var nextReview: String?
        /// Set when the register's own next review date has passed on the as-of day.
        public var reviewOverdue: Bool
    }

    public struct RunInfo: Sendable {
        /// The seed, as a number.
        public var seed: String
        /// Trials simulated, with thousands separators.
        public var trials: String
        /// The day review dates were judged by (`--as-of`).
        public var asOf: String
        /// The headline view, in words: "all perspectives pooled" or a perspective's title.
        public var view: String
        /// The portfolio whose activities the headline figures include, by title.
        public var portfolio: String?
        /// riskreg's version.
        public var riskregVersion: String
        /// The libyaml version that read the register.
        public var libyamlVersion: String
        /// Set when `--precision` was asked for and not reached.
        public var precisionNote: String?
        /// The command that reproduces these figures.
        public var command: String
        /// The same command for inside a code span (`` `{{run.commandCode}}` ``) in Markdown,
        /// where it needs no backslashes; in HTML the same as `command`.
        public var commandCode: String
    }

    /// One appetite statement judged.
    public struct Verdict: Sendable {
        /// The outcome's title.
        public var outcome: String
        /// The whole verdict in one sentence, with a natural frequency and its uncertainty.
        public var sentence: String
        /// The board's own words, when the statement has them.
        public var statement: String?
        public var withinAppetite: Bool
        /// False when the limit lies within the figure's Monte Carlo uncertainty.
        public var decisive: Bool
        /// "Within appetite", "Outside appetite", or either with "(too close to call)".
        public var status: String
        /// A CSS class: `within`, `outside` or `close`.
        public var statusClass: String
        /// The chance after responses, as a percentage, and without them.
        public var chance: String
        public var chanceWithoutResponses: String
        /// The limit as a percentage.
        public var limit: String
        /// In the board report, beside a statement outside appetite or too close to call, the
        /// register's own plan if it is missed (`if-missed`); nil otherwise.
        public var ifMissed: String? = nil
        /// In the board report, beside a money statement: what its threshold counts, and that
        /// the responses' planned cost is not in it (``ReportBuilder/moneyTestNote(_:)``).
        public var moneyTest: String? = nil
        /// In the board report, beside an aim: the options that cannot meet it by construction,
        /// and why (``ReportBuilder/outOfReachNote(_:)``).
        public var outOfReach: String? = nil
    }

    /// A line of the Markdown table of contents.
    public struct ContentsEntry: Sendable {
        /// The heading's text, escaped.
        public var title: String
        /// The anchor GitHub gives the heading (`bed-days-days`), without `#`.
        public var anchor: String
        public var children: [ContentsEntry] = []
    }

    /// One outcome: its figures, what drives it, and its charts.
    public struct OutcomeSection: Sendable {
        public var id: String
        public var title: String
        public var description: String?
        /// The unit in words: "EUR", "incidents".
        public var unit: String
        /// A plain-language summary of the average and bad-year outcome, in its direction, and
        /// where something can come out ahead, the chance that it does.
        public var summary: String
        /// Which way is better: "less is better" or "more is better", marked when the register
        /// does not state it and it was inferred.
        public var direction: String
        /// Set when more of the outcome is better (hours of independent living): its figures are
        /// gains, benefit − harm.
        public var isGain: Bool
        /// What the signed figures hold: "Loss (GBP; less is better); a minus sign is a net
        /// reduction".
        public var figuresCaption: String
        /// Rows: mean, P50, P90, P95, P99, value at risk, expected shortfall — with and
        /// without responses, each with its Monte Carlo error.
        public var figures: [FigureRow]
        /// Chance of a net benefit, with and without responses.
        public var netBenefitChance: String
        /// The largest drivers shown, by share of the outcome's variance.
        public var drivers: [Driver]
        /// Set when the figures include withheld confidential entries.
        public var includesWithheld: Bool
        /// How far apart the perspectives' 1 in 10 bad horizons are before responses, in the
        /// outcome's unit, when there are several: "59.9 days (before responses)".
        public var disagreement: String?
        /// In the board report, for an appetite statement on harm alone: that the figures here
        /// are net, and the chance of harm alone above the board's limit beside them.
        public var harmAlone: String? = nil
        public var histogram: Chart
        public var exceedance: Chart
        public var tornado: Chart?
        public var perspectives: Chart?
    }

    public struct FigureRow: Sendable {
        public var label: String
        public var residual: String
        public var residualError: String
        public var inherent: String
    }

    public struct Driver: Sendable {
        public var id: String
        public var title: String
        /// Share of the outcome's variance after responses, as a percentage.
        public var share: String
        public var meanLoss: String
    }

    public struct ResponseRow: Sendable {
        public var rank: Int
        public var risk: String
        public var riskTitle: String
        public var action: String
        public var cost: String
        /// Mean loss avoided per horizon, with its unit, and its Monte Carlo error.
        public var value: String
        public var valueError: String
        /// Loss avoided per 1,000 of cost, in the outcome's unit, or "costed at 0: not comparable".
        public var perThousand: String
        /// "costs more than it avoids" for a money response whose mean saving is below its
        /// cost; nil otherwise.
        public var flag: String?
        /// The unit the response is ranked within: responses are ranked by value for money
        /// among those of the same unit ("GBP", "hours"), and `rank` restarts in each.
        public var unit: String
        /// Set on the first response of each unit, so a table can start a group there.
        public var isFirstOfUnit: Bool
        /// What the group of this unit is ranked by: "Ranked by hours avoided per 1,000 spent".
        public var unitHeading: String
        /// Who delivers it (names as allowed for the audience).
        public var deliveredBy: String
        public var reliability: String
        /// Mean loss without and with the response.
        public var inherentMean: String
        public var residualMean: String
        /// The rank as the table shows it: "1", "2" among the responses that earn a place, "—"
        /// for one that saves less on average than it costs, or one alone in its unit, where a
        /// "1" would claim a merit it does not have. ``rank`` stays its place in the group.
        public var rankShown: String = ""
    }

    public struct StrategyRow: Sendable {
        /// `portfolio`, `reduction`, `resilience`, `enablement`.
        public var strategy: String
        /// What the strategy means, in one line.
        public var meaning: String
        public var entries: Int
        /// Share of the entries shown, as a percentage.
        public var share: String
        /// Mean harm before responses, summed per outcome unit ("4,200 EUR; 310 hours").
        public var exposure: String
    }

    public struct CoproductionRow: Sendable {
        public var risk: String
        public var title: String
        /// `co-design`, `co-delivery`, `co-commissioning`, `co-assessment`.
        public var mode: String
        /// Contributors as allowed for the audience, joined with commas.
        public var contributors: String
        public var note: String?
    }

    public struct ContributorRow: Sendable {
        /// The name, or for a contributor who did not agree to be named (community reports) a
        /// description such as "a service-user group (not named)".
        public var name: String
        public var named: Bool
        /// `user`, `community`, `staff`, `partner`, in words.
        public var kind: String
        /// Entries and mode, e.g. "CS-01 (co-design), CS-05 (co-delivery)".
        public var entries: String
        public var entryCount: Int
        /// Whether the contributor took part in any entry shown.
        public var hasEntries: Bool
    }

    public struct Disagreement: Sendable {
        public var risk: String
        public var title: String
        /// The community or service-user perspective.
        public var perspective: String
        /// A sentence comparing the two views.
        public var sentence: String
        public var theirChance: String
        public var officersChance: String
        /// Each view's mean outcome before responses, in words that follow the outcome's
        /// direction: "a net reduction of 8.52 days", "a loss of £1,880".
        public var theirMeanLoss: String
        public var officersMeanLoss: String
        /// The difference in the outcome's unit and which way it points, before responses:
        /// "59.9 days worse", "£850 better" (better or worse on their estimates than on the
        /// officers').
        public var difference: String
    }

    public struct StaleRow: Sendable {
        public var risk: String
        public var title: String
        public var review: String
    }

    public struct PortfolioRow: Sendable {
        public var id: String
        public var title: String
        public var description: String?
        /// The portfolio's own activities, by id and title.
        public var activities: String
        /// One cell per outcome: mean loss after responses.
        public var means: [String]
        /// One cell per outcome: difference from the first portfolio, with the chance it is better.
        public var differences: [String]
        public var isFirst: Bool
    }

    /// One entry in full.
    public struct RiskDetail: Sendable {
        public var id: String
        public var title: String
        public var description: String?
        public var outcome: String
        public var strategy: String
        public var owner: String
        public var borneBy: String?
        public var mode: String
        public var contributors: String
        public var coproductionNote: String?
        public var review: String?
        public var isStale: Bool
        public var isConfidential: Bool
        /// False when the entry is a portfolio activity outside the portfolio scored.
        public var scored: Bool
        /// What ``chance`` is the chance of: its harm, or for an activity taken on for its gain,
        /// the risk in it coming about (the activity itself goes ahead).
        public var chanceLabel: String = ""
        /// What ``meanLoss`` is the mean of: "On average:", or for an activity taken on for its
        /// gain, the activity and its risk together — so a title naming the risk does not read
        /// backwards beside "a gain of …".
        public var meanLabel: String = ""
        /// "about 32 in 100 (32%)" after responses, and before.
        public var chance: String
        public var chanceWithoutResponses: String
        public var meanLoss: String
        public var meanLossWithoutResponses: String
        public var meanBenefit: String?
        /// Share of its outcome's variance, as a percentage.
        public var share: String
        /// The impact's P10 to P90 when it happens.
        public var impactRange: String
        public var response: ResponseRow?
        /// Each perspective's view of this entry.
        public var views: [RiskView]
        /// Where the likelihood-and-impact chart places the entry by its harm on another
        /// outcome than its own: that outcome and the figure, so the chart's figure can be
        /// found in the entry; nil otherwise.
        public var placedBy: String? = nil
        /// Why ``chance`` reads the same as ``chanceWithoutResponses``, where it does: "the same:
        /// it has no response of its own in these figures"; nil otherwise.
        public var chanceNote: String? = nil
        /// Where the likelihood-and-impact chart places the entry by another outcome, its
        /// average there ("a loss of 172 hours with responses; …") and the line's label; nil
        /// otherwise.
        public var placingMean: String? = nil
        public var placingMeanLabel: String? = nil
    }

    public struct RiskView: Sendable {
        public var perspective: String
        public var chance: String
        public var meanLoss: String
        public var rationale: String?
    }

    /// A chart: an SVG picture (HTML), its title, a text description for people who cannot see
    /// it, and its data as a table (the only form in Markdown).
    public struct Chart: Sendable {
        /// A unique id, usable as an HTML id.
        public var id: String
        public var title: String
        /// What the chart shows and what to read from it, in words.
        public var description: String
        /// Inline `<svg>` markup (HTML reports); empty in Markdown reports.
        public var svg: String
        public var table: DataTable
        /// A sentence beneath the table: what it leaves out and why (the heat map's activities
        /// of options not assumed); nil for none.
        public var note: String? = nil
        /// A short summary read first, with ``points`` after it in place of ``description``,
        /// for a chart whose description is too long to take in at once (the board's
        /// likelihood-and-impact chart); nil where the description stands alone.
        public var lead: String? = nil
        /// The description's parts, one to a list item, after ``lead``.
        public var points: [String] = []
    }

    public struct DataTable: Sendable {
        public var columns: [String]
        public var rows: [DataRow]
        /// `|---|---:|…` for Markdown tables: the first column left-aligned, the rest right.
        public var markdownRule: String
    }

    public struct DataRow: Sendable {
        public var cells: [String]
    }

    /// The board report's glossary.
    public struct Glossary: Sendable {
        public var heading: String
        public var intro: String
        public var entries: [GlossaryEntry]
    }

    /// One term: `id` is its anchor (`g-ID`) in HTML.
    public struct GlossaryEntry: Sendable {
        public var id: String
        public var term: String
        public var text: String
    }
}
