import RegisterModel
import TextLayer

/// Compares two revisions of a register entry by entry and field by field.
///
/// Entries are matched by id (appetite statements, which have none, by outcome, kind and order),
/// so moving an entry within the file is not a change. Changes come in register order: the
/// register's metadata, outcomes, appetite, contributors, perspectives, risks, correlations,
/// portfolios; within each, entries in the newer revision's order, then removed ones.
public enum StructuralComparison {
    /// - Parameters:
    ///   - old: the earlier register, or nil when the file did not exist then: every entry of
    ///     `new` is then added.
    ///   - new: the later register.
    public static func changes(from old: Register?, to new: Register) -> [RegisterChange] {
        var builder = Builder()
        builder.metadata(old?.metadata, new.metadata)
        builder.entries(.outcome, old?.outcomes ?? [], new.outcomes, id: \.id, line: \.location.line, describe: \.title) { b, o, n in
            b.field("title", o.title, n.title)
            b.field("unit", ValueText.unit(o.unit), ValueText.unit(n.unit))
            b.field("description", o.description, n.description)
        }
        builder.entries(.appetite, keyed(old?.appetite ?? []), keyed(new.appetite), id: \.key, line: \.value.location.line, describe: { $0.value.statement ?? limitSummary($0.value.limit) }) { b, o, n in
            b.field("statement", o.value.statement, n.value.statement)
            let (ot, ol) = limitText(o.value.limit), (nt, nl) = limitText(n.value.limit)
            if ot.field == nt.field {
                b.number(ot.field, ot.value, nt.value, ValueText.amount)
                b.number(ol.field, ol.value, nl.value, ValueText.probability)
            } else {
                b.field(ot.field, ot.text, nt.text)
                b.field(ol.field, ol.text, nl.text)
            }
        }
        builder.entries(.contributor, old?.contributors ?? [], new.contributors, id: \.id, line: \.location.line, describe: \.name) { b, o, n in
            b.field("name", o.name, n.name)
            b.field("kind", o.kind.rawValue, n.kind.rawValue)
            b.field("public", ValueText.bool(o.isPublic), ValueText.bool(n.isPublic))
            b.field("description", o.description, n.description)
        }
        builder.entries(.perspective, old?.perspectives ?? [], new.perspectives, id: \.id, line: \.location.line, describe: \.title) { b, o, n in
            b.field("title", o.title, n.title)
            b.list("contributors", o.contributors, n.contributors)
            b.number("weight", o.weight, n.weight, ValueText.amount)
        }
        builder.entries(.risk, old?.risks ?? [], new.risks, id: \.id, line: \.location.line, describe: { "\($0.title) (\($0.strategy.rawValue))" }) { b, o, n in
            risk(&b, o, n)
        }
        builder.entries(.correlation, old?.correlations ?? [], new.correlations, id: pairID, line: \.location.line, describe: { "rank \(ValueText.amount($0.rank))" }) { b, o, n in
            b.number("rank", o.rank, n.rank, ValueText.amount)
            b.field("reason", o.reason, n.reason)
        }
        builder.entries(.portfolio, old?.portfolios ?? [], new.portfolios, id: \.id, line: \.location.line, describe: \.title) { b, o, n in
            b.field("title", o.title, n.title)
            b.field("description", o.description, n.description)
            b.list("risks", o.risks, n.risks)
            b.list("split", o.split.map { "\($0.risk) \(ValueText.probability($0.share))" }, n.split.map { "\($0.risk) \(ValueText.probability($0.share))" })
            b.list("responses", o.responses.map { "\($0.risk): \($0.response)" }, n.responses.map { "\($0.risk): \($0.response)" })
            b.number("cost", o.cost, n.cost, ValueText.amount)
            b.field("cost-outcome", o.costOutcome, n.costOutcome)
        }
        return builder.changes
    }

    // MARK: Risks

