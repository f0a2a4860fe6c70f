/// An estimate with its Monte Carlo standard error, so a reader can tell a real difference
/// from sampling noise (roughly: values within two standard errors are indistinguishable).
public struct Statistic: Sendable, Codable, Hashable {
    public var value: Double
    public var standardError: Double

    public init(value: Double, standardError: Double) {
        self.value = value
        self.standardError = standardError
    }
}

/// The same quantity without responses (inherent) and with them (residual), computed on the
/// same random numbers. Without any responses in the plan the two are equal.
public struct InherentAndResidual<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
    public var inherent: Value
    public var residual: Value

    public init(inherent: Value, residual: Value) {
        self.inherent = inherent
        self.residual = residual
    }
}
