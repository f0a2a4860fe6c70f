import Foundation
import RegisterModel
import TextLayer

/// Whether the money figure of a response that does not pay for itself already measures who
/// bears the entry's harm.
///
/// "It is there for “The ward budget, which pays …, and the patient …”, whom no money figure
/// here measures" contradicted itself: the money outcome is the ward budget. Where the
/// register's "who bears the harm" names what the money outcome is counted against (its
/// baseline, "the ward budget"), the page says the money counts only that part; where it names
/// nothing else, the money measures all of it and no case for keeping the response is made.
extension ReportBuilder {
    /// What bears an entry's harm beyond its money outcome, for the clause after a response
    /// that saves less than it costs.
    enum Bearer {
        /// The register names nobody the money figure measures.
        case unmeasured
        /// It names what the money outcome is counted against (`baseline`) and others besides.
        case partly(baseline: String)
        /// It names only what the money outcome is counted against.
        case measured
    }

    /// How `who` (the entry's "who bears the harm") stands against money outcome `outcome`.
    ///
    /// A money outcome counts the money of the organisation that keeps the register: "the
    /// council when a claim falls to it" is what "Adult social care budget" counts, although the
    /// outcome's baseline is "the 2027/28 commissioning plan". So the organisation, named in
    /// `who` as "the council" or "the trust" (a definite article and a word of the organisation's own
    /// name, its first word or the last word before any comma), is measured as its baseline is.
    func bearer(_ who: String, outcome: String) -> Bearer {
        guard let o = register.outcome(outcome) else { return .unmeasured }
        let names = [o.baseline, o.baselineShort].compactMap { $0 }.map(Self.withoutArticle).filter { $0.count > 3 }
        let lower = who.lowercased()
        let matched: (name: String, said: String)
        if let name = names.first(where: { lower.contains($0.lowercased()) }), let baseline = o.baseline ?? o.baselineShort {
            matched = (name, baseline)
        } else if let body = organisationNamed(in: who) {
            matched = (body.word, body.said)
        } else {
            return .unmeasured
        }
        // What is left once that name and the small words are taken out: someone else, or nobody.
        let rest = lower.replacingOccurrences(of: matched.name.lowercased(), with: " ")
        let words = rest.split { !$0.isLetter }.filter { !["the", "a", "an", "and", "its", "their", "of"].contains($0) }
        return words.joined().count < 8 ? .measured : .partly(baseline: matched.said)
    }

    /// The organisation that keeps the register as `who` names it ("the council"), with the
    /// word matched; nil when `who` does not name it. Only a word of the organisation's own name
    /// after an article counts, so "Residents of Leiden Noord" is not "Gemeente Leiden".
    func organisationNamed(in who: String) -> (word: String, said: String)? {
        let first = register.metadata.organisation.split(separator: ",").first.map(String.init) ?? ""
        let own = [first.split(separator: " ").first, first.split(separator: " ").last].compactMap { $0 }
            .map { $0.lowercased() }.filter { $0.count > 3 && $0.allSatisfy(\.isLetter) }
        let tokens = who.split { !$0.isLetter && $0 != "’" && $0 != "'" }.map(String.init)
        for (article, word) in zip(tokens, tokens.dropFirst())
        where Self.definiteArticles.contains(article.lowercased()) && own.contains(word.lowercased()) {
            return (word, article.lowercased() + " " + word)
        }
        return nil
    }

    /// The definite articles of every built-in language (English the; Dutch de, het), from each
    /// catalogue's `article.definite` ("de|het"). Every language's, not only the report's: the
    /// register's "who bears the harm" is written in the register's languages, which an English
    /// report of a Dutch register reads as written. Adding a language stays adding a catalogue.
    static let definiteArticles: Set<String> = Set(Phrasebook.languages.flatMap { language in
        (Phrasebook.builtIn(language)?.phrases["article.definite"] ?? "").split(separator: "|").map { $0.lowercased() }
    })

    /// "the ward budget" → "ward budget": the name as it may appear inside a sentence.
    static func withoutArticle(_ s: String) -> String {
        for article in ["the ", "The ", "a ", "an "] where s.hasPrefix(article) { return String(s.dropFirst(article.count)) }
        return s
    }
}
