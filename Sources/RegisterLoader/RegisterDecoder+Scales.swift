import Distributions
import RegisterModel
import YAMLNodes

/// The `scales` section, estimates written on its levels, and the ratings a risk states.
extension RegisterDecoder {
    /// The two kinds of scale, which differ in how their bands are written and checked.
    enum ScaleKind {
        case likelihood
        case impact(unit: String)

        var isLikelihood: Bool {
            if case .likelihood = self { true } else { false }
        }

        /// Where a level's translatable name is kept.
        func place(level: Int) -> Translations.Place {
            switch self {
            case .likelihood: .init(.scale, Translations.Place.scaleLevelID(unit: nil, level: level), "name")
            case .impact(let unit): .init(.scale, Translations.Place.scaleLevelID(unit: unit, level: level), "name")
            }
        }

        var name: String {
            switch self {
            case .likelihood: "the likelihood scale"
            case .impact(let unit): "the impact scale for `\(unit)`"
            }
        }
    }

    private enum RatingMethod: String, CaseIterable {
        case product, matrix
    }

    package mutating func decodeScales(_ node: YAMLNode) -> Scales? {
        let before = errorCount
        guard let f = reader.fields(node, of: "`scales`", RegisterFields.scales) else { return nil }
        var likelihood: [ScaleLevel]?
        if let l = f["likelihood"], let lf = reader.fields(l, of: "the likelihood scale", RegisterFields.likelihoodScale) {
            _ = lf["description"].flatMap { reader.text($0, "the likelihood scale's description") }
            likelihood = lf["levels"].flatMap { decodeLevels($0, .likelihood) }
        }
        var impact: [ImpactScale] = []
        var units: [String: YAMLNode] = [:]
        if let list = f["impact"], let items = reader.list(list, of: "the impact scales") {
            for item in items {
                guard let sf = reader.fields(item, of: "an impact scale", RegisterFields.impactScale),
                      let unitNode = sf["unit"], let unit = reader.text(unitNode, "the impact scale's unit")
                else { continue }
                if let first = units[unit] {
                    reader.error(.duplicateID, "an impact scale for unit `\(unit.abbreviated)` is already declared at line \(first.mark.line)",
                                 at: unitNode, hint: "keep one impact scale per outcome unit")
                    continue
                }
                units[unit] = unitNode
                let description = sf["description"].flatMap { reader.text($0, "the impact scale's description") }
                guard let levels = sf["levels"].flatMap({ decodeLevels($0, .impact(unit: unit)) }) else { continue }
                impact.append(ImpactScale(unit: unit == "money" ? .money : .other(unit), levels: levels, description: description))
            }
        }
        let rating = f["rating"].flatMap { decodeRating($0, likelihood: likelihood, impact: impact) }
        guard errorCount == before, let likelihood, let rating else { return nil }
        return Scales(likelihood: likelihood, impact: impact, rating: rating, location: reader.location(node))
    }

    var errorCount: Int { reader.diagnostics.count(where: { $0.severity == .error }) }

