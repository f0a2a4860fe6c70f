import Distributions
import RegisterModel
import YAMLNodes

/// Rules that span several entries, checked once the whole register has been read.
extension RegisterDecoder {
    mutating func crossCheck(_ register: Register, registerNode: YAMLNode?) {
        checkCurrency(register, registerNode: registerNode)
        checkPortfolios(register)
        checkCorrelations(register)
        checkSizes(register)
        checkCitizenEstimates(register)
        checkConfidentialNames(register)
        checkTranslations(register)
        checkShortNames(register)
    }

    /// The community report writes an outcome's title in full once, and its short name after
    /// that: two outcomes with one short name would read as one outcome. Checked in each
    /// language the register is written in, with the text a report in that language shows
    /// (the model's own for its language, else that language's, ignoring case), and reported
    /// once per pair of outcomes, at the later outcome's short name.
    private mutating func checkShortNames(_ register: Register) {
        guard titleShortNodes.count > 1 else { return }
        let own = register.textLanguage
        var languages = [Translations.primary(own)]
        for language in register.translations.languages.map(Translations.primary) where !languages.contains(language) {
            languages.append(language)
        }
        let outcomes = Dictionary(register.outcomes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var reported: Set<[String]> = []
        for language in languages {
            var first: [String: (outcome: String, line: Int)] = [:]
            for (id, node) in titleShortNodes {
                guard let text = outcomes[id]?.titleShort else { continue }
                let given = register.translations.texts[Translations.Place(.outcome, id, "title-short")]
                let read = given.map { $0.variant(for: own)?.language ?? $0.variants[0].language } ?? own
                var shown = (language: read, text: text)
                if !Translations.sameLanguage(read, language), let wanted = given?.variant(for: language) { shown = wanted }
                // A mapping's text is placed at its own value, so that a clash in one language
                // points at that language's line.
                let valueNode = node.mapping?.first { $0.key.scalar?.value == shown.language }?.value ?? node
                let key = shown.text.lowercased()
                guard let earlier = first[key] else {
                    first[key] = (id, reader.location(valueNode).line)
                    continue
                }
                guard earlier.outcome != id, reported.insert([earlier.outcome, id]).inserted else { continue }
                let which = languages.count > 1 ? "`\(shown.language)` " : ""
                reader.report(.warning(
                    .titleShortRepeated,
                    "outcome `\(id)`'s \(which)`title-short` “\(shown.text.abbreviated)” is also outcome `\(earlier.outcome)`'s (line \(earlier.line)), so the community report would call both by one name",
                    at: reader.location(valueNode),
                    hint: "give each outcome a short name of its own, or leave `title-short` out of one so the report writes its title in full"))
            }
        }
    }

    /// Public text that names a confidential entry would tell residents what the community
    /// report leaves out; the report withholds such text, and `validate` says so.
    private mutating func checkConfidentialNames(_ register: Register) {
        for text in register.publicTexts {
            guard let risk = register.confidentialEntryNamed(in: text.text) else { continue }
            reader.report(.warning(
                .confidentialNamed, "\(text.place) names confidential entry `\(risk.id)`, so the community report withholds it",
                at: text.location, hint: "reword it without naming `\(risk.id)`, or make `\(risk.id)` public"))
        }
    }

    /// Entries of the strategies the register lists in `citizen-estimates-for` need an estimate
    /// from a citizen perspective: one whose contributors include service users or a community group.
    private mutating func checkCitizenEstimates(_ register: Register) {
        let required = register.metadata.citizenEstimatesFor
        guard !required.isEmpty else { return }
        let citizens = register.citizenPerspectives
        let listed = required.map { "`\($0.rawValue)`" }.joined(separator: ", ")
        for risk in register.risks where required.contains(risk.strategy) && !risk.estimates.contains(where: { citizens.contains($0.perspective) }) {
            reader.report(.error(
                .citizenEstimateRequired,
                "`\(risk.id)` is \(risk.strategy == .enablement ? "an" : "a") \(risk.strategy.rawValue) entry with no estimate from a citizen perspective, which the register requires for \(risk.strategy.rawValue) entries",
                at: risk.location,
                hint: citizens.isEmpty
                    ? "declare a perspective whose `contributors` include service users or a community group, and add its estimate; or remove the strategy from `citizen-estimates-for` (now \(listed))"
                    : "add an estimate from \(citizens.sorted().map { "`\($0)`" }.joined(separator: " or "))"))
        }
    }

    /// Money outcomes and response costs need to know their currency.
    private mutating func checkCurrency(_ register: Register, registerNode: YAMLNode?) {
        guard register.metadata.currency == nil, let registerNode, registerNode.mapping?.contains(where: { $0.key.scalar?.value == "currency" }) == false,
              let money = register.outcomes.first(where: { $0.unit == .money })
        else { return }
        reader.error(.missingField, "`register` is missing `currency`, which money outcome `\(money.id)` needs", at: registerNode,
                     hint: "add `currency: EUR` (or the ISO 4217 code of your currency)")
    }

    private mutating func checkPortfolios(_ register: Register) {
        guard !register.portfolios.isEmpty else { return }
        checkOptionResponses(register)
        checkOptionCosts(register)
        checkOptionStatus()
        let listed = Set(register.portfolios.flatMap(\.members))
        for risk in register.risks where risk.strategy == .portfolio && !listed.contains(risk.id) {
            reader.report(.warning(
                .portfolioUnassigned, "portfolio entry `\(risk.id)` is in no portfolio, so no score includes it",
                at: risk.location, hint: "add `\(risk.id)` to the `risks` of the portfolio it belongs to"))
        }
    }

    /// Each pair once, and the correlations of each group of linked risks together a valid
    /// correlation matrix.
    ///
    /// Risks linked by correlations, directly or through others, form a group; within a group,
    /// pairs not listed count as 0 (independent), as the engine takes them. Each group's matrix
    /// is checked once, as a whole, so the order the pairs are listed in does not matter and a
    /// chain of n correlations costs one O(n³) factorisation, not n of them. A group that
    /// contradicts itself is reported at its last correlation.
    private mutating func checkCorrelations(_ register: Register) {
        var seen: [Set<String>: Int] = [:]
        var kept: [Int] = []
        for (n, correlation) in register.correlations.enumerated() {
            let node = correlationNodes[n]
            let pair: Set = [correlation.first, correlation.second]
            if let line = seen[pair] {
                reader.error(.duplicateCorrelation,
                             "the correlation between `\(correlation.first)` and `\(correlation.second)` is already given at line \(line)",
                             at: node, hint: "keep one of them")
                continue
            }
            seen[pair] = node.mark.line
            kept.append(n)
        }
        // Union–find over the risks, numbered in order of first mention.
        var index: [String: Int] = [:]
        var parent: [Int] = []
        func number(_ id: String) -> Int {
            if let i = index[id] { return i }
            index[id] = parent.count
            parent.append(parent.count)
            return parent.count - 1
        }
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }
            return x
        }
        for n in kept {
            let c = register.correlations[n]
            let (i, j) = (number(c.first), number(c.second))
            parent[root(i)] = root(j)
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for n in kept {
            let r = root(index[register.correlations[n].first]!)
            if groups[r] == nil { order.append(r) }
            groups[r, default: []].append(n)
        }
        for r in order {
            let members = groups[r]!
            var position: [String: Int] = [:]
            var names: [String] = []
            for n in members {
                for id in [register.correlations[n].first, register.correlations[n].second] where position[id] == nil {
                    position[id] = names.count
                    names.append(id)
                }
            }
            if names.count > NumericLimits.maximumCorrelationGroup {
                reader.error(.registerSize,
                             "\(names.count) risks are linked by correlations into one group, more than the limit of \(NumericLimits.maximumCorrelationGroup)",
                             at: correlationNodes[members.last!],
                             hint: "rank correlation is induced across a whole group at once; correlate each risk with a few that share its driver, not every risk with every other")
                continue
            }
            var matrix = Array(repeating: Array(repeating: 0.0, count: names.count), count: names.count)
            for i in names.indices { matrix[i][i] = 1 }
            for n in members {
                let c = register.correlations[n]
                let (i, j) = (position[c.first]!, position[c.second]!)
                (matrix[i][j], matrix[j][i]) = (c.rank, c.rank)
            }
            // The engine's own check, so a register that validates is one the engine accepts.
            guard CorrelationMatrix.problem(matrix) != nil else { continue }
            let listed = names.prefix(4).map { "`\($0)`" }
            let who = names.count <= 4
                ? listed.dropLast().joined(separator: ", ") + " and " + listed.last!
                : "\(names.count) risks (\(listed.joined(separator: ", ")), ...)"
            reader.error(.correlationMatrix,
                         "the correlations among \(who) contradict each other (their matrix is not positive semi-definite)",
                         at: correlationNodes[members.last!],
                         hint: "pairs that are not listed count as 0 (independent), and strong correlations must agree: if A–B and B–C are both strong, A–C cannot be 0 or negative; state A–C too, or weaken one")
        }
    }
}

