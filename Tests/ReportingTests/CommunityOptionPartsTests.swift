import Foundation
import Testing
import _TestSupport

/// An option's average on a residents' page is a total followed by the parts it is made of.
/// Joined by a bare colon ("about 14 incidents more than the police forecast: about 4 more with
/// …, about 14 more without …"), a part that happens to equal the total read as a rival total.
/// The parts are introduced as what the total is made up of.
@Suite("Community report: an option's average and its parts")
struct CommunityOptionPartsTests {
    static func published(_ file: String) throws -> String {
        try String(contentsOfFile: TestSupport.path("docs/examples/\(file)"), encoding: .utf8)
    }

    /// Every option line that splits its average into the headline option's part and the
    /// entries it changes says that the parts make up the total, in English and in Dutch.
    @Test(arguments: [
        ("community-safety-leiden-community.md", " with “Keep the evening rounds” and", ", made up of "),
        ("adult-social-care-positive-risk-community.md", " with “Shared Lives”,", ", made up of "),
        ("community-safety-leiden-community.nl.html", " bij „<bdi>De avondrondes houden</bdi>” en", ", opgebouwd uit "),
    ])
    func partsAreSaidToMakeUpTheTotal(_ file: String, _ assumedPart: String, _ joiner: String) throws {
        let lines = try Self.published(file).split(separator: "\n").filter { $0.contains(assumedPart) }
        #expect(!lines.isEmpty, "no option line splits its average in \(file)")
        for line in lines {
            #expect(line.contains(joiner), "\(file): \(line.prefix(160))")
        }
    }
}
