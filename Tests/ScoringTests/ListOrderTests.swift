import Foundation
import MonteCarlo
import RegisterLoader
import RegisterModel
import Scoring
import Testing
import _TestSupport

/// The order of a register's lists is presentation: re-ordering outcomes, appetite statements,
/// contributors, perspectives, risks, each risk's estimates, correlations (and the two risks
/// of each), portfolios after the first (the first is the default headline and the baseline of
/// every difference) and the members of each list must leave every figure bit-identical.
///
/// The score lists its items in register order, so both scores are first put in one canonical
/// order (by id); then their JSON must be byte-identical.
@Suite struct ListOrderTests {
    static let examples = ["adult-social-care-positive-risk", "community-safety-leiden", "ward-7-patient-partnership"]

    static func shuffled<T>(_ list: [T], _ g: inout Xoshiro256PlusPlus) -> [T] {
        var list = list
        var i = list.count - 1
        while i > 0 {
            let j = Int(g.next() % UInt64(i + 1))
            list.swapAt(i, j)
            i -= 1
        }
        return list
    }

    /// The register with every list re-ordered.
    static func reordered(_ register: Register, seed: UInt64) -> Register {
        var g = Xoshiro256PlusPlus(seed: seed)
        var r = register
        r.outcomes = shuffled(r.outcomes, &g)
        r.appetite = shuffled(r.appetite, &g)
        r.contributors = shuffled(r.contributors, &g)
        r.perspectives = shuffled(r.perspectives, &g).map { p in
            var p = p
            p.contributors = shuffled(p.contributors, &g)
            return p
        }
        r.risks = shuffled(r.risks, &g).map { risk in
            var risk = risk
            risk.estimates = shuffled(risk.estimates, &g)
            risk.coproduction.contributors = shuffled(risk.coproduction.contributors, &g)
            if var response = risk.response {
                response.deliveredBy = shuffled(response.deliveredBy, &g)
                risk.response = response
            }
            return risk
        }
        r.correlations = shuffled(r.correlations, &g).map { c in
            var c = c
            if g.next() & 1 == 1 { swap(&c.first, &c.second) }
            return c
        }
        if let first = r.portfolios.first {
            r.portfolios = [first] + shuffled(Array(r.portfolios.dropFirst()), &g)
            for i in r.portfolios.indices { r.portfolios[i].risks = shuffled(r.portfolios[i].risks, &g) }
        }
        return r
    }

    /// The score with every list in a canonical order.
    static func canonical(_ score: RegisterScore) -> RegisterScore {
        var s = score
        s.outcomes.sort { $0.id < $1.id }
        s.total?.outcomes.sort()
        s.appetite.sort { a, b in
            (a.outcome, a.statement ?? "", a.threshold, a.limit) < (b.outcome, b.statement ?? "", b.threshold, b.limit)
        }
        for i in s.appetite.indices {
            s.appetite[i].perspectives.sort { $0.id < $1.id }
            if !s.appetite[i].portfolios.isEmpty {
                s.appetite[i].portfolios = [s.appetite[i].portfolios[0]] + s.appetite[i].portfolios.dropFirst().sorted { $0.id < $1.id }
            }
        }
        s.risks.sort { $0.id < $1.id }
        for i in s.risks.indices {
            s.risks[i].perspectives.sort { $0.perspective < $1.perspective }
            s.risks[i].response?.deliveredBy.sort()
        }
        s.perspectives.sort { $0.id < $1.id }
        for i in s.perspectives.indices { s.perspectives[i].outcomes.sort { $0.outcome < $1.outcome } }
        if !s.portfolios.isEmpty {
            s.portfolios = [s.portfolios[0]] + s.portfolios.dropFirst().sorted { $0.id < $1.id }
        }
        for i in s.portfolios.indices {
            s.portfolios[i].activities.sort()
            let pairs = zip(s.portfolios[i].outcomes, s.portfolios[i].differenceFromFirst).sorted { $0.0.outcome < $1.0.outcome }
            s.portfolios[i].outcomes = pairs.map(\.0)
            s.portfolios[i].differenceFromFirst = pairs.map(\.1)
        }
        for i in s.correlations.indices { s.correlations[i].between.sort() }
        s.correlations.sort { $0.between.lexicographicallyPrecedes($1.between) }
        s.staleEntries.sort { $0.risk < $1.risk }
        s.notConsulted.sort()
        s.reliance.sort { $0.outcome < $1.outcome }
        // An appetite statement's texts are placed by its position, which the reordering moves.
        s.translations = s.translations.map { texts in
            texts.map { t in
                var t = t
                if t.element == "appetite" { t.id = "" }
                return t
            }.sorted { ($0.element, $0.id, $0.field, $0.texts.first?.text ?? "") < ($1.element, $1.id, $1.field, $1.texts.first?.text ?? "") }
        }
        return s
    }

    @Test(arguments: examples)
    func reorderingAnExampleLeavesEveryFigure(name: String) throws {
        let loaded = RegisterFile.read(path: TestSupport.path("Registers/\(name).yaml"), asOf: ScorerTests.asOf)
        let register = try #require(loaded.register)
        let options = ScorerTests.options(trials: 20_000)
        let reference = try RegisterScore.makeEncoder().encode(Self.canonical(try Scorer.score(register, options: options)))
        for seed: UInt64 in [1, 2, 3] {
            let other = try Scorer.score(Self.reordered(register, seed: seed), options: options)
            let json = try RegisterScore.makeEncoder().encode(Self.canonical(other))
            #expect(json == reference, "\(name), order \(seed)")
            if json != reference {
                let a = String(decoding: reference, as: UTF8.self).split(separator: "\n")
                let b = String(decoding: json, as: UTF8.self).split(separator: "\n")
                if let line = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
                    Issue.record("first difference at line \(line.offset + 1): \(line.element.0) vs \(line.element.1)")
                }
            }
        }
    }
}
