import Foundation
import TextLayer

/// A price per unit worked out from the two figures the page shows, so a reader who divides
/// them gets it.
///
/// "£45,800 … about £605,000 per incident" beside "0.076 incidents" divides the unrounded
/// figures; a councillor with a calculator makes it £603,000 and doubts the rest. The money and
/// the amount are rounded as the page writes them before the one is divided by the other.
extension ReportBuilder {
    /// `money` over `amount`, each as the page writes it (money to the report's money rule,
    /// another unit to three significant figures and the decimals ``FigureFormat/amount(_:)``
    /// keeps); the unrounded ratio where the amount rounds to nothing. `moneyAsShown` says that
    /// `money` is already a figure as the page prints it (a difference of two printed figures
    /// all told, ``allToldDifference(_:_:_:)``), which is then not rounded again.
    func priceAsShown(_ money: Double, per amount: Double, unit: String, moneyAsShown: Bool = false) -> Double {
        let shown = Self.asShown(amount, unit: unit)
        guard shown != 0 else { return money / amount }
        return (moneyAsShown ? money.rounded() : Self.asShown(money, unit: "money")) / shown
    }

    /// `value` as the page writes it.
    static func asShown(_ value: Double, unit: String) -> Double {
        guard unit != "money" else { return FigureFormat.money(value) }
        let r = FigureFormat.rounded(value)
        let m = abs(r)
        guard m < 100, m != m.rounded() else { return r }
        let scale = pow(10, m < 1 ? 3.0 : m < 10 ? 2 : 1)
        return (r * scale).rounded() / scale
    }
}
