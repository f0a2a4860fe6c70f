import Foundation
import YAMLNodes
import RegisterModel

/// The words risk officers bring from other risk frameworks (the "4 Ts": treat, tolerate,
/// transfer, terminate, and their everyday synonyms), each mapped to the strategy it most
/// likely means here, so `strategy: mitigate` gets a useful hint rather than only a list.
enum StrategyWords {
    /// The strategy a familiar word most likely means, with the reason in a few words.
    static func likely(_ word: String) -> (strategy: Strategy, why: String)? {
        switch word.lowercased().trimmingCharacters(in: .whitespaces) {
        case "mitigate", "mitigation", "treat", "treatment", "reduce", "control", "prevent", "minimise", "minimize":
            (.reduction, "it makes the harm less likely or less bad")
        case "accept", "acceptance", "tolerate", "toleration", "retain", "retention", "absorb":
            (.resilience, "a risk kept as it is is absorbed when it happens; if it is kept for its upside, write `enablement`")
        case "transfer", "insure", "insurance", "share", "outsource":
            (.resilience, "insurance or a partner absorbs the harm and pays for recovery; if the transfer makes the harm smaller for the outcome itself, write `reduction`")
        case "avoid", "avoidance", "terminate", "termination", "stop", "exit":
            (.portfolio, "stopping or avoiding an activity is a choice of which activities to run; if the entry is the activity that stays, write its own strategy")
        case "exploit", "enhance", "take", "pursue", "opportunity", "enable":
            (.enablement, "a risk taken for its upside")
        default:
            nil
        }
    }

    /// The four strategies in a sentence each, for a hint.
    static let explanation = "riskreg's four strategies are `portfolio` (choose a mix of activities with less risk attached), `reduction` (make the harm less likely or less bad), `resilience` (absorb the harm and recover from it) and `enablement` (take a risk worth taking for its upside)"

    /// The hint for a strategy word riskreg does not know: the likely strategy and the four.
    static func hint(for word: String) -> String? {
        guard let (strategy, why) = likely(word) else { return nil }
        return "did you mean `\(strategy.rawValue)`? \(why). \(explanation)"
    }
}

extension NodeReader {
    /// A strategy, in any case (`Reduction` is `reduction`). A word from another framework
    /// (`mitigate`, `tolerate`, the 4 Ts) gets a hint naming the likely strategy and explaining
    /// the four; anything else gets did-you-mean and the list, as any closed set does.
    mutating func strategy(_ node: YAMLNode) -> Strategy? {
        guard let text = text(node, "strategy") else { return nil }
        if let value = Strategy(rawValue: text.lowercased()) { return value }
        if let hint = StrategyWords.hint(for: text) {
            error(.invalidValue, "`\(text.abbreviated)` is not a strategy riskreg knows", at: node, hint: hint)
            return nil
        }
        let allowed = Strategy.allCases.map(\.rawValue)
        error(.invalidValue, "`\(text.abbreviated)` is not a valid strategy", at: node,
              hint: [Suggestion.didYouMean(text, in: allowed), "strategy is one of \(Suggestion.list(allowed))"].compactMap { $0 }.joined(separator: " "))
        return nil
    }
}
