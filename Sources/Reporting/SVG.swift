import Foundation
import TextLayer

/// A small SVG writer for the report's charts. Text goes through ``HTMLText/escape(_:)``, the
/// same encoder as the rest of an HTML report; colours come from classes in the report's one
/// style block, so charts need neither `style` attributes nor scripts.
struct SVG {
    let width: Double
    let height: Double
    private(set) var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// A coordinate to one decimal. Not-a-number draws at 0 and the infinities at ±10⁶, far
    /// outside any picture, so a degenerate figure can never trap or break the markup.
    static func n(_ v: Double) -> String {
        let v = v.isNaN ? 0 : min(max(v, -1e6), 1e6)
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }

    mutating func rect(x: Double, y: Double, w: Double, h: Double, cls: String, title: String? = nil) {
        body += "<rect class=\"\(cls)\" x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, w)))\" height=\"\(Self.n(max(0, h)))\""
        if let title { body += "><title>\(HTMLText.escape(title))</title></rect>" } else { body += "/>" }
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, cls: String) {
        body += "<line class=\"\(cls)\" x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\"/>"
    }

    mutating func polyline(_ points: [(Double, Double)], cls: String) {
        guard !points.isEmpty else { return }
        body += "<polyline class=\"\(cls)\" points=\"" + points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ") + "\"/>"
    }

    mutating func marker(x: Double, y: Double, cls: String, title: String) {
        let s = 6.0
        body += "<path class=\"\(cls)\" d=\"M\(Self.n(x)) \(Self.n(y - s))L\(Self.n(x + s)) \(Self.n(y))L\(Self.n(x)) \(Self.n(y + s))L\(Self.n(x - s)) \(Self.n(y))Z\"><title>\(HTMLText.escape(title))</title></path>"
    }

    /// A round dot of radius 5, with `title` as its tooltip: a single simulated chance, where a
    /// diamond is a limit.
    mutating func dot(x: Double, y: Double, cls: String, title: String) {
        body += "<circle class=\"\(cls)\" cx=\"\(Self.n(x))\" cy=\"\(Self.n(y))\" r=\"5\"><title>\(HTMLText.escape(title))</title></circle>"
    }

    enum Anchor: String { case start, middle, end }

    /// The font size of chart text, in picture units (the style block's `svg .t`).
    static let fontSize = 13.0

    /// A generous estimate of how wide `s` is set in the chart font: 0.62 em per character
    /// (wider than the average of system sans-serif fonts, so labels placed by it are not cut).
    static func textWidth(_ s: String) -> Double {
        Double(s.count) * fontSize * 0.62
    }

    mutating func text(_ s: String, x: Double, y: Double, anchor: Anchor = .start, cls: String = "t", rotate: Bool = false) {
        let transform = rotate ? " transform=\"rotate(-90 \(Self.n(x)) \(Self.n(y)))\"" : ""
        body += "<text class=\"\(cls)\" x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" text-anchor=\"\(anchor.rawValue)\"\(transform)>\(HTMLText.escape(s))</text>"
    }

    /// Lines of text set one under another from `y`, `lineHeight` apart, with `title` as the
    /// tooltip and accessible name of the group: a label shortened to fit keeps its full wording
    /// there.
    mutating func lines(_ lines: [String], x: Double, y: Double, lineHeight: Double = 15, anchor: Anchor = .start,
                        cls: String = "t", title: String? = nil) {
        if let title { body += "<g><title>\(HTMLText.escape(title))</title>" }
        for (i, line) in lines.enumerated() {
            text(line, x: x, y: y + Double(i) * lineHeight, anchor: anchor, cls: cls)
        }
        if title != nil { body += "</g>" }
    }

    /// The finished picture: `role="img"`, labelled by its title and described by the chart's
    /// description element outside it.
    func render(id: String, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" aria-labelledby=\"\(id)-t\" aria-describedby=\"\(id)-d\"><title id=\"\(id)-t\">\(HTMLText.escape(title))</title>\(body)</svg>"
    }
}

/// Round tick values for a linear axis.
enum Ticks {
    /// Round ticks from `lo` to `hi`, about `count` of them; with `whole`, at whole numbers only
    /// (a count of incidents has no tick at 2.5).
    static func nice(_ lo: Double, _ hi: Double, count: Int = 5, whole: Bool = false) -> [Double] {
        guard lo.isFinite, hi.isFinite else { return [0] }
        if !(hi > lo) { return [lo] }
        let raw = (hi - lo) / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        var step = (whole ? [1.0, 2, 5, 10] : [1.0, 2, 2.5, 5, 10]).map { $0 * magnitude }.first { $0 >= raw } ?? raw
        if whole { step = max(1, step.rounded(.up)) }
        guard step.isFinite, step > 0 else { return [lo, hi] }
        var ticks: [Double] = []
        var t = (lo / step).rounded(.down) * step
        // A step below the figures' resolution would never move `t`: at most count × 3 ticks.
        while t <= hi + step * 1e-9, ticks.count <= count * 3, t + step > t {
            if t >= lo - step * 1e-9 { ticks.append(abs(t) < step * 1e-9 ? 0 : t) }
            t += step
        }
        return ticks
    }

    /// A range that includes both values and zero, padded to tick boundaries.
    static func domain(_ values: [Double], includeZero: Bool = true) -> (Double, Double) {
        var lo = values.filter(\.isFinite).min() ?? 0
        var hi = values.filter(\.isFinite).max() ?? 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if !(hi > lo) { hi = lo + 1 }
        let ticks = nice(lo, hi)
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : (hi - lo)
        return ((lo / step).rounded(.down) * step, (hi / step).rounded(.up) * step)
    }
}
