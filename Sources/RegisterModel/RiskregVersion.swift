/// This release of riskreg, printed in results and reports so they say what made them.
public enum RiskregVersion {
    public static let current = "0.1.0"
}
