import Distributions
import RegisterModel
import TextLayer
import YAMLNodes

/// Reads a composed document as a format-v1 register, section by section.
///
/// References between entries (a risk's outcome, a response's contributors, ...) are recorded as
/// they are read and resolved once everything has been read, so a register may list its
/// sections in any order.
package struct RegisterDecoder {
    package var reader: NodeReader
    let asOf: CalendarDate
    /// Every reference met while reading: what it refers to, the id, and where it was written.
    var references: [Reference] = []
    /// Where each id was declared, per kind, for duplicate and reference checks. Positions
    /// rather than nodes, so that a declaration does not keep the entry it was read from alive.
    var declared: [Reference.Kind: [String: YAMLMark]] = [:]
    var perspectivesDeclared = false
    /// Each risk a portfolio lists, and where: only `portfolio` entries may be listed.
    /// Each entry's response ids (its `response`'s, when named, and its alternatives'), for the
    /// options that choose one.
    var responseNames: [String: Set<String>] = [:]
    /// Each option's response choices: entry, response id, and where each was written.
    var responseChoiceNodes: [(risk: String, response: String, node: YAMLNode, riskNode: YAMLNode)] = []
    /// Each option's `responses`, `cost` and `cost-outcome` nodes, by option id, to place
    /// cross-checks.
    var optionNodes: [String: (responses: YAMLNode?, cost: YAMLNode?, costOutcome: YAMLNode?)] = [:]
    /// The options marked `current: true` and `proposed: true`, with the node of the mark, in
    /// file order: at most one of each.
    var statusNodes: (current: [(id: String, node: YAMLNode)], proposed: [(id: String, node: YAMLNode)]) = ([], [])
    /// Each correlation's `between` node, to place matrix problems.
    var correlationNodes: [YAMLNode] = []
    /// Whether the register has a `scales` section, and the scales when they are valid.
    package var scalesDeclared = false
    var scales: Scales?
    /// Each outcome's unit by id, to find the impact scale a risk's levels refer to.
    var outcomeUnits: [String: Outcome.Unit] = [:]
    /// Each contributor's kind, and the contributors with a stated availability or step-back,
    /// for the co-production warnings on risks and responses (contributors are read first).
    var contributorKinds: [String: Contributor.Kind] = [:]
    var sharedDeliverers: Set<String> = []
    /// The register's `language` (English when it names none): a text given in several
    /// languages is held in the model in this one.
    var registerLanguage = "en"
    /// The texts given in several languages, as read so far.
    var translations = Translations()
    /// The risk being read, for the place of its response's texts.
    var currentRisk = ""
    /// Each outcome's `title-short` node, by outcome id in file order, to place a short name
    /// that another outcome already has at the text that repeats it.
    var titleShortNodes: [(outcome: String, node: YAMLNode)] = []

    struct Reference {
        enum Kind: String {
            case outcome, contributor, perspective, risk, portfolio
        }

        var kind: Kind
        var id: String
        var node: YAMLNode
    }

    package init(file: String, asOf: CalendarDate) {
        reader = NodeReader(file: file)
        self.asOf = asOf
    }

    /// Reads the register whose document `root` is. The decoder takes the root over, so that once
    /// it has picked out the sections only they are held, and each list section is let go of item
    /// by item as it is read (see ``decodeList(_:_:nonEmpty:_:)``).
    mutating func decode(_ root: consuming YAMLNode) -> Register? {
        let rootMark = root.mark
        guard var top = sections(of: consume root) else { return nil }
        guard let versionNode = top["riskreg"] else {
            // Without a version nothing else can be trusted to mean what this release thinks.
            return nil
        }
        guard let version = formatVersion(versionNode) else { return nil }

        let metadata = top["register"].flatMap { decodeMetadata($0) }
        let outcomes = decodeList(top["outcomes"], "`outcomes`") { $0.decodeOutcome($1) }
        let contributors = decodeList(top["contributors"], "`contributors`", nonEmpty: false) { $0.decodeContributor($1) }
        var perspectives: [Perspective]
        if let node = top["perspectives"] {
            perspectivesDeclared = true
            perspectives = decodeList(node, "`perspectives`") { $0.decodePerspective($1) }
        } else {
            let implicit = Perspective.implicitOfficers(at: reader.location(rootMark))
            perspectives = [implicit]
            declared[.perspective] = [implicit.id: rootMark]
        }
        let appetite = decodeList(top["appetite"], "`appetite`", nonEmpty: false) { $0.decodeAppetite($1) }
        // Scales are read before the risks, whose estimates and ratings may name their levels.
        if let node = top["scales"] {
            scalesDeclared = true
            scales = decodeScales(node)
        }
        for outcome in outcomes where outcomeUnits[outcome.id] == nil { outcomeUnits[outcome.id] = outcome.unit }
        let risks = decodeList(top.removeValue(forKey: "risks"), "`risks`") { $0.decodeRisk($1) }
        let correlations = decodeList(top["correlations"], "`correlations`", nonEmpty: false) { $0.decodeCorrelation($1) }
        var portfolios = decodeList(top["portfolios"], "`portfolios`", nonEmpty: false) { $0.decodePortfolio($1) }
        // An option's cost counts in the register's only money outcome unless it names one.
        let money = outcomes.filter { $0.unit == .money }
        for p in portfolios.indices where portfolios[p].cost != nil && portfolios[p].costOutcome == nil && money.count == 1 {
            portfolios[p].costOutcome = money[0].id
        }

        resolveReferences()
        guard let metadata else { return nil }
        if perspectives.isEmpty { perspectives = [Perspective.implicitOfficers(at: reader.location(rootMark))] }
        let register = Register(
            formatVersion: version, metadata: metadata, outcomes: outcomes, appetite: appetite,
            contributors: contributors, perspectives: perspectives, risks: risks,
            correlations: correlations, portfolios: portfolios, scales: scales, file: reader.file)
        var translated = register
        translated.translations = translations
        crossCheck(translated, registerNode: top["register"])
        return translated
    }

    /// The register's sections by name, with the root and its entries let go of on return.
    ///
    /// The root holds every section; while anything holds it, no part of the document can be
    /// freed. Of a register of 10,000 risks the node tree is about 20 MB, against 10 MB for the
    /// risks decoded from it, so the tree is released as the risks are read.
    private mutating func sections(of root: consuming YAMLNode) -> [String: YAMLNode]? {
        guard let entries = root.mapping else {
            reader.error(.formatVersion, "this file is not a riskreg register: it holds \(root.kindDescription), not a mapping of sections", at: root,
                         hint: "a register starts with `riskreg: 1`, then `register:`, `outcomes:` and `risks:`")
            return nil
        }
        // Fields starting with `x-` hold shared defaults for anchors; they are not read.
        let own = entries.filter { !($0.key.scalar?.value.hasPrefix("x-") ?? false) }
        let topNode = YAMLNode(.mapping(own), mark: root.mark)
        return reader.fields(topNode, of: "the register file", RegisterFields.top)?.values
    }

    private mutating func formatVersion(_ node: YAMLNode) -> Int? {
        guard let text = reader.text(node, "`riskreg`") else { return nil }
        guard let version = Int(text) else {
            reader.error(.formatVersion, "`riskreg` should be the format version number, not `\(text.abbreviated)`", at: node,
                         hint: "write `riskreg: \(Register.currentFormatVersion)`")
            return nil
        }
        guard version == Register.currentFormatVersion else {
            reader.error(.formatVersion,
                         version > Register.currentFormatVersion
                            ? "register format \(version) is newer than this riskreg reads (\(Register.currentFormatVersion))"
                            : "there is no register format \(version)",
                         at: node,
                         hint: version > Register.currentFormatVersion ? "upgrade riskreg to read this register" : "write `riskreg: \(Register.currentFormatVersion)`")
            return nil
        }
        return version
    }

    /// Reads each item of an optional list section; a missing section is an empty list.
    ///
    /// Each item is let go of once read: when the caller hands over the only reference to the
    /// section (as ``decode(_:)`` does for `risks`), an item's nodes are freed as soon as it has
    /// been decoded, except the few that references and declarations keep for their positions.
    /// The result grows as items are decoded rather than being reserved at the list's length up
    /// front: a reserved buffer would be allocated while the whole tree is still alive, which is
    /// when a read holds the most memory.
    package mutating func decodeList<T>(
        _ node: consuming YAMLNode?, _ what: String, nonEmpty: Bool = true, _ decode: (inout Self, YAMLNode) -> T?
    ) -> [T] {
        guard let section = node.take(),
              let items = reader.list(section, of: what, nonEmpty: nonEmpty) else { return [] }
        _ = consume section
        var unread = Array(items.reversed())
        _ = consume items
        var decoded: [T] = []
        while let item = unread.popLast() {
            if let value = decode(&self, item) { decoded.append(value) }
        }
        // Growth by doubling leaves up to half the buffer unused (2.4 MB of risks for a
        // register of 10,000), kept for as long as the register is: copy to the exact size
        // now that the tree is gone.
        guard decoded.capacity - decoded.count > 4096 / max(1, MemoryLayout<T>.stride) else { return decoded }
        return [T](unsafeUninitializedCapacity: decoded.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: decoded)
        }
    }

    /// Records a declared id; a second declaration of the same id is `duplicate-id`.
    mutating func declare(_ kind: Reference.Kind, _ id: String, at node: YAMLNode) {
        if let first = declared[kind]?[id] {
            reader.error(.duplicateID, "\(kind.rawValue) id `\(id)` is already used at line \(first.line)", at: node,
                         hint: "give each \(kind.rawValue) its own id")
            return
        }
        declared[kind, default: [:]][id] = node.mark
    }

    private mutating func refer(_ kind: Reference.Kind, _ node: YAMLNode, _ what: String) -> String? {
        guard let id = reader.id(node, what) else { return nil }
        references.append(Reference(kind: kind, id: id, node: node))
        return id
    }

    private mutating func referList(_ kind: Reference.Kind, _ node: YAMLNode?, _ what: String, nonEmpty: Bool) -> [String] {
        guard let node else { return [] }
        guard let items = reader.list(node, of: what, nonEmpty: nonEmpty) else { return [] }
        var ids: [String] = []
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard let id = refer(kind, item, "an item of \(what)") else { continue }
            if seen[id] != nil {
                reader.warning(.duplicateReference, "\(kind.rawValue) `\(id)` is listed twice in \(what)", at: item,
                               hint: "remove the repeat")
                continue
            }
            seen[id] = item
            ids.append(id)
        }
        return ids
    }

    private mutating func resolveReferences() {
        for reference in references {
            let known = declared[reference.kind] ?? [:]
            guard known[reference.id] == nil else { continue }
            let guess = Suggestion.didYouMean(reference.id, in: known.keys.sorted())
            var hint = guess
            if hint == nil {
                let listed = known.keys.sorted()
                hint = listed.isEmpty
                    ? "the register declares no \(reference.kind.rawValue)s\(reference.kind == .perspective && !perspectivesDeclared ? " — add a `perspectives` section" : "")"
                    : "known \(reference.kind.rawValue)s: \(Suggestion.list(Array(listed.prefix(8))))\(listed.count > 8 ? ", ..." : "")"
            }
            reader.error(.unknownReference, "unknown \(reference.kind.rawValue) `\(reference.id)`", at: reference.node, hint: hint)
        }
    }

    // MARK: Sections

    package mutating func decodeMetadata(_ node: YAMLNode) -> Metadata? {
        guard let f = reader.fields(node, of: "`register`", RegisterFields.metadata) else { return nil }
        // The language first: texts in several languages are held in the model in this one.
        var language: String?
        if let node = f["language"], let code = reader.text(node, "the language") {
            if Phrasebook.languages.contains(code) {
                language = code
                registerLanguage = code
            } else {
                reader.error(.invalidValue, "language `\(code.abbreviated)` has no catalogue", at: node,
                             hint: "write one of \(Phrasebook.languages.map { "`\($0)`" }.joined(separator: ", "))")
            }
        }
        func place(_ field: String) -> Translations.Place { Translations.Place(.register, "", field) }
        let id = f["id"].flatMap { reader.id($0, "the register id") }
        let title = f["title"].flatMap { translatable($0, "the register title", place("title")) }
        let organisation = f["organisation"].flatMap { translatable($0, "the organisation", place("organisation")) }
        let horizon = f["horizon"].flatMap { readHorizon($0) }
        let description = f["description"].flatMap { translatable($0, "the register description", place("description")) }
        var currency: String?
        if let node = f["currency"], let text = reader.text(node, "the currency") {
            if text.count == 3, text.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                currency = text
            } else {
                reader.error(.invalidValue, "currency `\(text.abbreviated)` is not an ISO 4217 code", at: node,
                             hint: "write the three-letter code, such as `EUR` or `GBP`")
            }
        }
        let owner = f["owner"].flatMap { reader.text($0, "the register owner") }
        let last = f["last-reviewed"].flatMap { reader.date($0, "`last-reviewed`") }
        let next = f["next-review"].flatMap { reader.date($0, "`next-review`") }
        if let last, let next, let nextNode = f["next-review"], next < last {
            reader.error(.dateOrder, "`next-review` \(next) is before `last-reviewed` \(last)", at: nextNode,
                         hint: "the next review comes after the last one")
        }
        if let next, let nextNode = f["next-review"], next < asOf {
            reader.warning(.staleReview, "the register's review was due on \(next), before \(asOf)", at: nextNode,
                           hint: "review the register and move `next-review` forward")
        }
        var required: [Strategy] = []
        if let list = f["citizen-estimates-for"], let items = reader.list(list, of: "`citizen-estimates-for`", nonEmpty: false) {
            required = items.compactMap { reader.choice($0, "strategy", as: Strategy.self) }
        }
        let hourValue = f["citizen-hour-value"].map { reader.nonNegativeAmount($0, "`citizen-hour-value`") }
        let contact = f["contact"].flatMap { translatable($0, "the contact", place("contact")) }
        let nextDecision = f["next-decision"].flatMap { translatable($0, "the next decision", place("next-decision")) }
        let nextDecisionDate = f["next-decision-date"].flatMap { reader.date($0, "`next-decision-date`") }
        let howToRespond = f["how-to-respond"].flatMap { translatable($0, "how to respond", place("how-to-respond")) }
        let decidedBy = f["decided-by"].flatMap { translatable($0, "who decides", place("decided-by")) }
        let confidentialReason = f["confidential-reason"].flatMap { translatable($0, "the reason entries are confidential", place("confidential-reason")) }
        let period = f["period"].flatMap { translatable($0, "the period's name", place("period")) }
        let periodShort = f["period-short"].flatMap { translatable($0, "the period's short name", place("period-short")) }
        let responseBudget = f["response-budget"].flatMap { translatable($0, "where response costs are paid from", place("response-budget")) }
        guard let id, let title, let organisation, let horizon else { return nil }
        if case .some(.none) = hourValue { return nil }
        var metadata = Metadata(
            id: id, title: title, organisation: organisation, description: description, horizon: horizon,
            currency: currency, owner: owner, lastReviewed: last, nextReview: next, language: language, contact: contact,
            location: reader.location(node))
        metadata.citizenEstimatesFor = required
        metadata.citizenHourValue = hourValue ?? nil
        metadata.nextDecision = nextDecision
        metadata.nextDecisionDate = nextDecisionDate
        metadata.howToRespond = howToRespond
        metadata.decidedBy = decidedBy
        metadata.confidentialReason = confidentialReason
        metadata.responseBudget = responseBudget
        metadata.period = period
        metadata.periodShort = periodShort
        return metadata

    }

    private mutating func readHorizon(_ node: YAMLNode) -> Horizon? {
        guard let text = reader.text(node, "the horizon") else { return nil }
        guard let horizon = Horizon(text) else {
            reader.error(.invalidDuration, "horizon `\(text.abbreviated)` is not a period", at: node,
                         hint: "write a whole number and a unit, such as `12 months`, `1 year` or `26 weeks`")
            return nil
        }
        return horizon
    }

    package mutating func decodeOutcome(_ node: YAMLNode) -> Outcome? {
        guard let f = reader.fields(node, of: "an outcome", RegisterFields.outcome) else { return nil }
        let id = f["id"].flatMap { reader.id($0, "the outcome id") }
        if let id, let idNode = f["id"] { declare(.outcome, id, at: idNode) }
        func place(_ field: String) -> Translations.Place? { id.map { Translations.Place(.outcome, $0, field) } }
        let title = f["title"].flatMap { translatable($0, "the outcome title", place("title")) }
        let titleShort = f["title-short"].flatMap { translatable($0, "the outcome title's short name", place("title-short")) }
        if let id, let node = f["title-short"] { titleShortNodes.append((id, node)) }
        let unit = f["unit"].flatMap { translatable($0, "the outcome unit", place("unit")) }.map { $0 == "money" ? Outcome.Unit.money : .other($0) }
        if unit == .money, let place = place("unit") { translations.texts[place] = nil }
        let description = f["description"].flatMap { translatable($0, "the outcome description", place("description")) }
        let direction = f["direction"].flatMap { reader.choice($0, "direction", as: Outcome.Direction.self) }
        let baseline = f["baseline"].flatMap { translatable($0, "the outcome baseline", place("baseline")) }
        let baselineShort = f["baseline-short"].flatMap { translatable($0, "the outcome baseline's short name", place("baseline-short")) }
        let anyHarm = f["any-harm"].flatMap { translatable($0, "the outcome's `any-harm`", place("any-harm")) }
        guard let id, let title, let unit else { return nil }
        var outcome = Outcome(id: id, title: title, unit: unit, description: description, direction: direction, location: reader.location(node))
        outcome.baseline = baseline
        outcome.baselineShort = baselineShort
        outcome.titleShort = titleShort
        outcome.anyHarm = anyHarm
        return outcome
    }

    mutating func decodeContributor(_ node: YAMLNode) -> Contributor? {
        guard let f = reader.fields(node, of: "a contributor", RegisterFields.contributor) else { return nil }
        let id = f["id"].flatMap { reader.id($0, "the contributor id") }
        if let id, let idNode = f["id"] { declare(.contributor, id, at: idNode) }
        func place(_ field: String) -> Translations.Place? { id.map { Translations.Place(.contributor, $0, field) } }
        let name = f["name"].flatMap { translatable($0, "the contributor name", place("name")) }
        let kind = f["kind"].flatMap { reader.choice($0, "contributor kind", as: Contributor.Kind.self) }
        let isPublic = f["public"].map { reader.boolean($0, "`public`") } ?? false
        let description = f["description"].flatMap { translatable($0, "the contributor description", place("description")) }
        let unnamedAs = f["unnamed-as"].flatMap { translatable($0, "the contributor's `unnamed-as`", place("unnamed-as")) }
        let availability = f["availability"].map { reader.probability($0, "`availability`") }
        var stepsBack: [Contributor.StepBack] = []
        if let list = f["steps-back-when"], let items = reader.list(list, of: "`steps-back-when`", nonEmpty: true) {
            stepsBack = items.compactMap { decodeStepBack($0) }
        }
        guard let id, let name, let kind, let isPublic else { return nil }
        if case .some(.none) = availability { return nil }
        if !isPublic, let node = f["unnamed-as"], let named = Register.nameGiven(in: translations.everyText(unnamedAs, at: place("unnamed-as")), names: translations.everyText(name, at: place("name"))) {
            reader.report(.warning(
                .unnamedAsNames, "contributor `\(id)`'s `unnamed-as` contains its name “\(named)”, which it asked to keep off the community report",
                at: reader.location(node), hint: "describe the contributor without its name, such as “a residents' group”, or set `public: true` if it agreed to be named"))
        }
        if contributorKinds[id] == nil { contributorKinds[id] = kind }
        if availability != nil || !stepsBack.isEmpty { sharedDeliverers.insert(id) }
        return Contributor(id: id, name: name, kind: kind, isPublic: isPublic, description: description, unnamedAs: unnamedAs,
                           availability: availability ?? nil, stepsBack: stepsBack, location: reader.location(node))
    }

    mutating func decodeStepBack(_ node: YAMLNode) -> Contributor.StepBack? {
        guard let f = reader.fields(node, of: "a step-back", RegisterFields.stepBack) else { return nil }
        let risk = f["risk"].flatMap { refer(.risk, $0, "the entry a contributor steps back on") }
        let chance = f["chance"].map { reader.probability($0, "the step-back `chance`") } ?? 1
        guard let risk, let chance else { return nil }
        return Contributor.StepBack(risk: risk, chance: chance, location: reader.location(node))
    }

    mutating func decodePerspective(_ node: YAMLNode) -> Perspective? {
        guard let f = reader.fields(node, of: "a perspective", RegisterFields.perspective) else { return nil }
        let id = f["id"].flatMap { reader.id($0, "the perspective id") }
        if let id, let idNode = f["id"] { declare(.perspective, id, at: idNode) }
        func place(_ field: String) -> Translations.Place? { id.map { Translations.Place(.perspective, $0, field) } }
        let title = f["title"].flatMap { translatable($0, "the perspective title", place("title")) }
        let contributors = referList(.contributor, f["contributors"], "the perspective's `contributors`", nonEmpty: false)
        let weight = f["weight"].map { reader.nonNegativeAmount($0, "the perspective weight") } ?? 1
        let weightReason = f["weight-reason"].flatMap { translatable($0, "the perspective's `weight-reason`", place("weight-reason")) }
        let weightSetBy = f["weight-set-by"].flatMap { translatable($0, "the perspective's `weight-set-by`", place("weight-set-by")) }
        guard let id, let title, let weight else { return nil }
        var perspective = Perspective(id: id, title: title, contributors: contributors, weight: weight, weightReason: weightReason,
                                      location: reader.location(node))
        perspective.weightSetBy = weightSetBy
        return perspective
    }

    package mutating func decodeAppetite(_ node: YAMLNode) -> AppetiteStatement? {
        guard let f = reader.fields(node, of: "an appetite statement", RegisterFields.appetite) else { return nil }
        let outcome = f["outcome"].flatMap { refer(.outcome, $0, "the appetite's outcome") }
        let index = Translations.Place.appetiteID(reader.location(node))
        let statement = f["statement"].flatMap { translatable($0, "the appetite statement", Translations.Place(.appetite, index, "statement")) }
        let ifMissed = f["if-missed"].flatMap { translatable($0, "the appetite's `if-missed`", Translations.Place(.appetite, index, "if-missed")) }
        let net = f["loss-exceeds"], harm = f["harm-exceeds"], atMost = f["at-most"]
        let gain = (f["net-benefit-above"], f["at-least"])
        let usesLoss = net != nil || harm != nil || atMost != nil
        let usesGain = gain.0 != nil || gain.1 != nil
        let shapeHint = "write `loss-exceeds: 250k` (net of benefits) or `harm-exceeds: 250k` (harm alone) with `at-most: 1 in 10`, or `net-benefit-above: 0` with `at-least: 60%`"
        var limit: AppetiteStatement.Limit?
        if usesLoss && usesGain {
            reader.error(.appetiteShape, "an appetite statement limits either losses or net benefit, not both", at: node, hint: shapeHint)
        } else if net != nil && harm != nil {
            reader.error(.appetiteShape, "an appetite statement limits either the net loss (`loss-exceeds`) or the harm alone (`harm-exceeds`), not both",
                         at: f.keys["harm-exceeds"] ?? node, hint: "write two statements, one on each")
        } else if usesLoss {
            let name = harm != nil ? "harm-exceeds" : "loss-exceeds"
            if let t = net ?? harm, let p = atMost {
                if let threshold = reader.amount(t, "`\(name)`"), let atMost = reader.probability(p, "`at-most`") {
                    limit = harm != nil ? .harmExceeds(threshold: threshold, atMost: atMost) : .lossExceeds(threshold: threshold, atMost: atMost)
                }
            } else {
                reader.error(.appetiteShape, "`\(name)` and `at-most` go together: \(atMost == nil ? "`at-most`" : "`\(name)`") is missing", at: node, hint: shapeHint)
            }
        } else if usesGain {
            if let t = gain.0, let p = gain.1 {
                if let threshold = reader.amount(t, "`net-benefit-above`"), let atLeast = reader.probability(p, "`at-least`") {
                    limit = .netBenefitAbove(threshold: threshold, atLeast: atLeast)
                }
            } else {
                reader.error(.appetiteShape, "`net-benefit-above` and `at-least` go together: \(gain.0 == nil ? "`net-benefit-above`" : "`at-least`") is missing", at: node, hint: shapeHint)
            }
        } else {
            reader.error(.appetiteShape, "the appetite statement sets no limit", at: node, hint: shapeHint)
        }
        guard let outcome, let limit else { return nil }
        return AppetiteStatement(outcome: outcome, statement: statement, ifMissed: ifMissed, limit: limit, location: reader.location(node))
    }

    mutating func decodeRisk(_ node: YAMLNode) -> Risk? {
        guard let f = reader.fields(node, of: "a risk", RegisterFields.risk) else { return nil }
        let id = f["id"].flatMap { reader.id($0, "the risk id") }
        if let id, let idNode = f["id"] { declare(.risk, id, at: idNode) }
        currentRisk = id ?? ""
        func place(_ field: String) -> Translations.Place? { id.map { Translations.Place(.risk, $0, field) } }
        let title = f["title"].flatMap { translatable($0, "the risk title", place("title")) }
        let description = f["description"].flatMap { translatable($0, "the risk description", place("description")) }
        let outcome = f["outcome"].flatMap { refer(.outcome, $0, "the risk's outcome") }
        let strategy = f["strategy"].flatMap { reader.strategy($0) }
        let owner = f["owner"].flatMap { translatable($0, "the risk owner", place("owner")) }
        let borneBy = f["borne-by"].flatMap { translatable($0, "`borne-by`", place("borne-by")) }
        let benefitTo = f["benefit-to"].flatMap { translatable($0, "`benefit-to`", place("benefit-to")) }
        let agreement = f["agreement"].flatMap { decodeAgreement($0) }
        if strategy == .enablement, let id {
            if f["borne-by"] == nil {
                reader.warning(.borneByMissing, "enablement entry `\(id)` does not say who bears the harm", at: f.keys["strategy"] ?? node,
                               hint: "add `borne-by:` naming, by role, who carries the downside of this risk taken on purpose")
            }
            if f["agreement"] == nil {
                reader.warning(.agreementMissing, "enablement entry `\(id)` records no agreement", at: f.keys["strategy"] ?? node,
                               hint: "add `agreement:` with `agreed-with` (a role, never a name) and `date`, and ideally `review-trigger`")
            }
        }
        let coproduction = f["coproduction"].flatMap { decodeCoproduction($0) }
        if let coproduction, let node = f["coproduction"], [.coDesign, .coDelivery].contains(coproduction.mode),
           !coproduction.contributors.isEmpty, coproduction.contributors.allSatisfy({ contributorKinds[$0] == .staff }) {
            reader.warning(.coproductionStaffOnly,
                           "a \(coproduction.mode.rawValue) entry involves staff only (\(coproduction.contributors.map { "`\($0)`" }.joined(separator: ", "))): no citizen co-produces it",
                           at: node, hint: "name the service users or community group who design or deliver it with staff, or use `mode: co-assessment` if they only assess it")
        }
        var estimates: [Estimate] = []
        var seenPerspectives: [String: YAMLNode] = [:]
        var firstEffects: [String]?
        if let list = f["estimates"], let items = reader.list(list, of: "the risk's `estimates`") {
            for item in items {
                guard let estimate = decodeEstimate(item, strategy: strategy, unit: outcome.flatMap { outcomeUnits[$0] }, entryOutcome: outcome) else { continue }
                let effectOutcomes = estimate.effects.map(\.outcome)
                if let firstEffects, firstEffects != effectOutcomes {
                    func list(_ ids: [String]) -> String { ids.isEmpty ? "no further outcome" : ids.map { "`\($0)`" }.joined(separator: ", ") }
                    reader.error(.effectsMismatch,
                                 "this estimate gives effects on \(list(effectOutcomes)), but the entry's first estimate on \(list(firstEffects))",
                                 at: item, hint: "every perspective estimates the same effects, in the same order: one occurrence model, several outcomes")
                    continue
                } else if firstEffects == nil {
                    firstEffects = effectOutcomes
                }
                if let first = seenPerspectives[estimate.perspective] {
                    reader.error(.duplicatePerspective,
                                 "the risk has two estimates from perspective `\(estimate.perspective)` (the first at line \(first.mark.line))",
                                 at: item, hint: "keep one estimate per perspective, or name the other perspective")
                    continue
                }
                seenPerspectives[estimate.perspective] = item
                estimates.append(estimate)
            }
        }
        let response = f["response"].flatMap { decodeResponse($0) }
        let alternatives = f["alternative-responses"].map { decodeAlternativeResponses($0, main: response, mainNode: f["response"]) } ?? []
        let review = f["review"].flatMap { reader.date($0, "the review date") }
        if let review, let reviewNode = f["review"], review < asOf {
            reader.warning(.staleReview, "this entry's review was due on \(review), before \(asOf)", at: reviewNode,
                           hint: "review the estimates with their co-producers and move `review` forward")
        }
        let confidential = f["confidential"].map { reader.boolean($0, "`confidential`") } ?? false
        let ratings = f["ratings"].flatMap { decodeStatedRatings($0, unit: outcome.flatMap { outcomeUnits[$0] }) }
        let needsReview = f["needs-review"].map { decodeNeedsReview($0, key: f.keys["needs-review"]) } ?? []
        let tags = f["tags"].map { decodeTags($0) } ?? []
        guard let id, let title, let outcome, let strategy, let owner, let coproduction,
              !estimates.isEmpty, let confidential
        else { return nil }
        if !alternatives.isEmpty { responseNames[id] = Set(([response?.id] + alternatives.map(\.id)).compactMap { $0 }) }
        var risk = Risk(
            id: id, title: title, description: description, outcome: outcome, strategy: strategy, owner: owner,
            borneBy: borneBy, coproduction: coproduction, estimates: estimates, response: response, review: review,
            isConfidential: confidential, ratings: ratings, needsReview: needsReview, benefitTo: benefitTo, agreement: agreement,
            tags: tags, location: reader.location(node))
        risk.alternativeResponses = alternatives
        risk.atRisk = f["at-risk"].flatMap { translatable($0, "`at-risk`", place("at-risk")) }
        if alternatives.isEmpty, let name = response?.id { responseNames[id] = [name] }
        return risk
    }

    /// An entry's `alternative-responses`: each a response with an `id`, unique among the
    /// entry's responses (its `response` included).
    mutating func decodeAlternativeResponses(_ node: YAMLNode, main: Response?, mainNode: YAMLNode?) -> [Response] {
        guard let items = reader.list(node, of: "`alternative-responses`") else { return [] }
        var seen: [String: Int] = [:]
        if let name = main?.id, let mainNode { seen[name] = mainNode.mark.line }
        var out: [Response] = []
        for item in items {
            guard let response = decodeResponse(item, fields: RegisterFields.alternativeResponse, what: "an alternative response"),
                  let name = response.id else { continue }
            if let line = seen[name] {
                reader.error(.duplicateID, "response id `\(name)` is already used at line \(line)", at: item,
                             hint: "give each of the entry's responses its own id")
                continue
            }
            seen[name] = item.mark.line
            out.append(response)
        }
        return out
    }

    /// An entry's `tags`: ids, each once (a repeated tag is dropped: it selects nothing more).
    mutating func decodeTags(_ node: YAMLNode) -> [String] {
        guard let items = reader.list(node, of: "`tags`", nonEmpty: false) else { return [] }
        var tags: [String] = []
        for item in items {
            guard let tag = reader.id(item, "the tag") else { continue }
            if !tags.contains(tag) { tags.append(tag) }
        }
        return tags
    }

    mutating func decodeAgreement(_ node: YAMLNode) -> Agreement? {
        guard let f = reader.fields(node, of: "`agreement`", RegisterFields.agreement) else { return nil }
        let agreedWith = f["agreed-with"].flatMap { reader.text($0, "`agreed-with`") }
        let date = f["date"].flatMap { reader.date($0, "the agreement date") }
        let decidedBy = f["decided-by"].flatMap { reader.text($0, "`decided-by`") }
        let whatMatters = f["what-matters"].flatMap { reader.text($0, "`what-matters`") }
        let reviewTrigger = f["review-trigger"].flatMap { reader.text($0, "`review-trigger`") }
        guard let agreedWith, let date else { return nil }
        return Agreement(agreedWith: agreedWith, date: date, decidedBy: decidedBy, whatMatters: whatMatters,
                         reviewTrigger: reviewTrigger, location: reader.location(node))
    }

    /// An estimate's `effects`: further outcomes of the same occurrences.
    mutating func decodeEffects(_ node: YAMLNode, strategy: Strategy?, entryOutcome: String?) -> [Effect] {
        guard let items = reader.list(node, of: "the estimate's `effects`") else { return [] }
        var effects: [Effect] = []
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard let f = reader.fields(item, of: "an effect", RegisterFields.effect) else { continue }
            let outcome = f["outcome"].flatMap { refer(.outcome, $0, "the effect's outcome") }
            if let outcome, let outcomeNode = f["outcome"] {
                if outcome == entryOutcome {
                    reader.error(.effectsMismatch, "the effect is on `\(outcome)`, the entry's own outcome", at: outcomeNode,
                                 hint: "the estimate's `impact` and `benefit` are on the entry's own outcome; `effects` name further outcomes")
                    continue
                }
                if let first = seen[outcome] {
                    reader.error(.effectsMismatch, "the estimate gives two effects on `\(outcome)` (the first at line \(first.mark.line))",
                                 at: outcomeNode, hint: "give one effect per outcome, with its impact and benefit together")
                    continue
                }
                seen[outcome] = outcomeNode
            }
            var impact: Distribution? = nil
            if let i = f["impact"] { impact = reader.distribution(i, "impact", scale: .amount) }
            var benefit: Distribution?
            if let b = f["benefit"] {
                if let strategy, !strategy.hasBenefit {
                    reader.error(.benefitNotAllowed, "a \(strategy.rawValue) entry has no benefit", at: f.keys["benefit"] ?? b,
                                 hint: "only `enablement` and `portfolio` entries carry a benefit; change the strategy or remove `benefit`")
                } else {
                    benefit = reader.distribution(b, "benefit", scale: .amount)
                }
            }
            if f["impact"] == nil && f["benefit"] == nil {
                reader.error(.effectsMismatch, "the effect gives neither `impact` nor `benefit`", at: item,
                             hint: "add `impact:` (harm each time it happens) or `benefit:` (gain over the horizon) in this outcome's unit")
                continue
            }
            guard let outcome, f["impact"] == nil || impact != nil, let zero = try? Distribution.fixed(0) else { continue }
            effects.append(Effect(outcome: outcome, impact: impact ?? zero, benefit: benefit, location: reader.location(item)))
        }
        return effects
    }

    mutating func decodeCoproduction(_ node: YAMLNode) -> Coproduction? {
        guard let f = reader.fields(node, of: "`coproduction`", RegisterFields.coproduction) else { return nil }
        let mode = f["mode"].flatMap { reader.choice($0, "co-production mode", as: Coproduction.Mode.self) }
        let contributors = referList(.contributor, f["contributors"], "the co-production `contributors`", nonEmpty: true)
        let note = f["note"].flatMap { reader.text($0, "the co-production note") }
        guard let mode, f["contributors"] != nil else { return nil }
        return Coproduction(mode: mode, contributors: contributors, note: note)
    }

    mutating func decodeEstimate(_ node: YAMLNode, strategy: Strategy?, unit: Outcome.Unit?, entryOutcome: String? = nil) -> Estimate? {
        guard let f = reader.fields(node, of: "an estimate", RegisterFields.estimate) else { return nil }
        var perspective: String?
        if let p = f["perspective"] {
            perspective = refer(.perspective, p, "the estimate's perspective")
        } else if perspectivesDeclared {
            reader.error(.missingField, "an estimate is missing the required field `perspective`", at: node,
                         hint: "the register declares `perspectives`, so each estimate names the one it comes from")
        } else {
            perspective = "officers"
        }
        var occurrence: Estimate.Occurrence?
        var likelihoodLevel: Int?
        var impactLevel: Int?
        var occurrenceFromLevel = false
        if let l = f["likelihood"], f["frequency"] == nil,
           let name = levelName(l, isNumber: { ScalarSyntax.probability($0) != nil }) {
            occurrenceFromLevel = true
            if let level = level(name.name, at: name.node, in: scales?.likelihood, "likelihood", scaleName: "the likelihood scale") {
                likelihoodLevel = level.level
                occurrence = (try? level.likelihoodDistribution()).map { .likelihood($0) }
            }
        }
        switch (f["likelihood"], f["frequency"]) {
        case (let l?, let q?):
            reader.error(.likelihoodOrFrequency, "an estimate gives both `likelihood` and `frequency`", at: f.keys["frequency"] ?? q,
                         hint: "use `likelihood` for the chance it happens at all in the horizon, or `frequency` for how many times; not both")
            _ = l
        case (let l?, nil):
            if !occurrenceFromLevel {
                occurrence = reader.distribution(l, "likelihood", scale: .probability).map { .likelihood($0) }
            }
        case (nil, let q?):
            occurrence = reader.distribution(q, "frequency", scale: .rate).map { .frequency($0) }
        case (nil, nil):
            reader.error(.missingField, "an estimate needs a `likelihood` or a `frequency`", at: node,
                         hint: "add `likelihood: 20%` (the chance it happens in the horizon) or `frequency: 3` (events per horizon)")
        }
        var impact: Distribution?
        if let i = f["impact"] {
            if let name = levelName(i, isNumber: { ScalarSyntax.amount($0) != nil }) {
                if !scalesDeclared {
                    _ = level(name.name, at: name.node, in: nil, "impact", scaleName: "the impact scale")
                } else {
                    let found = impactLevels(for: unit, at: name.node, name: name.name)
                    if let levels = found.levels, let scale = found.scale,
                       let level = level(name.name, at: name.node, in: levels, "impact", scaleName: "the impact scale for `\(Self.unitName(scale.unit))`") {
                        impactLevel = level.level
                        impact = try? scale.distribution(level: level.level)
                    }
                }
            } else {
                impact = reader.distribution(i, "impact", scale: .amount)
            }
        }
        var benefit: Distribution?
        if let b = f["benefit"] {
            if let strategy, !strategy.hasBenefit {
                reader.error(.benefitNotAllowed, "a \(strategy.rawValue) entry has no benefit", at: f.keys["benefit"] ?? b,
                             hint: "only `enablement` and `portfolio` entries carry a benefit; change the strategy or remove `benefit`")
            } else {
                benefit = reader.distribution(b, "benefit", scale: .amount)
            }
        } else if let strategy, strategy.hasBenefit {
            reader.warning(.missingBenefit, "this \(strategy.rawValue) estimate states no benefit", at: node,
                           hint: "an \(strategy.rawValue) entry is taken for its upside: add `benefit`, so scoring can weigh it against the harm")
        }
        let asOfDate = f["as-of"].flatMap { reader.date($0, "`as-of`") }
        let rationale = f["rationale"].flatMap { reader.text($0, "the rationale") }
        let effects = f["effects"].map { decodeEffects($0, strategy: strategy, entryOutcome: entryOutcome) } ?? []
        guard let perspective, let occurrence, let impact else { return nil }
        return Estimate(perspective: perspective, occurrence: occurrence, impact: impact, benefit: benefit,
                        asOf: asOfDate, rationale: rationale, likelihoodLevel: likelihoodLevel, impactLevel: impactLevel,
                        effects: effects, location: reader.location(node))
    }

    mutating func decodeResponse(_ node: YAMLNode, fields: FieldSet = RegisterFields.response, what: String = "`response`") -> Response? {
        guard let f = reader.fields(node, of: what, fields) else { return nil }
        let name = f["id"].flatMap { reader.id($0, "the response id") }
        let owner = fields.required.contains("id") ? currentRisk + "/" + (name ?? "") : currentRisk
        let action = f["action"].flatMap { translatable($0, "the response action", currentRisk.isEmpty ? nil : Translations.Place(.response, owner, "action")) }
        let cost = f["cost"].flatMap { reader.nonNegativeAmount($0, "the response cost") }
        let deliveredBy = referList(.contributor, f["delivered-by"], "`delivered-by`", nonEmpty: false)
        let reliability = f["reliability"].map { reader.probability($0, "`reliability`") } ?? 1
        let likelihood = f["reduces-likelihood-by"].map { reader.probability($0, "`reduces-likelihood-by`") } ?? 0
        let impact = f["reduces-impact-by"].map { reader.probability($0, "`reduces-impact-by`") } ?? 0
        if f["reduces-likelihood-by"] == nil && f["reduces-impact-by"] == nil {
            reader.warning(.responseNoEffect, "the response states no effect", at: node,
                           hint: "add `reduces-likelihood-by` and/or `reduces-impact-by`, so scoring can value it")
        }
        let citizens = deliveredBy.filter { [.community, .user].contains(contributorKinds[$0]) && !sharedDeliverers.contains($0) }
        if f["reliability"] == nil, !citizens.isEmpty, let by = f["delivered-by"] {
            reader.warning(.reliabilityUnstated,
                           "the response is delivered by volunteers or service users (\(citizens.map { "`\($0)`" }.joined(separator: ", "))) but states no `reliability`: it is taken as always delivered",
                           at: by, hint: "add `reliability: 80%` (the chance it is delivered in a horizon), or give the contributor an `availability`")
        }
        var citizenInput: [Response.CitizenInput] = []
        var inputValid = true
        if let list = f["citizen-input"], let items = reader.list(list, of: "`citizen-input`", nonEmpty: true) {
            for item in items {
                guard let g = reader.fields(item, of: "a citizen input", RegisterFields.citizenInput) else { inputValid = false; continue }
                let by = g["by"].flatMap { refer(.contributor, $0, "who gives the time") }
                let hours = g["hours"].flatMap { reader.nonNegativeAmount($0, "the citizen `hours`") }
                guard let by, let hours else { inputValid = false; continue }
                citizenInput.append(Response.CitizenInput(by: by, hours: hours))
            }
        }
        guard let action, let cost, let reliability, let likelihood, let impact, inputValid else { return nil }
        var response = Response(action: action, cost: cost, deliveredBy: deliveredBy, reliability: reliability,
                                likelihoodReduction: likelihood, impactReduction: impact, location: reader.location(node))
        response.citizenInput = citizenInput
        response.id = name
        if f["id"] != nil && name == nil { return nil }
        return response
    }

    mutating func decodeCorrelation(_ node: YAMLNode) -> Correlation? {
        guard let f = reader.fields(node, of: "a correlation", RegisterFields.correlation) else { return nil }
        var pair: [String] = []
        if let between = f["between"], let items = reader.list(between, of: "`between`") {
            if items.count != 2 {
                reader.error(.wrongType, "`between` names exactly two risks, found \(items.count)", at: between,
                             hint: "write `between: [CS-01, CS-02]`; for three risks write three pairs")
            } else {
                pair = items.compactMap { refer(.risk, $0, "a correlated risk") }
                if pair.count == 2, pair[0] == pair[1] {
                    reader.error(.correlationSelf, "a risk cannot be correlated with itself (`\(pair[0])`)", at: between,
                                 hint: "name two different risks")
                    pair = []
                }
            }
        }
        var rank: Double?
        if let r = f["rank"], let text = reader.text(r, "the rank correlation"), ScalarSyntax.amount(text) == nil || text.lowercased().hasSuffix("k") || text.lowercased().hasSuffix("m") {
            reader.error(.invalidNumber, "the rank correlation `\(text.abbreviated)` is not a number", at: r,
                         hint: "write a rank correlation as a number between -1 and 1, such as `0.5`")
        } else if let r = f["rank"], let value = reader.amount(r, "the rank correlation") {
            if (-1...1).contains(value) {
                rank = value
            } else {
                reader.error(.correlationRange, "rank correlation \(NodeReader.format(value)) is outside -1 to 1", at: r,
                             hint: "a rank correlation lies between -1 and 1; 0.3 is modest, 0.7 strong")
            }
        }
        let reason = f["reason"].flatMap { reader.text($0, "the correlation's reason") }
        guard pair.count == 2, let rank else { return nil }
        correlationNodes.append(f["between"] ?? node)
        return Correlation(first: pair[0], second: pair[1], rank: rank, reason: reason, location: reader.location(node))
    }

    mutating func decodePortfolio(_ node: YAMLNode) -> Portfolio? {
        guard let f = reader.fields(node, of: "a portfolio", RegisterFields.portfolio) else { return nil }
        let id = f["id"].flatMap { reader.id($0, "the portfolio id") }
        if let id, let idNode = f["id"] { declare(.portfolio, id, at: idNode) }
        func place(_ field: String) -> Translations.Place? { id.map { Translations.Place(.portfolio, $0, field) } }
        let title = f["title"].flatMap { translatable($0, "the portfolio title", place("title")) }
        let description = f["description"].flatMap { translatable($0, "the portfolio description", place("description")) }
        let risks = referList(.risk, f["risks"], "the portfolio's `risks`", nonEmpty: true)
        var riskNodes: [String: YAMLNode] = [:]
        for id in risks { riskNodes[id] = references.last { $0.kind == .risk && $0.id == id }?.node }
        let split = f["split"].map { decodeSplit($0, option: id, whole: riskNodes) } ?? []
        let responses = f["responses"].map { decodeOptionResponses($0) } ?? []
        let cost = f["cost"].map { reader.nonNegativeAmount($0, "the option's `cost`") }
        let costOutcome = f["cost-outcome"].flatMap { refer(.outcome, $0, "the option's `cost-outcome`") }
        let isCurrent = f["current"].map { reader.boolean($0, "the option's `current`") } ?? false
        let isProposed = f["proposed"].map { reader.boolean($0, "the option's `proposed`") } ?? false
        if f["risks"] == nil && f["split"] == nil && f["responses"] == nil {
            reader.error(.missingField, "an option is missing `risks`, `split` or `responses`: it holds nothing of its own", at: node,
                         hint: "list the entries it holds in `risks`, shares of entries in `split`, or the responses it chooses in `responses`")
        }
        guard let id, let title, f["risks"] != nil || f["split"] != nil || f["responses"] != nil else { return nil }
        if case .some(.none) = cost { return nil }
        optionNodes[id] = (f["responses"], f["cost"], f["cost-outcome"])
        var portfolio = Portfolio(id: id, title: title, description: description, risks: risks, location: reader.location(node))
        portfolio.split = split
        portfolio.responses = responses
        portfolio.cost = cost ?? nil
        portfolio.costOutcome = costOutcome
        portfolio.isCurrent = isCurrent ?? false
        portfolio.isProposed = isProposed ?? false
        if let node = f["current"], isCurrent == true { statusNodes.current.append((id, node)) }
        if let node = f["proposed"], isProposed == true { statusNodes.proposed.append((id, node)) }
        return portfolio
    }

    /// An option's `split`: entries with shares above 0 that add up to 1, none also listed whole.
    mutating func decodeSplit(_ node: YAMLNode, option: String?, whole: [String: YAMLNode]) -> [Portfolio.Share] {
        guard let items = reader.list(node, of: "the option's `split`") else { return [] }
        var shares: [Portfolio.Share] = []
        var seen: Set<String> = []
        var valid = true
        for item in items {
            guard let g = reader.fields(item, of: "a share", RegisterFields.optionShare) else { valid = false; continue }
            let risk = g["risk"].flatMap { refer(.risk, $0, "the entry of a share") }
            let share = g["share"].flatMap { reader.probability($0, "the `share`") }
            guard let risk, let share, let shareNode = g["share"], let riskNode = g["risk"] else { valid = false; continue }
            if share <= 0 {
                reader.error(.splitShares, "a share of 0 gives `\(risk)` no part in the option", at: shareNode,
                             hint: "give each entry of the split a share above 0, or leave the entry out")
                valid = false
                continue
            }
            if !seen.insert(risk).inserted {
                reader.warning(.duplicateReference, "`\(risk)` is listed twice in the split", at: riskNode, hint: "give each entry one share")
                valid = false
                continue
            }
            if whole[risk] != nil {
                reader.error(.portfolioMember, "option `\(option ?? "?")` lists `\(risk)` both in `risks` and in `split`", at: riskNode,
                             hint: "an entry is in an option either whole (`risks`) or as a share (`split`): remove one")
                valid = false
                continue
            }
            shares.append(Portfolio.Share(risk: risk, share: share, location: reader.location(item)))
        }
        let total = shares.reduce(0) { $0 + $1.share }
        if valid, !shares.isEmpty, abs(total - 1) > 1e-9 {
            reader.error(.splitShares, "the shares of option `\(option ?? "?")`'s split add up to \(NodeReader.format(total)), not 1", at: node,
                         hint: "the split entries are exclusive shares of the same people or places: make their shares add up to 1")
        }
        return shares
    }

    /// An option's `responses`: for each entry, the id of the response it uses.
    mutating func decodeOptionResponses(_ node: YAMLNode) -> [Portfolio.ResponseChoice] {
        guard let items = reader.list(node, of: "the option's `responses`") else { return [] }
        var out: [Portfolio.ResponseChoice] = []
        for item in items {
            guard let g = reader.fields(item, of: "a response choice", RegisterFields.optionResponse) else { continue }
            let risk = g["risk"].flatMap { refer(.risk, $0, "the entry of a response choice") }
            let response = g["response"].flatMap { reader.id($0, "the response id") }
            guard let risk, let response, let riskNode = g["risk"], let responseNode = g["response"] else { continue }
            if out.contains(where: { $0.risk == risk }) {
                reader.warning(.duplicateReference, "the option chooses a response for `\(risk)` twice", at: riskNode,
                               hint: "choose one response per entry")
                continue
            }
            responseChoiceNodes.append((risk, response, responseNode, riskNode))
            out.append(Portfolio.ResponseChoice(risk: risk, response: response, location: reader.location(item)))
        }
        return out
    }
}