extension RegisterDecoder {
    /// Each response an option chooses is one of the entry's, for an entry the option holds.
    mutating func checkOptionResponses(_ register: Register) {
        let optional = register.optionalEntries
        let known = Set(register.risks.map(\.id))
        var choices = responseChoiceNodes[...]
        for option in register.portfolios {
            for choice in option.responses {
                guard let i = choices.firstIndex(where: { $0.risk == choice.risk && $0.response == choice.response }) else { continue }
                let nodes = choices[i]
                choices.remove(at: i)
                guard known.contains(choice.risk) else { continue }
                let names = responseNames[choice.risk] ?? []
                if !names.contains(choice.response) {
                    let hint = names.isEmpty
                        ? "give the entry's `response` an `id`, or add `alternative-responses` with ids, to choose between them"
                        : Suggestion.didYouMean(choice.response, in: names.sorted()) ?? "its responses: \(Suggestion.list(names.sorted()))"
                    reader.error(.unknownReference, "entry `\(choice.risk)` has no response `\(choice.response)`", at: nodes.node, hint: hint)
                } else if optional.contains(choice.risk) && !option.members.contains(choice.risk) {
                    reader.error(.portfolioMember, "option `\(option.id)` chooses a response for `\(choice.risk)`, which it does not hold",
                                 at: nodes.riskNode, hint: "add `\(choice.risk)` to the option's `risks` or `split`, or remove the choice")
                }
            }
        }
    }

