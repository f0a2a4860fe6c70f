import Distributions
import RegisterModel
import YAMLNodes

/// Rules that span several entries, checked once the whole register has been read.
extension RegisterDecoder {
    mutating func crossCheck(_ register: Register, registerNode: YAMLNode?) {
        checkCurrency(register, registerNode: registerNode)
        checkPortfolios(register)
        checkCorrelations(register)
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

    /// Each pair once, and all of them together a valid correlation matrix: added one at a time,
    /// so the first correlation that makes the set impossible is the one reported.
    private mutating func checkCorrelations(_ register: Register) {
        var index: [String: Int] = [:]
        for correlation in register.correlations {
            for id in [correlation.first, correlation.second] where index[id] == nil {
                index[id] = index.count
            }
        }
        var matrix = Array(repeating: Array(repeating: 0.0, count: index.count), count: index.count)
        for i in 0..<index.count { matrix[i][i] = 1 }
        var seen: [Set<String>: Int] = [:]
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
            let (i, j) = (index[correlation.first]!, index[correlation.second]!)
            (matrix[i][j], matrix[j][i]) = (correlation.rank, correlation.rank)
            // The engine's own check, so a register that validates is one the engine accepts.
            if CorrelationMatrix.problem(matrix) != nil {
                (matrix[i][j], matrix[j][i]) = (0, 0)
                reader.error(.correlationMatrix,
                             "with this correlation the register's correlations contradict each other (the matrix is not positive semi-definite)",
                             at: node,
                             hint: "pairs that are not listed count as 0 (independent), and strong correlations must agree: if A–B and B–C are both strong, A–C cannot be 0 or negative; state A–C too, or weaken one")
            }
        }
    }
}
