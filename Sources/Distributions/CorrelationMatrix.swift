/// Checks and factorises correlation matrices.
///
/// Public so the register validator can report a bad matrix with the same rules the engine
/// applies (rather than discovering it at run time).
public enum CorrelationMatrix {
    /// What is wrong with a candidate correlation matrix.
    public enum Problem: Sendable, Equatable, Codable, CustomStringConvertible {
        case notSquare
        case notFinite(row: Int, column: Int)
        case diagonalNotOne(index: Int, value: Double)
        case notSymmetric(row: Int, column: Int)
        case outOfRange(row: Int, column: Int, value: Double)
        /// Not positive semi-definite: no set of variables can have these correlations together.
        /// `pivot` is the first row at which the Cholesky factorisation broke down.
        case notPositiveSemiDefinite(pivot: Int)

        public var description: String {
            switch self {
            case .notSquare: return "the matrix is not square"
            case let .notFinite(r, c): return "entry (\(r), \(c)) is not a finite number"
            case let .diagonalNotOne(i, v): return "diagonal entry \(i) is \(v), not 1"
            case let .notSymmetric(r, c): return "entries (\(r), \(c)) and (\(c), \(r)) differ"
            case let .outOfRange(r, c, v): return "entry (\(r), \(c)) = \(v) is outside [-1, 1]"
            case let .notPositiveSemiDefinite(p):
                return "the correlations are inconsistent with each other (not positive semi-definite at row \(p)); weaken the strongest ones"
            }
        }
    }

    /// The default tolerance for symmetry, the unit diagonal and Cholesky pivots.
    public static let tolerance = 1e-9

    /// The first problem with `matrix`, or nil if it is a valid correlation matrix.
    public static func problem(_ matrix: [[Double]], tolerance: Double = tolerance) -> Problem? {
        let n = matrix.count
        if matrix.contains(where: { $0.count != n }) { return .notSquare }
        for i in 0..<n {
            for j in 0..<n where !matrix[i][j].isFinite { return .notFinite(row: i, column: j) }
        }
        for i in 0..<n where !(abs(matrix[i][i] - 1) <= tolerance) {
            return .diagonalNotOne(index: i, value: matrix[i][i])
        }
        for i in 0..<n {
            for j in 0..<n {
                if !(abs(matrix[i][j] - matrix[j][i]) <= tolerance) { return .notSymmetric(row: min(i, j), column: max(i, j)) }
                if !(abs(matrix[i][j]) <= 1 + tolerance) { return .outOfRange(row: i, column: j, value: matrix[i][j]) }
            }
        }
        if case .failure(let pivot) = cholesky(matrix, tolerance: tolerance) {
            return .notPositiveSemiDefinite(pivot: pivot.pivot)
        }
        return nil
    }

    /// The lower-triangular L with L·Lᵀ = matrix, tolerating semi-definiteness: a pivot in
    /// [−tolerance, tolerance] is taken as 0 (its column is then zero below it). Fails with the
    /// row index of the first pivot below −tolerance.
    public static func cholesky(_ matrix: [[Double]], tolerance: Double = tolerance) -> Result<[[Double]], CholeskyFailure> {
        let n = matrix.count
        var l = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for j in 0..<n {
            var d = matrix[j][j]
            for k in 0..<j { d -= l[j][k] * l[j][k] }
            if d < -tolerance { return .failure(CholeskyFailure(pivot: j)) }
            let ljj = d > tolerance ? d.squareRoot() : 0
            l[j][j] = ljj
            for i in (j + 1)..<max(n, j + 1) {
                var s = matrix[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                if ljj > 0 {
                    l[i][j] = s / ljj
                } else if abs(s) > tolerance.squareRoot() {
                    // A zero pivot with a non-zero remainder below it: not PSD.
                    return .failure(CholeskyFailure(pivot: j))
                }
            }
        }
        return .success(l)
    }

    /// The row where a Cholesky factorisation broke down.
    public struct CholeskyFailure: Error, Sendable, Equatable {
        public var pivot: Int
    }
}
