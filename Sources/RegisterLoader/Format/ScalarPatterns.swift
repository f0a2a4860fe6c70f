/// The scalar syntaxes of ``ScalarSyntax`` and the model's date and horizon parsers, written as
/// regular expressions for the JSON Schema, so that an editor accepts exactly the text `validate`
/// reads.
///
/// The expressions use only what ECMA-262 (editors), Python's `re` (the schema test) and ICU
/// (the pattern tests) read alike: classes, `(?:...)`, `(?!...)`, `\uXXXX`. Each mirrors one
/// parser step by step; `ScalarPatternTests` checks them against the parsers on many strings.
enum ScalarPatterns {
    /// What `CharacterSet.whitespaces` trims: tab and the space separators (Unicode Zs).
    static let trimmed = #"\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"#
    /// The same without the plain space, which splits the words of `1 in 8`.
    static let trimmedButSpace = #"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"#
    /// Unicode White_Space, as `Character.isWhitespace` tests it.
    static let whitespace = #"\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"#

    // An amount is read after its edges are trimmed, its letters lowercased and every `_`
    // removed: so `_` may stand anywhere, and each atom below is followed by `_*`.
    private static let digit = "[0-9]_*"
    private static let digits = "(?:\(digit))+"
    private static let anyDigits = "(?:\(digit))*"
    private static let point = #"\._*"#
    /// `Double(text)`'s decimal forms: `12`, `12.`, `12.5`, `.5`.
    private static let mantissa = "(?:\(digits)(?:\(point)\(anyDigits))?|\(point)\(digits))"
    private static let zeroMantissa = "(?:(?:0_*)+(?:\(point)(?:0_*)*)?|\(point)(?:0_*)+)"
    private static let nonZeroMantissa =
        "(?:\(anyDigits)[1-9]_*\(anyDigits)(?:\(point)\(anyDigits))?|\(anyDigits)\(point)\(anyDigits)[1-9]_*\(anyDigits))"
    private static let exponent = "(?:[eE]_*(?:[+-]_*)?\(digits))?"
    /// `bn`, `k` or `m`, in any case (the Kelvin sign lowercases to `k`).
    private static let suffix = #"(?:[bB]_*[nN]_*|[kK\u212a]_*|[mM]_*)?"#

    private static func number(_ signedMantissa: String, suffix: String = suffix) -> String {
        "_*\(signedMantissa)\(exponent)\(suffix)"
    }

    /// Any amount, without its edges: `12_000`, `-3`, `1.5e6`, `.5k`, `1e3k`, `2bn`.
    static let amountCore = number("(?:[+-]_*)?\(mantissa)")
    /// An amount that is not below zero (`-0` is zero).
    static let nonNegativeAmountCore = number("(?:(?:\\+_*)?\(mantissa)|-_*\(zeroMantissa))")
    /// An amount above zero (the `N` of `1 in N`).
    static let positiveAmountCore = number("(?:\\+_*)?\(nonZeroMantissa)")

    private static func whole(_ core: String) -> String {
        "^[\(trimmed)]*(?:\(core))[\(trimmed)]*$"
    }

    static let amount = whole(amountCore)
    static let nonNegativeAmount = whole(nonNegativeAmountCore)
    static let positiveAmount = whole(positiveAmountCore)
    /// A rank correlation: an amount whose text does not end in `k` or `m` (checked before
    /// the edges are trimmed, as the decoder does).
    static let rankSuffix = #"[kKmM\u212a]$"#

    /// A chance as ``ScalarSyntax/probability(_:)`` reads it, range aside: an amount, an amount
    /// and `%`, or `K in N` with N above zero, its words split by spaces.
    static let probabilityCore: String = {
        let word = "[\(trimmedButSpace)]*"
        return "\(amountCore)[\(trimmed)]*%|\(word)\(amountCore)\(word) +[iI][nN] +\(word)\(positiveAmountCore)\(word)|\(amountCore)"
    }()
    static let probability = whole(probabilityCore)

    /// An id: a letter or digit, then letters, digits, `.`, `_` or `-`; at most 64 in all.
    static let id = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

    /// Text with something in it besides white space.
    static let text = "[^\(whitespace)]"

    /// A well-formed BCP 47 language tag (RFC 5646 `langtag` or a private use tag), as
    /// ``Translations/isWellFormedTag(_:)`` reads it, except that a pattern cannot see a variant or
    /// extension repeated: `en`, `nl-BE`, `zh-Hant-TW`, `es-419`.
    static let languageTag = "^(?:(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{5,8})(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
        + "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*(?:-[xX](?:-[A-Za-z0-9]{1,8})+)?|[xX](?:-[A-Za-z0-9]{1,8})+)$"

    /// A day of the Gregorian calendar from 0001-01-01 to 9999-12-31, written YYYY-MM-DD.
    static let date: String = {
        let leapYear = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
        let monthDay = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
        return "^(?!0000)(?:[0-9]{4}-\(monthDay)|\(leapYear)-02-29)$"
    }()

    /// A period: a whole number above zero and a unit, any case, singular or plural, split by
    /// spaces: `12 months`, `1 Year`.
    static let duration =
        "^ *\\+?0*[1-9][0-9]* +(?:[dD][aA][yY]|[wW][eE][eE][kK]|[mM][oO][nN][tT][hH]|[yY][eE][aA][rR])[sS]? *$"

    /// A whole number from 1, as `Int(text)` reads it: `3`, `+3`, `03`.
    static let wholeFromOne = "^\\+?0*[1-9][0-9]*$"

    /// The format version 1, as `Int(text)` reads it.
    static let versionOne = "^\\+?0*1$"

    /// An ISO 4217 currency code.
    static let currency = "^[A-Z]{3}$"

    /// One of `words` in any case, as ``NodeReader/strategy(_:)`` reads a strategy: each letter
    /// as a class of its two cases, since ECMA-262 patterns have no inline case flag.
    static func anyCase(_ words: [String]) -> String {
        let alternatives = words.map { word in
            word.map { c in
                let lower = c.lowercased(), upper = c.uppercased()
                return lower == upper ? String(c) : "[\(lower)\(upper)]"
            }.joined()
        }
        return "^(?:\(alternatives.joined(separator: "|")))$"
    }
}
