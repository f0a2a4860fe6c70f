/// How a language writes figures: its decimal and thousands separators and where its currency
/// signs go ("1,234.5" and "€1,234" in English; "1.234,5" and "€ 1.234" in Dutch).
///
/// ``FigureFormat`` writes every figure in the English style and passes it through the style in
/// force (``FigureFormat/style``), so the one place that writes digits stays one place and a
/// language changes only the separators and the currency pattern. A report sets the style of
/// its language around building its text; everything else (validate, score tables, CSV, JSON)
/// keeps the English style.
public struct NumberStyle: Sendable, Equatable {
    /// The decimal separator: `.` in English, `,` in Dutch.
    public var decimal: String
    /// The thousands separator: `,` in English, `.` in Dutch.
    public var group: String
    /// Currency code → pattern with `{amount}`: `€{amount}` in English, `€ {amount}` in Dutch.
    /// A currency without a pattern is written `1,234 CHF`.
    public var currencies: [String: String]

    public init(decimal: String, group: String, currencies: [String: String]) {
        self.decimal = decimal
        self.group = group
        self.currencies = currencies
    }

    /// The style of the English catalogue, and of everything that is not a report.
    public static let english = NumberStyle(decimal: ".", group: ",", currencies: ["EUR": "€{amount}", "GBP": "£{amount}", "USD": "${amount}"])

    /// A figure written in the English style (`-1,234.5`, `12.5%`, `2.3×`, `1.7e19`) in this
    /// style: the separators swapped at once, nothing else touched.
    public func localise(_ figure: String) -> String {
        guard decimal != "." || group != "," else { return figure }
        var out = ""
        for ch in figure {
            switch ch {
            case ".": out += decimal
            case ",": out += group
            default: out.append(ch)
            }
        }
        return out
    }

    /// An amount of money already written in this style, with its currency's sign or code.
    public func money(_ figure: String, currency: String?) -> String {
        guard let currency else { return figure }
        guard let pattern = currencies[currency] else { return figure + " " + currency }
        return Phrasebook.fill(pattern, ["amount": figure])
    }
}

extension FigureFormat {
    /// The number style figures are written in; English unless a report sets its language's
    /// style for the time it builds its text (`FigureFormat.$style.withValue(…) { … }`).
    @TaskLocal public static var style: NumberStyle = .english
}

extension Phrasebook {
    /// The language's number style, from the catalogue's `number.decimal`, `number.group` and
    /// `money.CODE` phrases (English where a catalogue is silent).
    public var numberStyle: NumberStyle {
        var currencies = NumberStyle.english.currencies
        for (key, value) in phrases where key.hasPrefix("money.") { currencies[String(key.dropFirst("money.".count))] = value }
        return NumberStyle(decimal: phrases["number.decimal"] ?? ".", group: phrases["number.group"] ?? ",", currencies: currencies)
    }

    /// A calendar day in words: "30 November 2026", "30 november 2026".
    public func date(year: Int, month: Int, day: Int) -> String {
        self("date.day-month-year", ["day": String(day), "month": self("month.\(month)"), "year": String(year)])
    }
}