    /// An option's cost counts in a money outcome: the one named, or the only one there is.
    mutating func checkOptionCosts(_ register: Register) {
        let money = register.outcomes.filter { $0.unit == .money }.map(\.id)
        for option in register.portfolios where option.cost != nil {
            let nodes = optionNodes[option.id]
            if let outcome = option.costOutcome {
                guard let o = register.outcome(outcome), o.unit != .money, let node = nodes?.costOutcome else { continue }
                reader.error(.optionCost, "the cost of option `\(option.id)` counts in `\(o.id)`, which is not a money outcome", at: node,
                             hint: money.isEmpty ? "the register has no money outcome for a cost to count in: add one, or remove `cost`"
                                                 : "name a money outcome: \(Suggestion.list(money))")
            } else if let node = nodes?.cost {
                reader.error(.optionCost,
                             money.isEmpty ? "option `\(option.id)` has a cost, but the register has no money outcome for it to count in"
                                           : "option `\(option.id)` has a cost, and the register has \(money.count) money outcomes",
                             at: node,
                             hint: money.isEmpty ? "add a money outcome, or remove `cost`" : "add `cost-outcome:` naming one of \(Suggestion.list(money))")
            }
        }
    }

    /// At most one option is what is done now, and at most one is put to the board: a second
    /// mark is an error at that mark, naming the first.
    mutating func checkOptionStatus() {
        for (field, marks) in [("current", statusNodes.current), ("proposed", statusNodes.proposed)] where marks.count > 1 {
            for mark in marks.dropFirst() {
                reader.error(.optionStatus, "options `\(marks[0].id)` and `\(mark.id)` are both marked `\(field): true`", at: mark.node,
                             hint: field == "current"
                                 ? "only one option is what is done now: remove `current: true` from all but one"
                                 : "put one option to the board: remove `proposed: true` from all but one")
            }
        }
    }
}
