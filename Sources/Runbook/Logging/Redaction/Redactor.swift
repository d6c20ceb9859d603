import Foundation
import Synchronization

/// Removes secrets from text, in two layers:
///
/// 1. every value in the run's `SecretRegistry`, in every spelling `SecretForms` derives
///    (percent-encoded, JSON-escaped, upper-cased, base64, hex, …), found in one pass, and any
///    base64 run that decodes to text containing a value (`Basic base64(user:secret)`);
/// 2. the pattern rules (`RedactionPatterns`): bearer tokens, `password=…`, JSON secrets, …
///
/// Log lines, log metadata, run records and rendered `HelpfulError`s (plain and JSON) go
/// through both layers; output files are screened for layer 1 and refused (`OutputStore`).
///
/// ```swift
/// let redactor = Redactor(secrets: registry, patterns: .builtIn)
/// redactor.redact("password=hunter2&user=bob")   // "password=[REDACTED]&user=bob"
/// ```
public final class Redactor: Sendable {
    /// What replaces a redacted value.
    public static let marker = "[REDACTED]"

    /// A redactor with no known values and the built-in patterns (errors shown before a run's
    /// secrets are known).
    public static let builtInPatterns = Redactor(secrets: SecretRegistry())

    private let secrets: SecretRegistry
    /// The pattern rules (layer 2).
    public let patterns: RedactionPatterns
    private let cache = Mutex<(version: Int, forms: SecretForms)?>(nil)

    /// Creates a redactor over a run's secrets and a pattern set.
    public init(secrets: SecretRegistry, patterns: RedactionPatterns = .builtIn) {
        self.secrets = secrets
        self.patterns = patterns
    }

    /// Both layers: known secret values, then the pattern rules.
    public func redact(_ text: String) -> String {
        patterns.apply(to: redactSecrets(text))
    }

    /// Layer 1 only: every known secret value (in every form) is replaced. Used where text has a
    /// structure patterns must not touch (a file path, a key path).
    public func redactSecrets(_ text: String) -> String {
        guard let forms = currentForms() else { return text }
        let bytes = Array(text.utf8)
        let matches = forms.matcher.ranges(in: bytes)
        guard !matches.isEmpty else { return EncodedRuns.redact(text, bytes: bytes, forms: forms) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for match in matches {
            output.append(contentsOf: bytes[copied..<match.range.lowerBound])
            output.append(contentsOf: Self.marker.utf8)
            copied = match.range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return EncodedRuns.redact(String(decoding: output, as: UTF8.self), bytes: output, forms: forms)
    }

    /// A screen for the bytes of one output file, or nil when the run knows no secret.
    func screen(for file: String) -> SecretScreen? {
        currentForms().map { SecretScreen(forms: $0, file: file) }
    }

    private func currentForms() -> SecretForms? {
        let version = secrets.version
        if let cached = cache.withLock({ $0 }), cached.version == version {
            return cached.forms.isEmpty ? nil : cached.forms
        }
        let forms = SecretForms(entries: secrets.entries.map { ($0.name, $0.value) })
        cache.withLock { $0 = (version, forms) }
        return forms.isEmpty ? nil : forms
    }
}

extension SecretForms {
    /// How an error names the secret of `owner`: its key, never its value.
    func displayName(_ owner: Int) -> String {
        names[owner].map { "'\($0)'" } ?? "a secret obtained at run time (such as an access token)"
    }
}
