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
        checkConfidentialNames(register)
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

    /// Money outcomes and response costs need to know their currency.
    private mutating func checkCurrency(_ register: Register, registerNode: YAMLNode?) {
        guard register.metadata.currency == nil, let registerNode, registerNode.mapping?.contains(where: { $0.key.scalar?.value == "currency" }) == false,
              let money = register.outcomes.first(where: { $0.unit == .money })
        else { return }
        reader.error(.missingField, "`register` is missing `currency`, which money outcome `\(money.id)` needs", at: registerNode,
                     hint: "add `currency: EUR` (or the ISO 4217 code of your currency)")
    }

    private mutating func checkPortfolios(_ register: Register) {
        let strategies = Dictionary(register.risks.map { ($0.id, $0.strategy) }, uniquingKeysWith: { a, _ in a })
        for (id, node) in portfolioMembers {
            guard let strategy = strategies[id], strategy != .portfolio else { continue }
            reader.error(.portfolioMember, "`\(id)` is a \(strategy.rawValue) entry; a portfolio lists only `portfolio` entries", at: node,
                         hint: "entries with other strategies are in every portfolio already: remove it here")
        }
        guard !register.portfolios.isEmpty else { return }
        let listed = Set(register.portfolios.flatMap(\.risks))
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
