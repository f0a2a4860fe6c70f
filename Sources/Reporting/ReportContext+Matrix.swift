extension ReportContext {
    /// The organisation's own likelihood × impact matrix, as its register defines it (scales,
    /// labels, rating rule), with each entry placed from the simulation's inputs and beside the
    /// ratings the register states.
    public struct OwnMatrix: Sendable {
        /// What the table shows and how entries were placed, in a sentence or two.
        public var caption: String
        public var rows: [MatrixRow]
        /// Where a stated rating and the quantitative placement fall in different colours.
        public var disagreements: [MatrixDisagreement]
        /// The reds an entry's response leaves in the same cell, each with why (its chance and
        /// harm against the edges of its bands) and what reaching its target asks.
        public var unmoved: [MatrixDisagreement] = []
        /// Set when some estimates were written as levels and read from the scales' bands.
        public var fromBandsNote: String?
        /// The entries shown elsewhere that the matrix cannot place (no impact scale in their
        /// outcome's unit), named so that none seems forgotten.
        public var notPlacedNote: String? = nil
        /// The activities of options the headline figures do not assume, left off the matrix
        /// as they are off the generic heat map, named with why.
        public var otherOptionsNote: String? = nil
    }

    public struct MatrixRow: Sendable {
        public var id: String
        public var title: String
        /// Each rating in the register's own labels: "likely × major: red"; "—" when absent.
        public var gross: MatrixCell
        public var current: MatrixCell
        public var target: MatrixCell
        public var stated: MatrixCell
        /// Set when a stated rating disagrees in colour with the placement.
        public var disagrees: Bool
    }

    public struct MatrixCell: Sendable {
        public var text: String
        /// `green`, `amber`, `red`, or empty when there is no rating; for CSS.
        public var rag: String
    }

    public struct MatrixDisagreement: Sendable {
        public var id: String
        public var title: String
        /// "rated current green (2×2), but its chance of 45% and impact P90 of 120,000 place it
        /// at 3×3, amber".
        public var message: String
    }
}