    /// A scale's levels: numbered 1 up in order, each band starting where the one below ends.
    private mutating func decodeLevels(_ node: YAMLNode, _ kind: ScaleKind) -> [ScaleLevel]? {
        guard let items = reader.list(node, of: "the levels of \(kind.name)") else { return nil }
        let before = errorCount
        var levels: [(level: ScaleLevel, item: YAMLNode, levelNode: YAMLNode, fromNode: YAMLNode)] = []
        var labels: [String: YAMLNode] = [:]
        for (i, item) in items.enumerated() {
            guard let f = reader.fields(item, of: "a level of \(kind.name)", kind.isLikelihood ? RegisterFields.likelihoodLevel : RegisterFields.impactLevel) else { continue }
            let number = f["level"].flatMap { levelNumber($0) }
            var label = f["label"].flatMap { reader.text($0, "the level's label") }
            if let text = label, let labelNode = f["label"] {
                if ScalarSyntax.probability(text) != nil {
                    reader.error(.invalidValue, "level label `\(text.abbreviated)` reads as a number", at: labelNode,
                                 hint: "a bare number in an estimate is a chance or an amount, so labels are words, such as `likely`; write a level by its number as `{level: 4}`")
                    label = nil
                } else if let first = labels[text.lowercased()] {
                    reader.error(.duplicateID, "level label `\(text.abbreviated)` is already used at line \(first.mark.line)", at: labelNode,
                                 hint: "give each level of a scale its own label")
                    label = nil
                } else {
                    labels[text.lowercased()] = labelNode
                }
            }
            let from = f["from"].flatMap { bandEdge($0, kind, "`from`") }
            var to: Double?
            if let toNode = f["to"] {
                to = bandEdge(toNode, kind, "`to`")
                if to == nil { continue }
            } else if case .likelihood = kind {
                reader.error(.missingField, "a level of the likelihood scale is missing `to`", at: item,
                             hint: "a likelihood band runs from one chance to another, such as `from: 20%` and `to: 50%`")
                continue
            } else if i < items.count - 1 {
                reader.error(.missingField, "a level of \(kind.name) is missing `to`", at: item,
                             hint: "only the top level may be open-ended (\"over £1m\"); give this band its upper edge")
                continue
            }
            let description = f["description"].flatMap { reader.text($0, "the level's description") }
            guard let number, let label, let from, let levelNode = f["level"], let fromNode = f["from"] else { continue }
            // Read after the number, which its translations are kept under.
            let name = f["name"].flatMap { translatable($0, "the name of level \(number) of \(kind.name)", kind.place(level: number)) }
            if let to, !(from < to) {
                reader.error(.invalidValue, "level \(number)'s band runs from \(Self.edge(from, kind)) to \(Self.edge(to, kind))", at: f["to"]!,
                             hint: "`from` is the lower edge of the band and `to` the upper, with `from` below `to`")
                continue
            }
            levels.append((ScaleLevel(level: number, label: label, name: name, from: from, to: to, description: description), item, levelNode, fromNode))
        }
        guard errorCount == before else { return nil }
        for (i, entry) in levels.enumerated() where entry.level.level != i + 1 {
            reader.error(.scaleLevelOrder, "\(kind.name) lists level \(entry.level.level) where level \(i + 1) belongs", at: entry.levelNode,
                         hint: "number the levels 1, 2, 3, ... from the lowest, and list them in that order")
            return nil
        }
        for (a, b) in zip(levels, levels.dropFirst()) {
            let lower = a.level, upper = b.level
            guard let top = lower.to else { continue }
            if upper.from < lower.from {
                reader.error(.scaleLevelOrder,
                             "level \(upper.level)'s band starts at \(Self.edge(upper.from, kind)), below level \(lower.level)'s (\(Self.edge(lower.from, kind)))",
                             at: b.fromNode, hint: "a higher level stands for a higher chance or a larger harm: list the levels from the lowest band up")
                return nil
            } else if upper.from < top {
                reader.error(.scaleBandOverlap,
                             "level \(upper.level)'s band starts at \(Self.edge(upper.from, kind)), inside level \(lower.level)'s (up to \(Self.edge(top, kind)))",
                             at: b.fromNode, hint: "start level \(upper.level) where level \(lower.level) ends: `from: \(Self.edge(top, kind))`")
            } else if upper.from > top {
                reader.error(.scaleBandGap,
                             "\(kind.name) has a gap between level \(lower.level) (up to \(Self.edge(top, kind))) and level \(upper.level) (from \(Self.edge(upper.from, kind)))",
                             at: b.fromNode, hint: "a value in the gap would be on no level: start level \(upper.level) at `from: \(Self.edge(top, kind))`")
            }
        }
        if case .likelihood = kind, let first = levels.first, let last = levels.last {
            if first.level.from > 0 {
                reader.error(.scaleBandGap, "the likelihood scale starts at \(Self.edge(first.level.from, kind)), leaving lower chances on no level",
                             at: first.fromNode, hint: "start level 1 at `from: 0%`")
            }
            if let to = last.level.to, to < 1, let toNode = last.item.mapping?.first(where: { $0.key.scalar?.value == "to" })?.value {
                reader.error(.scaleBandGap, "the likelihood scale ends at \(Self.edge(to, kind)), leaving higher chances on no level",
                             at: toNode, hint: "end the top level at `to: 100%`")
            }
        }
        guard errorCount == before else { return nil }
        return levels.map(\.level)
    }

    /// A level number: a whole number from 1.
    private mutating func levelNumber(_ node: YAMLNode) -> Int? {
        guard let text = reader.text(node, "the level number") else { return nil }
        guard let n = Int(text), n >= 1 else {
            reader.error(.invalidNumber, "the level number `\(text.abbreviated)` is not a whole number from 1", at: node,
                         hint: "number the levels 1, 2, 3, ... from the lowest")
            return nil
        }
        return n
    }

    private mutating func bandEdge(_ node: YAMLNode, _ kind: ScaleKind, _ what: String) -> Double? {
        switch kind {
        case .likelihood: reader.probability(node, "the band's \(what)")
        case .impact: reader.nonNegativeAmount(node, "the band's \(what)")
        }
    }

