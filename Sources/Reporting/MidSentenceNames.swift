import Foundation
import RegisterModel

/// How a contributor's name reads inside a list, after its first item: "Public safety team
/// (team OOV), area coordinator (wijkregisseur) and neighbourhood police (wijkagenten)".
///
/// A register writes each name as it would head a line, so a description ("Neighbourhood police
/// (wijkagenten)") and a proper name ("Westmoor Patient and Carer Council", "Trust falls
/// prevention team", where "Trust" is the hospital trust) look alike: both start with a
/// capital. Nothing in the name says which it is, and lowering a proper name is worse than a
/// capital too many. So the rule only lowers a first letter the register itself shows to be
/// an ordinary word:
///
/// - the name has at least two words, its second word starts with a small letter;
/// - its first word is letters only (an apostrophe may end it), with a capital first letter
///   and no other capital: never an acronym, a number or "WhatsApp-…";
/// - the register's own public text (descriptions, titles, actions, statements) writes the
///   name's first two words in small letters somewhere, as words of their own: "neighbourhood
///   police", "youth workers".
///
/// Anything else keeps its capital. A name first in its list keeps it too: it follows a label
/// ("Who does it: …") or starts a sentence. The text is the community view's, so a private
/// entry's text never decides how a public page writes a name.
enum MidSentenceNames {
    /// Each of `names` that the rule lowers, with its lowered form.
    static func forms(of names: [String], prose: [String]) -> [String: String] {
        let text = " " + prose.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: " \u{1} ") + " "
        var forms: [String: String] = [:]
        for name in names where forms[name] == nil {
            if let lowered = lowered(name, in: text) { forms[name] = lowered }
        }
        return forms
    }

    /// The name with a small first letter, or nil where the rule keeps it as written.
    static func lowered(_ name: String, in text: String) -> String? {
        let words = name.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, let first = words.first, let head = first.first, head.isUppercase,
              let second = words[1].first, second.isLowercase else { return nil }
        let rest = first.dropFirst()
        let letters = rest.hasSuffix("'") || rest.hasSuffix("’") ? rest.dropLast() : rest
        guard letters.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
        let phrase = first.lowercased() + " " + String(words[1])
        guard containsAsWords(phrase, in: text) else { return nil }
        return String(head).lowercased() + String(name.dropFirst())
    }

    /// Whether `phrase` occurs in `text` with no letter or digit straight before or after it.
    static func containsAsWords(_ phrase: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: phrase) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let edge = { (c: Character?) in c.map { !($0.isLetter || $0.isNumber) } ?? true }
            if edge(before), edge(after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }
}

extension MidSentenceNames {
    /// The lowered forms for the contributors a community view shows, from that view's text.
    static func forms(for register: Register) -> [String: String] {
        var prose: [String?] = [register.metadata.description]
        for o in register.outcomes { prose += [o.title, o.description, o.baseline] }
        for a in register.appetite { prose += [a.statement] }
        for p in register.perspectives { prose += [p.weightReason] }
        for c in register.contributors { prose += [c.description] }
        for r in register.risks where !r.isConfidential {
            prose += [r.title, r.description, r.owner, r.borneBy, r.benefitTo, r.coproduction.note, r.response?.action]
            prose += r.alternativeResponses.map { $0.action as String? }
        }
        return forms(of: register.contributors.filter(\.isPublic).map(\.name), prose: prose.compactMap { $0 })
    }
}
