import RegisterModel
import Scoring
import TextLayer

/// How a test on harm alone differs from a test on an outcome's net figure, where a page has
/// both.
///
/// One verdict said "net of benefits" and the next "counting only the harm the entries cause",
/// and a reader could not tell that the two tests count differently: one sets what the entries
/// prevent against what they cause, the other counts what they cause even where they prevent
/// more. The harm test says so, naming the net tests on the same page.
extension ReportBuilder {
    /// One sentence for harm-alone statement `v`, naming the statements on other outcomes that
    /// are tested net of what the entries prevent; nil where there are none or for residents.
    func harmTestUnlikeNet(_ v: RegisterScore.AppetiteVerdict) -> String? {
        guard !isCommunity, v.kind == .harmExceeds else { return nil }
        let withBenefits = outcomesWithBenefits
        var seen = Set<String>()
        let net = score.appetite.filter { $0.outcome != v.outcome && $0.kind != .harmExceeds && withBenefits.contains($0.outcome) }
            .map(\.outcome).filter { seen.insert($0).inserted }
        guard !net.isEmpty else { return nil }
        return phrases.plural("report.verdict.harm-unlike-net", count: net.count, ["outcomes": listInWords(net.map { iso(register.outcome($0)?.title ?? $0) })])
    }
}
