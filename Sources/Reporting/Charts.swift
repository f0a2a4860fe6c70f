import Foundation
import MonteCarlo
import RegisterModel
import Scoring
import TextLayer

/// The report's charts, each an SVG picture with a title, a description and its data as a table.
///
/// Palette (Okabe and Ito, safe for the common colour-vision deficiencies): residual (with
/// responses) is dark blue and solid, inherent (without) is orange and dashed, appetite points
/// are black diamonds; bars pair a dark and a light tone, so every distinction survives
/// greyscale printing. Colours are classes defined in the style block.
struct Charts {
    /// The format's text encoder, for titles, descriptions and table cells.
    let encode: @Sendable (String) -> String
    let isHTML: Bool
    let currency: String?
    let phrases: Phrasebook
    /// How a money unit is labelled, where not by its currency code: "€" in a community report.
    var moneyLabel: String? = nil

    let w = 640.0, h = 300.0
    let left = 112.0, right = 20.0, top = 16.0, bottom = 52.0

    /// The unit as a label: the currency code or the register's unit word, marked for isolation
    /// (a unit is register text; in SVG the marks are dropped).
    func unitLabel(_ unit: String) -> String { UntrustedText.isolated(unit == "money" ? (moneyLabel ?? currency ?? "money") : unit) }

    private func table(_ columns: [String], _ rows: [[String]]) -> ReportContext.DataTable {
        ReportContext.DataTable(
            columns: columns.map(encode), rows: rows.map { .init(cells: $0.map(encode)) },
            markdownRule: "|" + columns.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined())
    }

    /// - Parameter tableDescription: what the data table alone shows, for Markdown, which has
    ///   no picture: no lines, marks or colours to point at. Nil when the description says
    ///   nothing about the picture.
    private func chart(id: String, title: String, description: String, tableDescription: String? = nil, svg: SVG?,
                       columns: [String], rows: [[String]]) -> ReportContext.Chart {
        ReportContext.Chart(
            id: id, title: encode(title), description: encode(isHTML ? description : (tableDescription ?? description)),
            svg: isHTML ? (svg?.render(id: id, title: title) ?? "") : "", table: table(columns, rows))
    }

    /// Where a tick label hangs from its tick: centred, except at the ends of the axis, where
    /// it runs inwards so that it is neither cut off by the picture's edge nor set over the
    /// other axis's labels.
    static func tickAnchor(_ x: Double, from start: Double, to end: Double, label: String) -> SVG.Anchor {
        let half = SVG.textWidth(label) / 2
        if x - half < start { return .start }
        if x + half > end { return .end }
        return .middle
    }

    /// A chart's tick labels along the bottom axis from `start` to `end`.
    private func tickLabels(
        _ svg: inout SVG, _ ticks: [Double], x: (Double) -> Double, y: Double, start: Double, end: Double,
        format: (Double) -> String = { FigureFormat.amount($0) }
    ) {
        for t in ticks {
            let label = format(t)
            svg.text(label, x: x(t), y: y, anchor: Self.tickAnchor(x(t), from: start, to: end, label: label))
        }
    }

