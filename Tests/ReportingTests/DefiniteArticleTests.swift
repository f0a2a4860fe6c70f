import Foundation
@testable import Reporting
import Testing
import TextLayer
import _TestSupport

/// The articles that mark the register's own organisation in "who bears the harm" ("the
/// council", "de gemeente") come from the language catalogues, so that adding a language
/// stays adding one catalogue file.
@Suite struct DefiniteArticleTests {
    @Test func theArticlesAreEachCataloguesOwn() throws {
        #expect(ReportBuilder.definiteArticles == ["the", "de", "het"])
        for language in Phrasebook.languages {
            let articles = try #require(Phrasebook.builtIn(language)?.phrases["article.definite"], "\(language)")
            #expect(!articles.isEmpty, "\(language)")
        }
    }

    /// No language's words are written into the code that reads who bears the harm.
    @Test func noArticleIsWrittenIntoTheCode() throws {
        let source = try String(contentsOfFile: TestSupport.path("Sources/Reporting/ReportBuilder+UnmeasuredBearer.swift"), encoding: .utf8)
        #expect(!source.contains(#"["the", "de", "het"]"#))
        #expect(!source.contains(#""het""#))
    }
}