    private static func risk(_ b: inout Builder.Entry, _ o: Risk, _ n: Risk) {
        b.field("title", o.title, n.title)
        b.field("description", o.description, n.description)
        b.field("outcome", o.outcome, n.outcome)
        b.field("strategy", o.strategy.rawValue, n.strategy.rawValue)
        b.field("owner", o.owner, n.owner)
        b.field("borne-by", o.borneBy, n.borneBy)
        b.field("coproduction.mode", o.coproduction.mode.rawValue, n.coproduction.mode.rawValue)
        b.list("coproduction.contributors", o.coproduction.contributors, n.coproduction.contributors)
        b.field("coproduction.note", o.coproduction.note, n.coproduction.note)

        for ne in n.estimates {
            let name = "estimates[\(ne.perspective)]"
            guard let oe = o.estimates.first(where: { $0.perspective == ne.perspective }) else {
                b.add(field: name, before: nil, after: estimateText(ne), beforeLine: nil, afterLine: ne.location.line)
                continue
            }
            b.at(oe.location.line, ne.location.line) { b in
                let (of, ot) = ValueText.occurrence(oe.occurrence), (nf, nt) = ValueText.occurrence(ne.occurrence)
                if of == nf {
                    b.field("\(name).\(nf)", ot, nt)
                } else {
                    b.field("\(name).\(of)", ot, nil)
                    b.field("\(name).\(nf)", nil, nt)
                }
                b.field("\(name).impact", ValueText.distribution(oe.impact), ValueText.distribution(ne.impact))
                b.field("\(name).benefit", oe.benefit.map { ValueText.distribution($0) }, ne.benefit.map { ValueText.distribution($0) })
                b.field("\(name).as-of", oe.asOf?.description, ne.asOf?.description)
                b.field("\(name).rationale", oe.rationale, ne.rationale)
            }
        }
        for oe in o.estimates where !n.estimates.contains(where: { $0.perspective == oe.perspective }) {
            b.add(field: "estimates[\(oe.perspective)]", before: estimateText(oe), after: nil,
                  beforeLine: oe.location.line, afterLine: nil)
        }

        switch (o.response, n.response) {
        case (nil, nil): break
        case (nil, let r?):
            b.add(field: "response", before: nil, after: responseText(r), beforeLine: nil, afterLine: r.location.line)
        case (let r?, nil):
            b.add(field: "response", before: responseText(r), after: nil, beforeLine: r.location.line, afterLine: nil)
        case (let or?, let nr?):
            b.at(or.location.line, nr.location.line) { b in
                b.field("response.action", or.action, nr.action)
                b.number("response.cost", or.cost, nr.cost, ValueText.amount)
                b.list("response.delivered-by", or.deliveredBy, nr.deliveredBy)
                b.number("response.reliability", or.reliability, nr.reliability, ValueText.probability)
                b.number("response.reduces-likelihood-by", or.likelihoodReduction, nr.likelihoodReduction, ValueText.probability)
                b.number("response.reduces-impact-by", or.impactReduction, nr.impactReduction, ValueText.probability)
            }
        }
        b.list("alternative-responses", o.alternativeResponses.map { "\($0.id ?? ""): \(responseText($0))" },
               n.alternativeResponses.map { "\($0.id ?? ""): \(responseText($0))" })
        b.field("review", o.review?.description, n.review?.description)
        b.field("confidential", ValueText.bool(o.isConfidential), ValueText.bool(n.isConfidential))
    }

    static func estimateText(_ e: Estimate, _ say: Phrasebook = .english) -> String {
        let (field, text) = ValueText.occurrence(e.occurrence)
        let occurrence = "\(field) \(text)", impact = ValueText.distribution(e.impact)
        guard let benefit = e.benefit else { return say("diff.estimate", ["occurrence": occurrence, "impact": impact]) }
        return say("diff.estimate.withBenefit", ["occurrence": occurrence, "impact": impact, "benefit": ValueText.distribution(benefit)])
    }

    static func responseText(_ r: Response, _ say: Phrasebook = .english) -> String {
        var parts = [r.action, say("diff.response.cost", ["amount": ValueText.amount(r.cost)])]
        if !r.deliveredBy.isEmpty { parts.append(say("diff.response.deliveredBy", ["names": r.deliveredBy.joined(separator: ", ")])) }
        if r.reliability != 1 { parts.append(say("diff.response.reliability", ["chance": ValueText.probability(r.reliability)])) }
        if r.likelihoodReduction != 0 { parts.append(say("diff.response.reducesLikelihood", ["chance": ValueText.probability(r.likelihoodReduction)])) }
        if r.impactReduction != 0 { parts.append(say("diff.response.reducesImpact", ["chance": ValueText.probability(r.impactReduction)])) }
        return parts.joined(separator: "; ")
    }

    // MARK: Keys for entries without ids

    struct Keyed<Value> {
        var key: String
        var value: Value
    }

    /// Appetite statements named `outcome/kind#n`: the n-th statement of that kind about that outcome.
    static func keyed(_ statements: [AppetiteStatement]) -> [Keyed<AppetiteStatement>] {
        var seen: [String: Int] = [:]
        return statements.map { s in
            let kind: String
            switch s.limit {
            case .lossExceeds: kind = "loss-exceeds"
            case .netBenefitAbove: kind = "net-benefit-above"
            case .harmExceeds: kind = "harm-exceeds"
            }
            let base = "\(s.outcome)/\(kind)"
            seen[base, default: 0] += 1
            return Keyed(key: "\(base)#\(seen[base]!)", value: s)
        }
    }

    static func limitText(_ limit: AppetiteStatement.Limit) -> ((field: String, text: String, value: Double), (field: String, text: String, value: Double)) {
        switch limit {
        case let .lossExceeds(threshold, atMost):
            return (("loss-exceeds", ValueText.amount(threshold), threshold), ("at-most", ValueText.probability(atMost), atMost))
        case let .netBenefitAbove(threshold, atLeast):
            return (("net-benefit-above", ValueText.amount(threshold), threshold), ("at-least", ValueText.probability(atLeast), atLeast))
        case let .harmExceeds(threshold, atMost):
            return (("harm-exceeds", ValueText.amount(threshold), threshold), ("at-most", ValueText.probability(atMost), atMost))
        }
    }