    /// A label for a bar or row, cut with an ellipsis to fit `width`: between words, so that no
    /// word is left half-written ("Family carers (o…"). Only a first word wider than `width`
    /// on its own is cut inside it.
    static func fitted(_ label: String, width: Double) -> String {
        guard SVG.textWidth(label) > width else { return label }
        var words = label.split(separator: " ").map(String.init)
        while words.count > 1 {
            words.removeLast()
            let kept = Self.trimmedForEllipsis(words.joined(separator: " "))
            if !kept.isEmpty, SVG.textWidth(kept + "…") <= width { return kept + "…" }
        }
        var cut = Substring(label)
        while !cut.isEmpty, SVG.textWidth(String(cut) + "…") > width { cut = cut.dropLast() }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// A cut label without the punctuation that would hang before its ellipsis ("carers (…",
    /// "entries:…").
    private static func trimmedForEllipsis(_ s: String) -> String {
        s.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "([{,;:–—-")))
    }

    /// The end of a label, from a word boundary, after an ellipsis, within `width`: "…1 of 2
    /// entries)". Nil when not even its last word fits.
    private static func tail(_ label: String, width: Double) -> String? {
        let words = label.split(separator: " ").map(String.init)
        var best: String?
        for start in stride(from: words.count - 1, through: 1, by: -1) {
            let tail = "…" + words[start...].joined(separator: " ")
            guard SVG.textWidth(tail) <= width else { break }
            best = tail
        }
        return best
    }

    /// A label on at most `lines` lines of `width`, broken between words; the last line ends
    /// in an ellipsis when words are left out (``fitted(_:width:)``).
    static func wrapped(_ label: String, width: Double, lines maxLines: Int) -> [String] {
        var lines: [String] = []
        var words = label.split(separator: " ").map(String.init)[...]
        while lines.count < maxLines - 1, !words.isEmpty {
            var line = words.removeFirst()
            while let next = words.first, SVG.textWidth(line + " " + next) <= width {
                line += " " + next
                words.removeFirst()
            }
            // A first word too wide for a line waits for the last line, which cuts it.
            if SVG.textWidth(line) > width { words.insert(contentsOf: line.split(separator: " ").map(String.init), at: words.startIndex); break }
            lines.append(line)
        }
        if !words.isEmpty { lines.append(fitted(words.joined(separator: " "), width: width)) }
        return lines
    }

    /// Row labels wrapped to `lines` lines of `width` (``wrapped(_:width:lines:)``), with
    /// labels that would come out alike told apart: two different names shortened to the same
    /// words each keep their own end on the last line instead ("Family carers (own estimates
    /// for…" becomes "…1 of 2 entries)"), since the reader must see which row is which.
    static func distinctLabels(_ labels: [String], width: Double, lines: Int) -> [[String]] {
        var shown = labels.map { wrapped($0, width: width, lines: lines) }
        for i in shown.indices {
            let alike = shown.indices.filter { shown[$0] == shown[i] && labels[$0] != labels[i] }
            guard !alike.isEmpty else { continue }
            for j in [i] + alike {
                if shown[j].count > 1, let end = tail(labels[j], width: width) {
                    shown[j][shown[j].count - 1] = end
                } else if shown[j].count == 1, let end = tail(labels[j], width: width / 2) {
                    // One line: its start, cut short, and its end.
                    let start = fitted(labels[j], width: width - SVG.textWidth(end) - SVG.textWidth(" "))
                    shown[j] = [(start.hasSuffix("…") ? String(start.dropLast()) : start) + " " + end]
                }
            }
        }
        return shown
    }

    /// An axis title centred at `x` in a picture `width` wide, cut with an ellipsis to stay
    /// inside it (a unit word can be as long as a register makes it). Axis titles are bold, so
    /// measured a tenth wider than plain text.
    static func axisTitle(_ label: String, centredAt x: Double, in width: Double) -> String {
        fitted(label, width: (2 * min(x, width - x) - 8) / 1.1)
    }

    private func xAxis(_ svg: inout SVG, lo: Double, hi: Double, label: String, whole: Bool = false, x: (Double) -> Double) {
        let y0 = h - bottom
        svg.line(left, y0, w - right, y0, cls: "axis")
        let ticks = Ticks.nice(lo, hi, whole: whole)
        for t in ticks {
            svg.line(x(t), y0, x(t), y0 + 4, cls: "axis")
        }
        tickLabels(&svg, ticks, x: x, y: y0 + 17, start: left, end: w)
        let centre = left + (w - left - right) / 2
        svg.text(Self.axisTitle(label, centredAt: centre, in: w), x: centre, y: h - 8, anchor: .middle, cls: "t lbl")
    }

    // MARK: Histogram

    func histogram(id: String, outcome: RegisterScore.OutcomeScore, thresholds: [Double], words ow: OutcomeWords) -> ReportContext.Chart {
        let hist = outcome.residual.histogram
        let unit = unitLabel(outcome.unit)
        // At most 20 bars: merge neighbouring bins.
        let group = max(1, Int((Double(hist.counts.count) / 20).rounded(.up)))
        var bins: [(lo: Double, hi: Double, count: Int)] = []
        var i = 0
        // A whole count over a range of at most 40 has at most one whole number per bin: one
        // bar per number, labelled with it, rather than bins with fractional edges.
        let perNumber = ow.isWholeCount && hist.binWidth <= 1
        if perNumber {
            for (k, count) in hist.counts.enumerated() where count > 0 {
                let n = (hist.lowerBound + Double(k) * hist.binWidth).rounded(.up)
                let v = ow.isGain ? -n : n
                bins.append((v - 0.5, v + 0.5, count))
            }
            if ow.isGain { bins.reverse() }
            i = hist.counts.count
        }
        while i < hist.counts.count {
            let j = min(hist.counts.count, i + group)
            let a = hist.lowerBound + Double(i) * hist.binWidth, b = hist.lowerBound + Double(j) * hist.binWidth
            // A gain's bins run the other way: the gain is −loss.
            bins.append((ow.isGain ? -b : a, ow.isGain ? -a : b, hist.counts[i..<j].reduce(0, +)))
            i = j
        }
        if ow.isGain && !perNumber { bins.reverse() }
        // A whole count over a wider range: each merged bin holds the whole numbers inside
        // it, so it is drawn and labelled by them ("3 to 4", not "2.40 to 4.80").
        let wholeBins = ow.isWholeCount && !perNumber
        if wholeBins {
            bins = bins.compactMap { bin in
                let first = bin.lo.rounded(.up), last = (bin.hi.rounded(.up) - 1)
                return last >= first ? (first - 0.5, last + 0.5, bin.count) : nil
            }
        }
        let trials = Double(max(1, outcome.residual.trials))
        let lo = bins.first?.lo ?? 0, hi = max(bins.last?.hi ?? 1, lo + 1e-9)
        let maxShare = Double(bins.map(\.count).max() ?? 1) / trials
        let yTop = Ticks.domain([maxShare]).1
        var svg = SVG(width: w, height: h)
        let x = { (v: Double) in left + (v - lo) / (hi - lo) * (self.w - left - right) }
        let y = { (p: Double) in (h - bottom) - p / yTop * (h - bottom - top) }
        for t in Ticks.nice(0, yTop, count: 4) {
            svg.line(left, y(t), self.w - right, y(t), cls: "grid")
            svg.text(FigureFormat.percent(t), x: left - 6, y: y(t) + 4, anchor: .end)
        }
        for bin in bins {
            let share = Double(bin.count) / trials
            svg.rect(x: x(bin.lo) + 0.5, y: y(share), w: x(bin.hi) - x(bin.lo) - 1, h: y(0) - y(share), cls: "bar-res",
                     title: phrases("chart.histogram.bar.range", ["range": perNumber || (wholeBins && bin.hi - bin.lo == 1) ? ow.size(bin.lo + 0.5)
                                                                    : wholeBins ? ow.range(bin.lo + 0.5, bin.hi - 0.5) : signedRange(bin.lo, bin.hi, ow),
                                                                  "share": FigureFormat.percent(share)]))
        }
        for (k, t) in thresholds.map({ ow.isGain ? -$0 : $0 }).filter({ $0 > lo && $0 < hi }).enumerated() {
            svg.line(x(t), top, x(t), h - bottom, cls: "appetite")
            // Written on the side of the line with room for it, one line lower for each
            // threshold before it so that neighbours never overlap.
            let label = phrases("chart.histogram.threshold")
            let fitsRight = x(t) + 4 + SVG.textWidth(label) <= w
            svg.text(label, x: fitsRight ? x(t) + 4 : x(t) - 4, y: top + 12 + Double(k) * 16, anchor: fitsRight ? .start : .end, cls: "t small")
        }
        // "negative = net reduction" only where the figure can go below zero.
        let axisKey = ow.isGain ? "chart.histogram.x-axis.gain" : ow.hasNetChance ? "chart.histogram.x-axis" : "chart.histogram.x-axis.harm"
        xAxis(&svg, lo: lo, hi: hi, label: phrases(axisKey, ["unit": unit]), whole: ow.isWholeCount, x: x)
        svg.text(phrases("chart.histogram.y-axis"), x: 14, y: top + (h - bottom - top) / 2, anchor: .middle, cls: "t lbl", rotate: true)
        let p50 = outcome.residual.percentile(0.5)?.value ?? .nan
        let p90 = outcome.residual.percentile(0.9)?.value ?? .nan
        // Money is lost; a count rises, or changes either way where benefits can lower it.
        let kind = ow.isGain ? "gain" : ow.unit == "money" ? "loss" : ow.hasBenefit ? "change" : "count"
        // A loss or count that can only rise, with half the years at none: "no net change or
        // better" offered a better that cannot happen.
        let none = !ow.isGain && !ow.hasBenefit && p50 == 0 && (kind == "loss" || kind == "count")
        let description = phrases("chart.histogram.description." + kind + (none ? ".none" : ""),
                                  ["outcome": UntrustedText.isolated(outcome.title), "trials": FigureFormat.count(Int(trials)),
                                   "typical": ow.outcomePhrase(p50), "bad": ow.badPhrase(p90)])
        return chart(id: id, title: phrases(kind == "loss" ? "chart.histogram.title" : "chart.histogram.title." + kind, ["outcome": UntrustedText.isolated(outcome.title)]),
                     description: description, svg: svg,
                     columns: [ow.column(unit), phrases("chart.histogram.column.trials"), phrases("chart.histogram.column.share")],
                     rows: bins.map { [perNumber || (wholeBins && $0.hi - $0.lo == 1) ? FigureFormat.amount($0.lo + 0.5)
                                       : wholeBins ? phrases("chart.range", ["from": FigureFormat.amount($0.lo + 0.5), "to": FigureFormat.amount($0.hi - 0.5)])
                                       : phrases("chart.range", ["from": FigureFormat.amount(FigureFormat.rounded($0.lo)), "to": FigureFormat.amount(FigureFormat.rounded($0.hi))]),
                                       FigureFormat.count($0.count), FigureFormat.percent(Double($0.count) / trials)] })
    }

    /// A range of directed figures with the unit on both ends: "£3,990 to £30,000", "-20 to 10 hours".
    func signedRange(_ from: Double, _ to: Double, _ ow: OutcomeWords) -> String {
        let a = FigureFormat.rounded(from), b = FigureFormat.rounded(to)
        if ow.unit == "money" { return phrases("report.range", ["from": OutcomeWords.quantity(a, unit: ow.unit, currency: ow.currency, phrases: phrases),
                                                               "to": OutcomeWords.quantity(b, unit: ow.unit, currency: ow.currency, phrases: phrases)]) }
        return phrases("report.range", ["from": FigureFormat.amount(a), "to": OutcomeWords.quantity(b, unit: ow.unit, currency: ow.currency, phrases: phrases)])
    }

    // MARK: Loss exceedance

    /// The loss exceeded with probability `p`, read off a curve by interpolation.
    static func lossAt(_ p: Double, _ curve: [OutcomeSummary.CurvePoint]) -> Double? {
        guard let first = curve.first else { return nil }
        if p >= first.probability { return first.loss }
        for (a, b) in zip(curve, curve.dropFirst()) where p <= a.probability && p >= b.probability {
            let t = a.probability == b.probability ? 0 : (a.probability - p) / (a.probability - b.probability)
            return a.loss + t * (b.loss - a.loss)
        }
        return nil
    }

    /// - Parameter appetiteRows: the table's last rows, one per appetite statement on the
    ///   outcome (harm-alone ones too, which have no point on these curves): its label and the
    ///   simulated chance of what it names, without responses and with them and the verdict.
    /// - Parameter harmLimits: the outcome's limits on harm alone, drawn apart from the net
    ///   curves (``drawHarmLimits(_:in:x:y:)``).
    func exceedance(id: String, outcome: RegisterScore.OutcomeScore, appetite lossAppetite: [(loss: Double, p: Double, label: String)],
                    appetiteRows: [[String]] = [], harmLimits: [HarmLimit] = [],
                    words ow: OutcomeWords) -> ReportContext.Chart {
        let unit = unitLabel(outcome.unit)
        // For a gain, P(loss > x) is the chance that the gain falls short of −x: the curve is
        // drawn against the gain.
        func turned(_ curve: [OutcomeSummary.CurvePoint]) -> [OutcomeSummary.CurvePoint] {
            ow.isGain ? curve.map { var c = $0; c.loss = -c.loss; return c } : curve
        }
        let lossInh = outcome.inherent.exceedanceCurve, lossRes = outcome.residual.exceedanceCurve
        let inh = turned(lossInh), res = turned(lossRes)
        let appetite = lossAppetite.map { (loss: ow.isGain ? -$0.loss : $0.loss, p: $0.p, label: $0.label) }
        let pMin = max(1e-4, min(inh.last?.probability ?? 1e-3, res.last?.probability ?? 1e-3))
        let logLo = floor(log10(pMin)), logHi = 0.0
        let harm = ow.isGain ? [] : harmLimits
        let (lo, hi) = Ticks.domain(inh.map(\.loss) + res.map(\.loss) + appetite.map(\.loss) + harm.map(\.threshold), includeZero: true)
        // The legend has a row of its own below the axis, clear of the curves and diamonds.
        let legendY = h + 14
        // The appetite's key goes on a row of its own when it would not fit beside the two
        // lines' keys (a longer phrase in another language).
        let keysWidth = [phrases("chart.legend.with"), phrases("chart.legend.without")].reduce(left) { $0 + 32 + SVG.textWidth($1) + 24 }
        let appetiteOwnRow = !appetite.isEmpty && keysWidth + 20 + SVG.textWidth(phrases("chart.legend.appetite")) > w - 4
        var svg = SVG(width: w, height: h + (appetiteOwnRow ? 44 : 26) + (harm.isEmpty ? 0 : harmLegendHeight))
        let x = { (v: Double) in left + (v - lo) / (hi - lo) * (w - left - right) }
        let y = { (p: Double) in top + (logHi - log10(max(p, pow(10, logLo)))) / (logHi - logLo) * (h - bottom - top) }
        var e = logHi
        while e >= logLo {
            let p = pow(10, e)
            svg.line(left, y(p), w - right, y(p), cls: "grid")
            // The top of the scale is a chance of 1: "1 in 1" to a board, "certain" to residents.
            let tick = e == 0 ? phrases("chart.exceedance.y-tick.certain") : phrases("chance.k-in-n", ["k": "1", "n": FigureFormat.amount(1 / p)])
            svg.text(tick, x: left - 6, y: y(p) + 4, anchor: .end)
            e -= 1
        }
        svg.polyline(inh.map { (x($0.loss), y($0.probability)) }, cls: "line-inh")
        svg.polyline(res.map { (x($0.loss), y($0.probability)) }, cls: "line-res")
        for point in appetite where point.p > 0 {
            svg.marker(x: x(point.loss), y: y(point.p), cls: "mark", title: point.label)
        }
        drawHarmLimits(harm, in: &svg, x: x, y: y)
        xAxis(&svg, lo: lo, hi: hi, label: phrases(ow.isGain ? "chart.exceedance.x-axis.gain" : "chart.exceedance.x-axis", ["unit": unit]),
              whole: ow.isWholeCount, x: x)
        svg.text(phrases(ow.isGain ? "chart.exceedance.y-axis.gain" : "chart.exceedance.y-axis"), x: 14, y: top + (h - bottom - top) / 2, anchor: .middle, cls: "t lbl", rotate: true)
        // Legend, in one row below the axis label.
        var lx = left
        for (cls, label) in [("line-res", phrases("chart.legend.with")), ("line-inh", phrases("chart.legend.without"))] {
            svg.line(lx, legendY - 4, lx + 26, legendY - 4, cls: cls)
            svg.text(label, x: lx + 32, y: legendY)
            lx += 32 + SVG.textWidth(label) + 24
        }
        if !appetite.isEmpty {
            let (ax, ay) = appetiteOwnRow ? (left, legendY + 18) : (lx, legendY)
            svg.marker(x: ax + 8, y: ay - 4, cls: "mark", title: phrases("chart.legend.appetite-marker"))
            svg.text(Self.fitted(phrases("chart.legend.appetite"), width: w - ax - 24), x: ax + 20, y: ay)
        }
        if !harm.isEmpty {
            _ = drawHarmLegend(in: &svg, y: legendY + (appetiteOwnRow ? 36 : 18))
        }
        let levels = Self.exceedanceLevels(for: outcome)
        // Residents' gain tables give a gain as a plain number and a figure below zero as the
        // net loss it is: "-31" under "Chance of a worse result than" read as a gain of minus 31.
        func cell(_ loss: Double) -> String {
            let year = ow.yearFigure(loss)
            if ow.wholeYears, ow.isGain, ow.directed(year) < 0 { return phrases("community.detail.chart.exceedance.net-loss", ["amount": ow.amount(-year)]) }
            return ow.amount(year)
        }
        // A count goes up in whole steps, so the number a row gives is passed with at most the
        // row's chance, often far less: "10 in 100: more than 1 patient" sat above a limit row
        // giving 3% for 2 patients or more.
        let levelKey = ow.isWholeCount ? "chart.exceedance.level.count" : "chart.exceedance.level"
        var rows = levels.map { p in
            [phrases(levelKey, ["frequency": phrases.naturalFrequency(p), "percent": FigureFormat.percent(p)]),
             Self.loss(passedWith: p, outcome.inherent).map(cell) ?? "—",
             Self.loss(passedWith: p, outcome.residual).map(cell) ?? "—"]
        }
        rows += appetiteRows
        var description = phrases("chart.exceedance.description" + ow.chartFamily, ["outcome": UntrustedText.isolated(outcome.title)])
        var tableDescription = phrases("chart.exceedance.description.table" + ow.chartFamily, ["outcome": UntrustedText.isolated(outcome.title)])
        if let p90 = outcome.residual.percentile(0.9)?.value, let p90i = outcome.inherent.percentile(0.9)?.value {
            // A count whose bad year is none is said as a clause of its own (residents' pages).
            let none = (ow.noneInNine(p90), ow.noneInNine(p90i))
            // Residents' prose gives a bad year as this table gives it, and as the outcome's
            // summary does (``OutcomeWords/proseBadYears(_:_:)``).
            let prose = ow.proseBadYears(p90, p90i)
            let with = none.0 ?? prose.with, without = none.1 ?? prose.without
            var key = switch none {
            case (.some, .some): "community.outcome.exceedance.none.both"
            case (.some, nil): "community.outcome.exceedance.none.with"
            case (nil, .some): "community.outcome.exceedance.none.without"
            case (nil, nil): "chart.exceedance.description.bad-year-phrase"
            }
            // The same bad year with the planned actions and without them is said once: "1 person
            // or more with them, against 1 person or more without" compared a figure with itself.
            if ow.wholeYears, none == (nil, nil), with == without { key = "community.outcome.exceedance.same" }
            description = phrases(key, ["description": description, "with": with, "without": without])
            tableDescription = phrases(key, ["description": tableDescription, "with": with, "without": without])
        }
        if !appetite.isEmpty {
            description = phrases(ow.isGain ? "chart.exceedance.description.appetite.gain" : "chart.exceedance.description.appetite", ["description": description])
        }
        if !harm.isEmpty {
            description = phrases("chart.exceedance.description.harm-limit", ["description": description])
        }
        if ow.isWholeCount {
            tableDescription += " " + phrases("chart.exceedance.description.whole-steps")
        }
        if !appetiteRows.isEmpty {
            tableDescription = phrases.plural("chart.exceedance.description.table.appetite", count: appetiteRows.count, ["description": tableDescription])
        }
        return chart(id: id, title: phrases("chart.exceedance.title" + ow.chartFamily, ["outcome": UntrustedText.isolated(outcome.title)]),
                     description: description, tableDescription: tableDescription, svg: svg,
                     columns: [phrases("chart.exceedance.column.chance" + ow.chartFamily),
                               phrases("chart.exceedance.column.without" + ow.chartFamily, ["unit": unit]),
                               phrases("chart.exceedance.column.with" + ow.chartFamily, ["unit": unit])], rows: rows)
    }

    // MARK: Tornado

    /// One entry's part in one outcome: its share of the outcome's variance after responses
    /// and its mean loss on that outcome (its own outcome, or one its effects reach).
    struct Driver {
        var id: String
        var title: String
        var share: Double
        var meanLoss: Double
        /// An activity taken on for its gain: its mean is the activity and its risk together,
        /// so a title naming the risk does not read backwards beside "a gain of …".
        var isActivity = false
        /// How a sentence names the entry, where that differs from its id (a confidential
        /// entry's marker in the board report); the chart's own labels keep the id.
        var label: String? = nil
    }

    /// The entries that move the outcome most, by the one sensitivity measure the report
    /// uses: each entry's share of the outcome's variance after responses (Cov(Xᵢ, total) /
    /// Var(total), so the shares add up to 100% and a hedge's is negative). It takes in
    /// everything uncertain about the entry at once — whether it happens, how often, how bad
    /// and how good — and it is the measure of the drivers list, so the two always agree.
    /// `drivers` are the entries scored in the headline figures, with effects on the outcome
    /// as well as entries on it.
    func tornado(id: String, outcome: RegisterScore.OutcomeScore, drivers: [Driver], words ow: OutcomeWords) -> ReportContext.Chart? {
        let ranked = drivers.filter { $0.share != 0 && $0.share.isFinite }
            .sorted { abs($0.share) > abs($1.share) || (abs($0.share) == abs($1.share) && $0.id < $1.id) }.prefix(10)
        guard let first = ranked.first else { return nil }
        let rowH = 24.0
        let height = top + Double(ranked.count) * rowH + bottom
        let (lo, hi) = (min(0, Ticks.domain(ranked.map(\.share)).0), Ticks.domain(ranked.map(\.share)).1)
        var svg = SVG(width: w, height: height)
        let plotLeft = 110.0
        let x = { (v: Double) in plotLeft + (v - lo) / (hi - lo) * (self.w - plotLeft - self.right) }
        let y0 = height - bottom
        svg.line(plotLeft, y0, w - right, y0, cls: "axis")
        let ticks = Ticks.nice(lo, hi)
        for t in ticks {
            svg.line(x(t), top, x(t), y0, cls: "grid")
        }
        tickLabels(&svg, ticks, x: x, y: y0 + 17, start: plotLeft, end: w, format: { FigureFormat.percent($0) })
        for (i, risk) in ranked.enumerated() {
            let yy = top + Double(i) * rowH
            svg.rect(x: min(x(0), x(risk.share)), y: yy + 4, w: abs(x(risk.share) - x(0)), h: rowH - 8, cls: "bar-res",
                     title: phrases("chart.tornado.bar.share", ["risk": risk.id, "share": FigureFormat.percent(risk.share)]))
            svg.text(risk.id, x: plotLeft - 8, y: yy + rowH / 2 + 4, anchor: .end)
        }
        svg.text(phrases("chart.tornado.x-axis.share"), x: plotLeft + (w - plotLeft - right) / 2, y: height - 8, anchor: .middle, cls: "t lbl")
        let topShare = FigureFormat.percent(first.share)
        return chart(id: id, title: phrases("chart.tornado.title", ["outcome": UntrustedText.isolated(outcome.title)]),
                     description: phrases("chart.tornado.description.share", ["outcome": UntrustedText.isolated(outcome.title), "risk": first.label ?? first.id, "share": topShare]),
                     tableDescription: phrases("chart.tornado.description.share.table", ["outcome": UntrustedText.isolated(outcome.title), "risk": first.label ?? first.id, "share": topShare]),
                     svg: svg,
                     columns: [phrases("chart.column.entry"), phrases("chart.column.title"), phrases("chart.tornado.column.share"),
                               phrases("chart.tornado.column.mean")],
                     rows: ranked.map { d in
                         let mean = ow.outcomePhrase(d.meanLoss)
                         return [d.id, d.title, FigureFormat.percent(d.share),
                                 d.isActivity ? phrases("report.driver.activity-mean", ["figure": mean]) : mean]
                     })
    }

    // MARK: Perspectives

    /// The most lines a perspective's name takes beside its bars before it is cut.
    static let nameLines = 8

    /// - Parameter labelLines: for each view, the phrases its name breaks between (the name,
    ///   then "(own estimates for", "1 of the 4 entries", "in this outcome)"), each wrapped on its
    ///   own; empty to wrap the title between any words.
    /// - Parameter limitColumns: columns after the chance of a net benefit, one for each limit
    ///   or aim on the outcome whose chance is of something else (harm alone, a gain above a
    ///   bar, an amount), each with a cell per view; `limitNote` says what they are. Residents'
    ///   pages give them, so that a group's "not met" can be read off its row.
    func perspectives(id: String, outcome: RegisterScore.OutcomeScore, views: [(title: String, brief: RegisterScore.OutcomeBrief)],
                      words ow: OutcomeWords, labelLines: [[String]] = [],
                      limitColumns: [(title: String, cells: [String])] = [], limitNote: String? = nil) -> ReportContext.Chart? {
        guard views.count > 1 else { return nil }
        let unit = unitLabel(outcome.unit)
        let plotLeft = 170.0
        // Names in full beside their bars, wrapped between words onto as many lines as they
        // need ("People who draw on care and support (own estimates for 4 of 7 entries)" takes
        // four); a row grows to hold its name. Only a name longer than eight lines is cut, and
        // keeps its full wording as its tooltip. Measured as drawn: without the isolation
        // marks, which SVG text drops.
        let titles = views.map { UntrustedText.clean($0.title) }
        var names = Self.distinctLabels(titles, width: plotLeft - 12, lines: Self.nameLines)
        for (i, phrases) in labelLines.enumerated() where i < names.count && !phrases.isEmpty {
            let lines = phrases.flatMap { Self.wrapped($0, width: plotLeft - 12, lines: Self.nameLines) }
            if lines.count <= Self.nameLines { names[i] = lines }
        }
        let rowHeights = names.map { max(40.0, Double($0.count) * 16 + 8) }
        let rowTops = rowHeights.indices.map { i in top + rowHeights[..<i].reduce(0, +) }
        let height = top + rowHeights.reduce(0, +) + bottom + 20
        let values = views.flatMap { [ow.directed($0.brief.mean.residual.value), ow.directed($0.brief.p90.residual.value)] }
        let (lo, hi) = Ticks.domain(values)
        var svg = SVG(width: w, height: height)
        let x = { (v: Double) in plotLeft + (v - lo) / (hi - lo) * (self.w - plotLeft - self.right) }
        let y0 = height - bottom - 20
        svg.line(plotLeft, y0, w - right, y0, cls: "axis")
        let ticks = Ticks.nice(lo, hi, whole: ow.isWholeCount)
        for t in ticks {
            svg.line(x(t), top, x(t), y0, cls: "grid")
        }
        tickLabels(&svg, ticks, x: x, y: y0 + 17, start: plotLeft, end: w)
        svg.line(x(0), top, x(0), y0, cls: "ref")
        for (i, view) in views.enumerated() {
            let rowH = rowHeights[i]
            // The two bars sit in the middle of a row made taller for a long name.
            let yy = rowTops[i], bars = rowTops[i] + (rowH - 40) / 2
            let mean = ow.directed(view.brief.mean.residual.value), p90 = ow.directed(view.brief.p90.residual.value)
            svg.rect(x: min(x(0), x(p90)), y: bars + 4, w: abs(x(p90) - x(0)), h: 14, cls: "bar-light",
                     title: phrases("chart.perspectives.bar.bad-year", ["perspective": view.title,
                                                                        "figure": ow.wholeYears ? ow.chartBad(view.brief.p90.residual.value) : ow.badPhrase(view.brief.p90.residual.value)]))
            svg.rect(x: min(x(0), x(mean)), y: bars + 20, w: abs(x(mean) - x(0)), h: 14, cls: "bar-res",
                     title: phrases("chart.perspectives.bar.average", ["perspective": view.title,
                                                                       "figure": ow.wholeYears ? ow.chartAverage(view.brief.mean.residual.value) : ow.outcomePhrase(view.brief.mean.residual.value)]))
            let name = names[i]
            svg.lines(name, x: plotLeft - 8, y: yy + (rowH - Double(name.count) * 16) / 2 + 12, lineHeight: 16, anchor: .end,
                      title: name == [titles[i]] ? nil : titles[i])
        }
        let centre = plotLeft + (w - plotLeft - right) / 2
        svg.text(Self.axisTitle(phrases(ow.isGain ? "chart.perspectives.x-axis.gain" : "chart.perspectives.x-axis", ["unit": unit]), centredAt: centre, in: w),
                 x: centre, y: y0 + 36, anchor: .middle, cls: "t lbl")
        svg.rect(x: plotLeft, y: height - 16, w: 14, h: 10, cls: "bar-light")
        // A gain's bad year is its low tail: the loss's P90 turned round is the gain's P10.
        svg.text(phrases(ow.isGain ? "chart.perspectives.legend.p10.gain" : "chart.perspectives.legend.p90"), x: plotLeft + 20, y: height - 7)
        svg.rect(x: plotLeft + 200, y: height - 16, w: 14, h: 10, cls: "bar-res")
        svg.text(phrases("chart.perspectives.legend.mean"), x: plotLeft + 220, y: height - 7)
        let g = ow.isGain ? ".gain" : ""
        let description = phrases("chart.perspectives.description" + g, ["outcome": UntrustedText.isolated(outcome.title)])
        // An outcome that can only rise (no benefit on it) has no chance of a net reduction to
        // show, and no minus sign to explain: its table leaves both out.
        let h = ow.hasNetChance ? (ow.countsInWords && !ow.isGain ? ".count" : g) : ".harm"
        // Where another option lowers it, it can only rise under the one assumed, and is said so.
        var tableDescription = phrases("chart.perspectives.description.table" + h + (h == ".harm" && ow.lowersUnderOtherOptions ? ".assumed" : ""),
                                       ["outcome": UntrustedText.isolated(outcome.title)])
        var columns = [phrases("chart.perspectives.column.perspective"), phrases("chart.perspectives.column.mean" + h, ["unit": unit]),
                       phrases("chart.perspectives.column.p90" + g, ["unit": unit])]
        // Residents read of money what goes down: a saving, as the averages beside it say.
        if ow.hasNetChance {
            columns.append(phrases(ow.isGain ? "chart.perspectives.column.net-gain"
                                   : ow.wholeYears && ow.unit == "money" ? "community.chart.perspectives.column.saving" : "chart.perspectives.column.net-reduction"))
        }
        columns += limitColumns.map(\.title)
        var described = description
        if let limitNote, !limitColumns.isEmpty {
            tableDescription += " " + limitNote
            described += " " + limitNote
        }

        return chart(id: id, title: phrases("chart.perspectives.title", ["outcome": UntrustedText.isolated(outcome.title)]), description: described,
                     tableDescription: tableDescription, svg: svg, columns: columns,
                     rows: views.enumerated().map { k, view in
                         // Residents' gains below zero are the net losses they are: "-92" under
                         // "Gain in a 1 in 10 bad year" read as a gain of minus 92.
                         func cell(_ loss: Double) -> String {
                             if ow.wholeYears, ow.isGain, ow.directed(loss) < 0 {
                                 return phrases("community.detail.chart.exceedance.net-loss", ["amount": ow.amount(-loss)])
                             }
                             return ow.amount(loss)
                         }
                         let figures = [view.title, cell(view.brief.mean.residual.value), cell(ow.yearFigure(view.brief.p90.residual.value))]
                         let limits = limitColumns.map { $0.cells.indices.contains(k) ? $0.cells[k] : "—" }
                         return (ow.hasNetChance ? figures + [FigureFormat.simulatedPercent(view.brief.probabilityNetBenefit.residual.value)] : figures) + limits
                     })
    }

    // MARK: Heat map

    /// The heat map's five likelihood bands, rarest first: a name and its range.
    var likelihoodBands: [(name: String, range: String)] {
        (1...5).map { (phrases("chart.heat.likelihood.\($0)"), phrases("chart.heat.likelihood.\($0).range")) }
    }

    /// The heat map's five impact bands, least first.
    var impactBands: [String] { (1...5).map { phrases("chart.heat.impact.\($0)") } }

    /// A likelihood band in full: "Rare (under 5%)".
    func band(_ index: Int) -> String {
        phrases("chart.heat.band", ["name": likelihoodBands[index].name, "range": likelihoodBands[index].range])
    }

    static func likelihoodBand(_ p: Double) -> Int {
        p < 0.05 ? 0 : p < 0.2 ? 1 : p < 0.5 ? 2 : p < 0.8 ? 3 : 4
    }

    /// Impact band of a harm as a fraction of its outcome's reference amount.
    static func impactBand(_ ratio: Double) -> Int {
        ratio < 0.05 ? 0 : ratio < 0.15 ? 1 : ratio < 0.4 ? 2 : ratio < 1 ? 3 : 4
    }

    struct Placed {
        var id: String
        var title: String
        var probability: Double
        var harm: Double
        var reference: Double
        /// Whether the reference is an appetite threshold (else the outcome's spread).
        var referenceIsThreshold: Bool
        var unit: String
        var words: OutcomeWords
        /// Whether `harm` is net of the entry's benefit (its outcome's appetite is on the net
        /// outcome), rather than harm alone.
        var netOfBenefit = false
        /// For an entry placed by its harm whose benefit outweighs that harm on average: its mean
        /// net loss (negative). The grid marks it, so an activity that does more good than harm
        /// never reads as a top risk.
        var netGain: Double? = nil
        /// How the board report names the entry where it names it by id alone: a confidential
        /// entry's id with its "(confidential)" marker, as everywhere else; nil for the id as it is.
        var markedID: String? = nil
        /// In the board report, where the entry is placed by its harm on an outcome other than
        /// its own: that outcome's title, so the harm figure names where it comes from.
        var placedOn: String? = nil
        /// In the board report, where the reference amount comes from, beside it
        /// (``ReportBuilder/boardYardstick(_:threshold:)``); nil to show the amount alone.
        var referenceNote: String? = nil
    }

    /// - Parameter placedByOtherOutcome: entries placed by their harm on an outcome other than
    ///   their own (the one where it weighs most), named in the description so that a reader
    ///   of "€7,900" beside "Major" knows another outcome placed it.
    func heatMap(id: String, placed: [Placed], placedByOtherOutcome: [String] = []) -> ReportContext.Chart {
        let size = 5
        let cell = 96.0, gx = 150.0, gy = 12.0
        let marked = placed.filter { $0.netGain != nil }.map(\.id)
        // A confidential entry carries its marker in the grid as everywhere else: in a cell, where
        // "(confidential)" does not fit, as a symbol the legend explains; in the cell's title and
        // the table, in full.
        let confidential = placed.contains { $0.markedID != nil }
        // The axis title and the legends wrap onto a second line rather than being cut short
        // (a longer phrase in another language); the picture grows to hold them.
        let width = gx + cell * 5 + 12
        let axisLines = Self.wrapped(phrases("chart.heat.x-axis"), width: (2 * min(gx + cell * 2.5, width - gx - cell * 2.5) - 8) / 1.1, lines: 2)
        let legendWidth = gx + cell * 5 - 8
        let legendTexts = (marked.isEmpty ? [] : [phrases("chart.heat.legend.net-gain")])
            + (confidential ? [phrases("chart.heat.legend.confidential", ["symbol": phrases("chart.heat.confidential.symbol")])] : [])
        let legendLines = legendTexts.map { Self.wrapped($0, width: legendWidth, lines: 2) }
        let extra = Double(axisLines.count - 1) * 16 + Double(legendLines.reduce(0) { $0 + $1.count }) * 20
        var svg = SVG(width: width, height: gy + cell * 5 + 70 + extra)
        var cells = [[String]](repeating: [], count: size * size)
        var named = [[String]](repeating: [], count: size * size)
        for p in placed {
            let li = Self.likelihoodBand(p.probability)
            let ii = Self.impactBand(p.reference > 0 ? p.harm / p.reference : 0)
            let symbol = p.markedID == nil ? "" : phrases("chart.heat.confidential.symbol")
            cells[li * size + ii].append(p.id + symbol + (p.netGain == nil ? "" : "*"))
            named[li * size + ii].append((p.markedID ?? p.id) + (p.netGain == nil ? "" : "*"))
        }
        for li in 0..<size {
            let yy = gy + Double(size - 1 - li) * cell
            svg.text(likelihoodBands[li].name, x: gx - 8, y: yy + cell / 2, anchor: .end)
            svg.text(phrases("chart.heat.range", ["range": likelihoodBands[li].range]), x: gx - 8, y: yy + cell / 2 + 15, anchor: .end, cls: "t small")
            for ii in 0..<size {
                let xx = gx + Double(ii) * cell
                let score = (li + 1) * (ii + 1)
                let level = score >= 15 ? 3 : score >= 8 ? 2 : score >= 4 ? 1 : 0
                let ids = cells[li * size + ii]
                let names = named[li * size + ii]
                svg.rect(x: xx, y: yy, w: cell, h: cell, cls: "heat\(level)",
                         title: phrases("chart.heat.cell", ["likelihood": band(li), "impact": impactBands[ii],
                                                             "entries": names.isEmpty ? phrases("chart.heat.none") : names.joined(separator: ", ")]))
                for (k, rid) in ids.prefix(4).enumerated() {
                    svg.text(k == 3 && ids.count > 4 ? phrases("chart.heat.more", ["count": String(ids.count - 3)]) : rid, x: xx + cell / 2, y: yy + 22 + Double(k) * 20, anchor: .middle, cls: level >= 3 ? "t on-dark" : "t")
                }
            }
        }
        for ii in 0..<size {
            svg.text(impactBands[ii], x: gx + (Double(ii) + 0.5) * cell, y: gy + cell * 5 + 18, anchor: .middle)
        }
        svg.lines(axisLines, x: gx + cell * 2.5, y: gy + cell * 5 + 44, lineHeight: 16, anchor: .middle, cls: "t lbl")
        svg.text(phrases("chart.heat.y-axis"), x: 14, y: gy + cell * 2.5, anchor: .middle, cls: "t lbl", rotate: true)
        var legendY = gy + cell * 5 + 82 + Double(axisLines.count - 1) * 16
        for lines in legendLines {
            svg.lines(lines, x: 8, y: legendY, lineHeight: 20, cls: "t small")
            legendY += Double(lines.count) * 20
        }
        let thresholds = placed.filter(\.referenceIsThreshold).count
        let reference = phrases(thresholds == placed.count ? "chart.heat.reference.threshold"
                                : thresholds == 0 ? "chart.heat.reference.spread" : "chart.heat.reference.mixed")
        // Entries placed by their harm net of benefit are named, so the grid never reads as
        // harm alone where it is not.
        let netted = placed.filter(\.netOfBenefit).map(\.id)
        // The * is explained wherever it is shown, also where no entry is placed net of its
        // benefit: the Markdown table has no legend beneath a grid to explain it.
        let net = (netted.isEmpty ? "" : " " + phrases("chart.heat.description.net", ["entries": netted.joined(separator: phrases("report.list.separator"))]))
            + (marked.isEmpty ? "" : " " + phrases("chart.heat.description.net-gain", ["entries": marked.joined(separator: phrases("report.list.separator"))]))
        let worst = placedByOtherOutcome.isEmpty ? "" : " " + phrases("chart.heat.description.worst-effect",
                                                                      ["entries": placedByOtherOutcome.joined(separator: phrases("report.list.separator"))])
        // The board reads a two-line summary first, then each part of the description as an
        // item of its own: one paragraph of about 200 words could not be followed.
        // "Benefits are not counted" followed by "except … net of its benefit" read as a
        // contradiction: where an entry is placed net of its benefit, the rule names the exception.
        let summary = phrases(netted.isEmpty ? "chart.heat.lead" : "chart.heat.lead.except")
        let benefits = phrases(netted.isEmpty ? "chart.heat.benefits" : "chart.heat.benefits.except")
        let parts = [phrases(isHTML ? "chart.heat.description" : "chart.heat.description.table", ["reference": reference, "benefits": benefits]), net, worst]
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var made = chart(id: id, title: phrases("chart.heat.title"), description: phrases("chart.heat.description", ["reference": reference, "benefits": benefits]) + net + worst,
                     tableDescription: phrases("chart.heat.description.table", ["reference": reference, "benefits": benefits]) + net + worst, svg: svg,
                     columns: [phrases("chart.column.entry")] + ["likelihood", "impact", "chance", "harm", "reference"].map { phrases("chart.heat.column." + $0) },
                     rows: placed.map { p in
                         let ii = Self.impactBand(p.reference > 0 ? p.harm / p.reference : 0)
                         // The row carries the grid's mark, so the table's "marked *" finds it.
                         return [phrases("chart.heat.entry", ["id": (p.markedID ?? p.id) + (p.netGain == nil ? "" : "*"), "title": p.title]),
                                 band(Self.likelihoodBand(p.probability)),
                                 phrases("chart.heat.band", ["name": impactBands[ii], "range": phrases("chart.heat.impact.\(ii + 1).range", ["reference": p.words.size(p.reference)])]),
                                 FigureFormat.simulatedPercent(p.probability),
                                 { harm in p.placedOn.map { phrases("chart.heat.harm.on", ["harm": harm, "outcome": $0]) } ?? harm }(
                                     p.netOfBenefit ? phrases("chart.heat.harm.net", ["amount": p.words.size(p.harm)])
                                     : p.netGain.map { phrases("chart.heat.harm.net-gain", ["amount": p.words.size(p.harm), "net": p.words.outcomePhrase($0)]) }
                                     ?? p.words.size(p.harm)),
                                 p.referenceNote.map { phrases("chart.heat.reference-cell", ["amount": p.words.size(p.reference), "note": $0]) }
                                     ?? p.words.size(p.reference)]
                     })
        made.lead = encode(summary)
        made.points = parts.map(encode)
        return made
    }
}
