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
        reader.error("missing-field", "`register` is missing `currency`, which money outcome `\(money.id)` needs", at: registerNode,
                     hint: "add `currency: EUR` (or the ISO 4217 code of your currency)")
    }

    private mutating func checkPortfolios(_ register: Register) {
        let strategies = Dictionary(register.risks.map { ($0.id, $0.strategy) }, uniquingKeysWith: { a, _ in a })
        for (id, node) in portfolioMembers {
            guard let strategy = strategies[id], strategy != .portfolio else { continue }
            reader.error("portfolio-member", "`\(id)` is a \(strategy.rawValue) entry; a portfolio lists only `portfolio` entries", at: node,
                         hint: "entries with other strategies are in every portfolio already: remove it here")
        }
        guard !register.portfolios.isEmpty else { return }
        let listed = Set(register.portfolios.flatMap(\.risks))
        for risk in register.risks where risk.strategy == .portfolio && !listed.contains(risk.id) {
            reader.report(.warning(
                "portfolio-unassigned", "portfolio entry `\(risk.id)` is in no portfolio, so no score includes it",
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
        var matrix = CorrelationMatrix(size: index.count)
        var seen: [Set<String>: Int] = [:]
        for (n, correlation) in register.correlations.enumerated() {
            let node = correlationNodes[n]
            let pair: Set = [correlation.first, correlation.second]
            if let line = seen[pair] {
                reader.error("duplicate-correlation",
                             "the correlation between `\(correlation.first)` and `\(correlation.second)` is already given at line \(line)",
                             at: node, hint: "keep one of them")
                continue
            }
            seen[pair] = node.mark.line
            let (i, j) = (index[correlation.first]!, index[correlation.second]!)
            matrix[i, j] = correlation.rank
            if !matrix.isPositiveSemidefinite {
                matrix[i, j] = 0
                reader.error("correlation-matrix",
                             "with this correlation the register's correlations contradict each other (the matrix is not positive semi-definite)",
                             at: node,
                             hint: "pairs that are not listed count as 0 (independent), and strong correlations must agree: if A–B and B–C are both strong, A–C cannot be 0 or negative; state A–C too, or weaken one")
            }
        }
    }
}

/// A symmetric matrix with unit diagonal, checked for positive semi-definiteness.
struct CorrelationMatrix {
    private(set) var values: [Double]
    let size: Int

    init(size: Int) {
        self.size = size
        values = [Double](repeating: 0, count: size * size)
        for i in 0..<size { values[i * size + i] = 1 }
    }

    subscript(i: Int, j: Int) -> Double {
        get { values[i * size + j] }
        set {
            values[i * size + j] = newValue
            values[j * size + i] = newValue
        }
    }

    /// Cholesky with a small tolerance, so matrices on the boundary (such as two risks with
    /// correlation exactly 1) are accepted.
    var isPositiveSemidefinite: Bool {
        let tolerance = 1e-10
        var l = [Double](repeating: 0, count: size * size)
        for j in 0..<size {
            var diagonal = self[j, j]
            for k in 0..<j { diagonal -= l[j * size + k] * l[j * size + k] }
            if diagonal < -tolerance { return false }
            let root = diagonal > tolerance ? diagonal.squareRoot() : 0
            l[j * size + j] = root
            for i in (j + 1)..<max(j + 1, size) {
                var sum = self[i, j]
                for k in 0..<j { sum -= l[i * size + k] * l[j * size + k] }
                if root == 0 {
                    if abs(sum) > 1e-8 { return false }
                    l[i * size + j] = 0
                } else {
                    l[i * size + j] = sum / root
                }
            }
        }
        return true
    }
}
