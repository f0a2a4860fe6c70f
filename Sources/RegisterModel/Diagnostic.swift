/// A problem found in a register: what is wrong, where, and how to fix it.
///
/// Diagnostics are values, never printed by the library: the command line prints them as
/// `path:line:col: error: [rule] message`, and `--format json` encodes them as they are.
public struct Diagnostic: Error, Codable, Sendable, Hashable {
    /// How serious a diagnostic is.
    public enum Severity: String, Codable, Sendable, Hashable, Comparable {
        /// The register cannot be used as it is.
        case error
        /// The register can be used, but something is probably not what its authors meant.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    /// A position in a file, 1-based in both line and column.
    public struct Location: Codable, Sendable, Hashable, Comparable {
        /// The file as the user named it (relative paths stay relative).
        public var file: String
        /// 1-based line.
        public var line: Int
        /// 1-based column, counted in Unicode scalars.
        public var column: Int

        public init(file: String, line: Int, column: Int) {
            self.file = file
            self.line = line
            self.column = column
        }

        /// The file as a whole, for a problem with no place inside it (a missing file, a folder
        /// with no registers, a file that cannot be read): line and column 0, printed as
        /// `file: error: ...` rather than pointing at a line the file may not have.
        public static func whole(_ file: String) -> Location {
            Location(file: file, line: 0, column: 0)
        }

        /// Whether this is ``whole(_:)``: no line or column to show.
        public var isWholeFile: Bool { line == 0 }

        public static func < (lhs: Location, rhs: Location) -> Bool {
            (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
        }
    }

    public var severity: Severity
    /// The rule broken, such as `unknown-field`; documented in `docs/register-format.md`.
    public var rule: Rule
    public var message: String
    public var location: Location
    /// How to fix it, when there is something useful to say ("did you mean `reduction`?").
    public var hint: String?

    public init(severity: Severity, rule: Rule, message: String, location: Location, hint: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(_ rule: Rule, _ message: String, at location: Location, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, rule: rule, message: message, location: location, hint: hint)
    }

    public static func warning(_ rule: Rule, _ message: String, at location: Location, hint: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, rule: rule, message: message, location: location, hint: hint)
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by file, line and column, errors before warnings at one place.
    public func sortedByPosition() -> [Diagnostic] {
        sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.rule < b.rule
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
