/// The stable code of a kind of error, `RB-<AREA>-<NNN>` (for example `RB-CFG-001`), shown in the
/// first line of every `HelpfulError` (`❌ Problem [RB-CFG-001]: …`), in its JSON form and in the
/// run record, so a user can search for it: `docs/errors.md` lists every code with its meaning and fix.
///
/// A code names a *kind* of error, not a call site: two places that report the same thing share
/// one. Codes are never renumbered or reused; `ErrorCode.all` lists those Runbook raises.
///
/// A script can give its own errors a code of its own (without one they carry `.scriptRaised`):
///
/// ```swift
/// extension ErrorCode {
///     static let missingEmailColumn = ErrorCode(
///         .script, 101, meaning: "The customer file has no email column", fix: "Add an 'email' header")
/// }
/// throw HelpfulError(code: .missingEmailColumn, problem: "…", solution: "…")
/// ```
public struct ErrorCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The part of Runbook an error comes from: the `CFG` in `RB-CFG-001`.
    public struct Area: Sendable, Hashable {
        /// The area's name in the code: two to five upper-case letters.
        public let name: String
        /// What the area covers, as a heading of `docs/errors.md`.
        public let title: String

        /// Creates an area. `name` should be two to five upper-case ASCII letters.
        public init(_ name: String, title: String) {
            self.name = name
            self.title = title
        }

        /// Areas are equal when their names are.
        public static func == (left: Area, right: Area) -> Bool { left.name == right.name }

        /// Hashes the name.
        public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    }

    /// The area, e.g. configuration.
    public let area: Area
    /// The number within the area, 1 to 999.
    public let number: Int
    /// What the error means, in one line.
    public let meaning: String
    /// How to fix it, in general (each error's own solution is more specific).
    public let fix: String

    /// Creates a code. `number` should be 1 to 999 and never reused for another meaning.
    public init(_ area: Area, _ number: Int, meaning: String, fix: String) {
        self.area = area
        self.number = number
        self.meaning = meaning
        self.fix = fix
    }

    /// The code as shown, e.g. `RB-CFG-001`.
    public var identifier: String {
        let digits = String(number)
        return "RB-\(area.name)-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The code as shown, e.g. `RB-CFG-001`.
    public var description: String { identifier }

    /// Whether the code has the documented form `RB-<AREA>-<NNN>`: two to five upper-case letters
    /// and a number from 1 to 999 (the schema's `pattern` for the record's `error.code`).
    public var isWellFormed: Bool {
        Self.isWellFormed(identifier)
    }

    /// Whether `text` has the form `RB-<AREA>-<NNN>`.
    public static func isWellFormed(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "RB" else { return false }
        let area = parts[1].utf8, number = parts[2].utf8
        return (2...5).contains(area.count) && area.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
            && number.count == 3 && number.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            && parts[2] != "000"
    }

    /// The code of `ErrorCode.all` with this identifier, if there is one.
    public static func named(_ identifier: String) -> ErrorCode? {
        all.first { $0.identifier == identifier }
    }

    /// Codes are equal when their identifiers are.
    public static func == (left: ErrorCode, right: ErrorCode) -> Bool {
        left.area == right.area && left.number == right.number
    }

    /// Hashes the identifier.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(area)
        hasher.combine(number)
    }

    /// Orders by identifier, as `docs/errors.md` lists them.
    public static func < (left: ErrorCode, right: ErrorCode) -> Bool {
        left.identifier < right.identifier
    }
}

extension ErrorCode: Codable {
    /// Decodes the identifier string: a code of the catalog with its meaning and fix, any other
    /// well-formed code (a script's own, or one from a newer Runbook) with an empty meaning and fix.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let known = Self.named(text) {
            self = known
            return
        }
        guard Self.isWellFormed(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an error code of the form RB-<AREA>-<NNN>"))
        }
        let parts = text.split(separator: "-")
        let name = String(parts[1])
        let area = Area.all.first { $0.name == name } ?? Area(name, title: name)
        self.init(area, Int(parts[2]) ?? 0, meaning: "", fix: "")
    }

    /// Encodes the identifier string, e.g. `"RB-CFG-001"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
