import Foundation

/// The ways a register may write a number, a chance, a yes/no or an id, parsed by place.
///
/// YAML's own typing is not used: a scalar becomes a number only where the format expects one,
/// so `no` stays text in a title and `250k` is an amount where an amount is expected.
package enum ScalarSyntax {
    /// An amount: `12000`, `12_000`, `1.5e6`, `-3`, `250k`, `1.2m`, `2bn`.
    static func amount(_ text: String) -> Double? {
        var body = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "_", with: "")
        var scale = 1.0
        for (suffix, factor) in [("bn", 1e9), ("k", 1e3), ("m", 1e6)] where body.hasSuffix(suffix) {
            body.removeLast(suffix.count)
            scale = factor
            break
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.e".contains($0)) }),
              body.first!.isNumber || "+-.".contains(body.first!),
              let value = Double(body), (value * scale).isFinite
        else { return nil }
        return value * scale
    }

    /// A chance: `0.3`, `30%`, `1 in 8`. Not range-checked: the caller reports out-of-range values.
    static func probability(_ text: String) -> Double? {
        let body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") {
            return amount(String(body.dropLast())).map { $0 / 100 }
        }
        let words = body.split(separator: " ", omittingEmptySubsequences: true)
        if words.count == 3, words[1].lowercased() == "in",
           let k = amount(String(words[0])), let n = amount(String(words[2])), n > 0 {
            return k / n
        }
        return amount(body)
    }

    /// Words that YAML 1.1 readers take for booleans, which riskreg refuses in favour of
    /// `true`/`false`; the value says which one was probably meant.
    static let yaml11Booleans: [String: Bool] = [
        "yes": true, "no": false, "y": true, "n": false, "on": true, "off": false,
        "true": true, "false": false,
    ]

    /// Ids start with a letter or digit, then letters, digits, `.`, `_` or `-`; at most 64.
    package static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 64,
              first.properties.isAlphabetic || ("0"..."9").contains(first), first.isASCII
        else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
    }
}
