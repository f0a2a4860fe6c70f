/// The names `needs-review` gives fields that an import filled with a placeholder, shared by the
/// import that writes them and the reports that must show the placeholder as one.
public enum ReviewMark {
    /// A response's cost: an import writes 0 until the officer records what the controls cost.
    public static let responseCost = "response.cost"
}
