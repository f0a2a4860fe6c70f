import Foundation

/// Reads every natural frequency in a text together with the percentage written after it —
/// "about a 2 in 100 chance (2%, …)", "fewer than 1 in 1,000 (<0.1%)", "less than 1 in 100: about 4 in 1,000 (0.4%)", "een kans van ongeveer
/// 7 op 100 (7%)" — and says where the two disagree (docs/results.md, "Chances in words"):
/// beside "about k in n" the percentage must be k over n itself; beside "fewer than 1 in n" it
/// must not be 1 in n or more; beside "more than k in n" it must not be k in n or less.
///
/// English and Dutch number styles are both read ("1,000" and "1.000", "1.5%" and "1,5%").
public enum ChanceAgreement {
    /// One frequency-and-percentage pair as read from the text.
    public struct Pair: CustomStringConvertible, Sendable {
        public enum Kind: Sendable { case about, fewerThan, moreThan }
        public let kind: Kind
        public let k: Double
        public let n: Double
        /// The percentage as a value (1.5 for "1.5%") and whether it is a bound ("<0.1%").
        public let percent: Double
        public let percentBound: Character?
        public let text: String
        public var description: String { text }

        /// Whether the percentage says what the fraction says.
        public var agrees: Bool {
            let fraction = k * 100 / n
            switch kind {
            case .about:
                guard percentBound == nil else { return false }
                return abs(percent - fraction) < 1e-9 * max(1, fraction)
            case .fewerThan:
                // "fewer than 1 in 100 (0.3%)", "(<0.1%)": at or below 1 in n is not "fewer".
                return percentBound == ">" ? false : percentBound == "<" ? true : percent < fraction
            case .moreThan:
                return percentBound == "<" ? false : percentBound == ">" ? true : percent > fraction
            }
        }
    }

    /// Every pair in `text`: a frequency ("k in n", "k op n", "k op de n") followed, before the
    /// next full stop or semicolon, by an opening bracket and a percentage.
    public static func pairs(in text: String) -> [Pair] {
        guard let regex = pattern else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            func group(_ i: Int) -> String? {
                let r = m.range(at: i)
                return r.location == NSNotFound ? nil : ns.substring(with: r)
            }
            let lead = (group(1) ?? "").lowercased()
            // "1.000" (Dutch) and "1,000" (English) are both a thousand: a separator before
            // exactly three digits in a count is a thousands separator.
            func count(_ s: String) -> Double? { Double(s.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: ".", with: "")) }
            guard let k = count(group(2)!), let n = count(group(3)!), n >= 2,
                  let percent = Double(group(5)!.replacingOccurrences(of: ",", with: ".")) else { return nil }
            let kind: Pair.Kind = lead.hasPrefix("fewer") || lead.hasPrefix("less") || lead.hasPrefix("minder") ? .fewerThan
                : lead.hasPrefix("more") || lead.hasPrefix("meer") ? .moreThan : .about
            return Pair(kind: kind, k: k, n: n, percent: percent, percentBound: group(4)!.first, text: ns.substring(with: m.range))
        }
    }

    /// The expression ``pairs(in:)`` reads with, compiled once: tests read hundreds of
    /// thousands of sentences, and compiling it took longer than reading one.
    private static let pattern: NSRegularExpression? = {
        let number = #"[0-9]+(?:[.,][0-9]{3})*"#
        let pattern = #"((?i:fewer than |less than a |less than |more than a |more than |minder dan |meer dan ))?(\#(number)) (?:in|op)(?: de)? (\#(number))(?: chance)?[^().;\n]{0,40}?\((?:[^()%;0-9]{0,30}; )?([<>]?)([0-9]+(?:[.,][0-9]+)?) ?%"#
        return try? NSRegularExpression(pattern: pattern)
    }()

    /// The pairs in `text` whose two halves disagree.
    public static func disagreements(in text: String) -> [Pair] {
        pairs(in: text).filter { !$0.agrees }
    }
}
