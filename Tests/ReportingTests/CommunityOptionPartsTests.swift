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
        ("community-safety-leiden-community.md", " under “Keep the evening rounds” to start with and", ", made up of "),
        ("adult-social-care-positive-risk-community.md", " under “Shared Lives” to start with,", ", made up of "),
        ("community-safety-leiden-community.nl.html", "het startpunt „<bdi>Doorgaan met de avondrondes</bdi>” (", ", opgebouwd uit "),
    ])
    func partsAreSaidToMakeUpTheTotal(_ file: String, _ assumedPart: String, _ joiner: String) throws {
        let lines = try Self.published(file).split(separator: "\n").filter { $0.contains(assumedPart) }
        #expect(!lines.isEmpty, "no option line splits its average in \(file)")
        for line in lines {
            #expect(line.contains(joiner), "\(file): \(line.prefix(160))")
        }
    }

    /// Leiden's options without rounds run CS-03's campaign with the officer alone (another
    /// response, not another entry). Their lines gave no parts at all, so a resident could not
    /// see where their burglary figure came from. That entry is now one part, said as tackled
    /// another way, and the parts still add up as shown.
    @Test(arguments: [
        ("community-safety-leiden-community.md", "### Neighbourhood police officer and WhatsApp groups only", "“Burglaries and street robberies”: ",
         " as this option tackles “Burglary series in Stevenshof during the dark months” (CS-03) differently", "more"),
        ("community-safety-leiden-community.nl.md", "### Alleen wijkagent en WhatsApp-groepen", "„Inbraken en straatroven”: ",
         " doordat „Inbraakreeks in Stevenshof tijdens de donkere maanden” (CS-03) anders wordt aangepakt", "meer"),
    ])
    func anEntryTackledAnotherWayIsOnePart(_ file: String, _ heading: String, _ title: String, _ otherwise: String, _ more: String) throws {
        let page = try Self.published(file)
        let option = try #require(page.range(of: heading).map { String(page[$0.lowerBound...]) }, "\(file)")
        let line = try #require(option.split(separator: "\n").first { $0.hasPrefix("  - " + title) }.map(String.init), "\(option.prefix(400))")
        #expect(line.contains(otherwise), "\(line)")
        // Every figure in the line, in order: the total, then the parts, each with its direction.
        let figures = line.matches(of: #/([0-9][0-9.,]*) (?:[a-z]+ )?(meer|more|minder|fewer|less)/#).map { m in
            (Double(m.output.1.filter(\.isNumber)) ?? .nan) * (m.output.2 == Substring(more) ? 1 : -1)
        }
        #expect(figures.count >= 3, "\(line)")
        #expect(abs(figures.dropFirst().reduce(0, +) - figures[0]) <= 1, "\(line)")
    }
}