    static func edge(_ value: Double, _ kind: ScaleKind) -> String {
        switch kind {
        case .likelihood: NodeReader.format(value * 100) + "%"
        case .impact: NodeReader.format(value)
        }
    }

    private mutating func decodeRating(_ node: YAMLNode, likelihood: [ScaleLevel]?, impact: [ImpactScale]) -> RatingRule? {
        guard let f = reader.fields(node, of: "the rating rule", RegisterFields.rating) else { return nil }
        let method = f["method"].flatMap { reader.choice($0, "rating method", as: RatingMethod.self) }
        let amber = f["amber-from"].flatMap { reader.amount($0, "`amber-from`") }
        let red = f["red-from"].flatMap { reader.amount($0, "`red-from`") }
        if let amber, let red, let redNode = f["red-from"], !(amber < red) {
            reader.error(.ratingThresholds, "`red-from` \(NodeReader.format(red)) is not above `amber-from` \(NodeReader.format(amber))",
                         at: redNode, hint: "a score from `amber-from` is amber and from `red-from` red, so red starts higher")
            return nil
        }
        var rule: RatingRule.Method?
        switch method {
        case .product?:
            if let matrixNode = f["matrix"] {
                reader.error(.ratingMatrix, "a `matrix` is used only with `method: matrix`", at: f.keys["matrix"] ?? matrixNode,
                             hint: "remove `matrix`, or write `method: matrix` to score each cell from it")
            } else {
                rule = .product
            }
        case .matrix?:
            guard let matrixNode = f["matrix"] else {
                reader.error(.missingField, "the rating rule is missing `matrix`, which `method: matrix` needs", at: node,
                             hint: "give one row of scores per likelihood level, level 1 first, each with one score per impact level")
                return nil
            }
            rule = decodeMatrix(matrixNode, likelihood: likelihood, impact: impact).map { .matrix($0) }
        case nil:
            break
        }
        guard let rule, let amber, let red else { return nil }
        return RatingRule(method: rule, amberFrom: amber, redFrom: red)
    }

    /// One row per likelihood level, one score per impact level: every cell of the matrix.
    private mutating func decodeMatrix(_ node: YAMLNode, likelihood: [ScaleLevel]?, impact: [ImpactScale]) -> [[Double]]? {
        guard let rows = reader.list(node, of: "the rating matrix") else { return nil }
        var matrix: [[Double]] = []
        var complete = true
        for (r, row) in rows.enumerated() {
            guard let cells = reader.list(row, of: "row \(r + 1) of the rating matrix") else { complete = false; continue }
            let scores = cells.map { reader.amount($0, "a score in the rating matrix") }
            guard scores.allSatisfy({ $0 != nil }) else { complete = false; continue }
            if let scale = impact.first(where: { $0.levels.count != cells.count }) {
                reader.error(.ratingMatrix,
                             "row \(r + 1) of the rating matrix has \(cells.count) scores, but the impact scale for `\(Self.unitName(scale.unit))` has \(scale.levels.count) levels",
                             at: row, hint: "give every cell a score: one per impact level, level 1 first")
                complete = false
                continue
            }
            matrix.append(scores.map { $0! })
        }
        if let likelihood, rows.count != likelihood.count {
            reader.error(.ratingMatrix,
                         "the rating matrix has \(rows.count) rows, but the likelihood scale has \(likelihood.count) levels",
                         at: node, hint: "give every cell a score: one row per likelihood level, level 1 first")
            return nil
        }
        return complete ? matrix : nil
    }

    package static func unitName(_ unit: Outcome.Unit) -> String {
        switch unit {
        case .money: "money"
        case .other(let name): name
        }
    }

    // MARK: Levels in estimates and ratings

    /// The level an estimate names, when it names one: `{level: 4}` or `{level: likely}`
    /// always; a bare word only when the register declares scales and the word is not a
    /// number (a bare number keeps its meaning as a chance or an amount).
    func levelName(_ node: YAMLNode, isNumber: (String) -> Bool) -> (name: String, node: YAMLNode)? {
        if let entries = node.mapping, entries.count == 1, entries[0].key.scalar?.value == "level", let value = entries[0].value.scalar {
            return (value.value, entries[0].value)
        }
        if scalesDeclared, let scalar = node.scalar, !scalar.isNull, !isNumber(scalar.value), NodeReader.writtenRange(node) == nil {
            return (scalar.value, node)
        }
        return nil
    }