    static func limitSummary(_ limit: AppetiteStatement.Limit) -> String {
        switch limit {
        case let .lossExceeds(threshold, atMost):
            return "P(loss > \(ValueText.amount(threshold))) at most \(ValueText.probability(atMost))"
        case let .netBenefitAbove(threshold, atLeast):
            return "P(net benefit > \(ValueText.amount(threshold))) at least \(ValueText.probability(atLeast))"
        case let .harmExceeds(threshold, atMost):
            return "P(harm > \(ValueText.amount(threshold))) at most \(ValueText.probability(atMost))"
        }
    }

    /// A correlation is the same whichever way round its pair is written.
    static func pairID(_ c: Correlation) -> String {
        c.first <= c.second ? "\(c.first)~\(c.second)" : "\(c.second)~\(c.first)"
    }
}

/// Collects changes in order.
private struct Builder {
    var changes: [RegisterChange] = []

    /// The changes of one entry present on both sides.
    struct Entry {
        let subject: RegisterChange.Subject
        let id: String
        var beforeLine: Int
        var afterLine: Int
        var changes: [RegisterChange] = []

        mutating func field(_ name: String, _ before: String?, _ after: String?) {
            guard before != after else { return }
            changes.append(.init(kind: .changed, subject: subject, id: id, field: name, before: before, after: after,
                                 beforeLine: beforeLine, afterLine: afterLine))
        }

        /// A field holding a number: the change carries the numbers as well as their text.
        mutating func number(_ name: String, _ before: Double?, _ after: Double?, _ text: (Double) -> String) {
            guard before != after else { return }
            var change = RegisterChange(kind: .changed, subject: subject, id: id, field: name, before: before.map(text), after: after.map(text),
                                        beforeLine: beforeLine, afterLine: afterLine)
            change.beforeNumber = before
            change.afterNumber = after
            changes.append(change)
        }

        mutating func list(_ name: String, _ before: [String], _ after: [String]) {
            guard before != after else { return }
            changes.append(.init(kind: .changed, subject: subject, id: id, field: name, before: ValueText.list(before),
                                 after: ValueText.list(after), note: ValueText.listNote(before, after) ?? "reordered",
                                 beforeLine: beforeLine, afterLine: afterLine))
        }

        /// A part of the entry that is added or removed whole (an estimate, a response).
        mutating func add(field: String, before: String?, after: String?, beforeLine: Int?, afterLine: Int?) {
            changes.append(.init(kind: .changed, subject: subject, id: id, field: field, before: before, after: after,
                                 beforeLine: beforeLine, afterLine: afterLine))
        }

        /// Fields of a part with lines of its own (an estimate, a response).
        mutating func at(_ before: Int, _ after: Int, _ body: (inout Entry) -> Void) {
            let saved = (beforeLine, afterLine)
            (beforeLine, afterLine) = (before, after)
            body(&self)
            (beforeLine, afterLine) = saved
        }
    }

    mutating func metadata(_ o: Metadata?, _ n: Metadata) {
        guard let o else { return }
        var e = Entry(subject: .register, id: n.id, beforeLine: o.location.line, afterLine: n.location.line)
        e.field("id", o.id, n.id)
        e.field("title", o.title, n.title)
        e.field("organisation", o.organisation, n.organisation)
        e.field("description", o.description, n.description)
        e.field("horizon", o.horizon.description, n.horizon.description)
        e.field("currency", o.currency, n.currency)
        e.field("owner", o.owner, n.owner)
        e.field("last-reviewed", o.lastReviewed?.description, n.lastReviewed?.description)
        e.field("next-review", o.nextReview?.description, n.nextReview?.description)
        changes += e.changes
    }

    mutating func entries<T>(
        _ subject: RegisterChange.Subject, _ old: [T], _ new: [T], id: (T) -> String, line: (T) -> Int,
        describe: (T) -> String?, compare: (inout Entry, T, T) -> Void
    ) {
        var oldByID: [String: T] = [:]
        for o in old where oldByID[id(o)] == nil { oldByID[id(o)] = o }
        let newIDs = Set(new.map(id))
        for n in new {
            guard let o = oldByID[id(n)] else {
                changes.append(.init(kind: .added, subject: subject, id: id(n), after: describe(n), afterLine: line(n)))
                continue
            }
            var entry = Entry(subject: subject, id: id(n), beforeLine: line(o), afterLine: line(n))
            compare(&entry, o, n)
            changes += entry.changes
        }
        for o in old where !newIDs.contains(id(o)) {
            changes.append(.init(kind: .removed, subject: subject, id: id(o), before: describe(o), beforeLine: line(o)))
        }
    }
}
