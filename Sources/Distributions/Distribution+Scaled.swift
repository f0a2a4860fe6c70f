extension Distribution {
    /// The distribution of `factor` × X, for a share of what X measures.
    ///
    /// Every family is closed under a positive scale, with its shape unchanged: the samplers
    /// then use the same random numbers the same way, so a draw of the scaled distribution is
    /// `factor` × the draw of this one on the same stream (up to rounding).
    ///
    /// - Precondition: `factor` is finite and positive; otherwise the distribution is returned
    ///   unchanged (a register's shares are validated to lie in (0, 1]).
    public func scaled(by factor: Double) -> Distribution {
        guard factor.isFinite, factor > 0, factor != 1 else { return self }
        let scaled: Parameters
        switch parameters {
        case let .fixed(v): scaled = .fixed(v * factor)
        case let .uniform(a, b): scaled = .uniform(min: a * factor, max: b * factor)
        case let .triangular(a, c, b): scaled = .triangular(min: a * factor, mode: c * factor, max: b * factor)
        case let .pert(a, c, b, shape): scaled = .pert(min: a * factor, mode: c * factor, max: b * factor, shape: shape)
        case let .normal(m, sd): scaled = .normal(mean: m * factor, sd: sd * factor)
        case let .lognormal(p5, p95): scaled = .lognormal(p5: p5 * factor, p95: p95 * factor)
        case let .beta(alpha, beta, a, b): scaled = .beta(alpha: alpha, beta: beta, min: a * factor, max: b * factor)
        case let .choice(values, probabilities): scaled = .choice(values: values.map { $0 * factor }, probabilities: probabilities)
        }
        return (try? Distribution(validating: scaled)) ?? self
    }
}