    /// The level named on a scale, or nil with `unknown-level` (and a did-you-mean on labels).
    mutating func level(_ name: String, at node: YAMLNode, in levels: [ScaleLevel]?, _ what: String, scaleName: String) -> ScaleLevel? {
        guard scalesDeclared else {
            reader.error(.unknownLevel, "\(what) names level `\(name.abbreviated)`, but the register declares no scales", at: node,
                         hint: "add a `scales` section with your policy's levels, or write the value itself")
            return nil
        }
        guard let levels else { return nil }  // The scale itself has errors, reported there.
        if let level = Scales.level(named: name, in: levels) { return level }
        let labels = levels.map(\.label)
        let message = Int(name) != nil
            ? "\(scaleName) has no level \(name)" : "`\(name.abbreviated)` is not a level of \(scaleName)"
        reader.error(.unknownLevel, message, at: node,
                     hint: [Int(name) == nil ? Suggestion.didYouMean(name, in: labels) : nil,
                            "its levels are 1 to \(levels.count): \(Suggestion.list(labels))"].compactMap { $0 }.joined(separator: " "))
        return nil
    }

    /// The impact scale that applies to an outcome, with `unknown-level` when there is none.
    mutating func impactLevels(for unit: Outcome.Unit?, at node: YAMLNode, name: String) -> (levels: [ScaleLevel]?, scale: ImpactScale?) {
        guard scalesDeclared else { return (nil, nil) }
        guard let scales else { return (nil, nil) }
        guard let unit else { return (nil, nil) }  // Unknown outcome, reported as a reference.
        guard let scale = scales.impactScale(for: unit) else {
            reader.error(.unknownLevel, "impact names level `\(name.abbreviated)`, but there is no impact scale for `\(Self.unitName(unit))`",
                         at: node, hint: "add an impact scale with `unit: \(Self.unitName(unit))` to `scales`, or write the impact itself")
            return (nil, nil)
        }
        return (scale.levels, scale)
    }

    /// A risk's stated ratings: `gross`, `current` and `target`, each a likelihood and an impact
    /// level (here a bare number is a level number: nothing else could be meant).
    mutating func decodeStatedRatings(_ node: YAMLNode, unit: Outcome.Unit?) -> StatedRatings? {
        guard let f = reader.fields(node, of: "`ratings`", RegisterFields.riskRatings) else { return nil }
        var ratings = StatedRatings()
        for key in ["gross", "current", "target"] {
            guard let cellNode = f[key], let cf = reader.fields(cellNode, of: "the \(key) rating", RegisterFields.statedRating),
                  let lNode = cf["likelihood"], let iNode = cf["impact"]
            else { continue }
            let lName = levelName(lNode, isNumber: { _ in false }) ?? (reader.text(lNode, "the likelihood level").map { ($0, lNode) })
            let iName = levelName(iNode, isNumber: { _ in false }) ?? (reader.text(iNode, "the impact level").map { ($0, iNode) })
            guard let lName, let iName else { continue }
            let l = level(lName.name, at: lName.node, in: scales?.likelihood, "the \(key) rating", scaleName: "the likelihood scale")
            var i: ScaleLevel?
            if scalesDeclared {
                let impact = impactLevels(for: unit, at: iName.node, name: iName.name)
                if let levels = impact.levels {
                    i = level(iName.name, at: iName.node, in: levels, "the \(key) rating", scaleName: "the impact scale for `\(Self.unitName(unit!))`")
                }
            }
            guard let l, let i else { continue }
            let rating = StatedRating(likelihood: l.level, impact: i.level)
            switch key {
            case "gross": ratings.gross = rating
            case "current": ratings.current = rating
            default: ratings.target = rating
            }
        }
        return ratings
    }

    /// `needs-review`: the fields the officer still has to check, with a warning until they do.
    mutating func decodeNeedsReview(_ node: YAMLNode, key: YAMLNode?) -> [String] {
        guard let items = reader.list(node, of: "`needs-review`", nonEmpty: false) else { return [] }
        var fields: [String] = []
        for item in items {
            guard let text = reader.text(item, "an item of `needs-review`") else { continue }
            guard RegisterFormat.reviewable.contains(text) else {
                reader.error(.invalidValue, "`\(text.abbreviated)` is not a field `needs-review` can list", at: item,
                             hint: [Suggestion.didYouMean(text, in: RegisterFormat.reviewable),
                                    "it lists \(Suggestion.list(RegisterFormat.reviewable))"].compactMap { $0 }.joined(separator: " "))
                continue
            }
            fields.append(text)
        }
        if !fields.isEmpty {
            reader.warning(.needsReview, "this entry's \(Suggestion.list(fields).replacingOccurrences(of: " or ", with: " and ")) could not be inferred and need checking",
                           at: key ?? node, hint: "check them with the risk owner and co-producers, then remove `needs-review`")
        }
        return fields
    }
}
