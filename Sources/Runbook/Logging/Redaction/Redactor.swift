import Foundation
import Synchronization

/// Removes secrets from text, in two layers:
///
/// 1. every value in the run's `SecretRegistry` (and its percent-encoded and base64 forms, and
///    any base64 run that decodes to text containing it, such as `Basic base64(user:secret)`);
/// 2. the pattern rules (`RedactionPatterns`): bearer tokens, `password=…`, JSON secrets, …
///
/// Rendered `HelpfulError` text goes through layer 1 only (`redactSecrets`), so advice such as
/// `require_token=False` is never mangled.
///
/// ```swift
/// let redactor = Redactor(secrets: registry, patterns: .builtIn)
/// redactor.redact("password=hunter2&user=bob")   // "password=[REDACTED]&user=bob"
/// ```
public final class Redactor: Sendable {
    /// What replaces a redacted value.
    public static let marker = "[REDACTED]"

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

    /// Layer 1 only: every known secret value (and its encoded forms) is replaced.
    public func redactSecrets(_ text: String) -> String {
        guard let forms = currentForms() else { return text }
        var result = text
        var bytes = Array(text.utf8)
        for (form, formBytes) in zip(forms.literals, forms.literalBytes) where ByteSearch.contains(bytes, formBytes) {
            result = result.replacingOccurrences(of: form, with: Self.marker)
            bytes = Array(result.utf8)
        }
        return redactEncodedRuns(result, forms: forms)
    }

    private func currentForms() -> SecretForms? {
        let version = secrets.version
        if let cached = cache.withLock({ $0 }), cached.version == version {
            return cached.forms.literals.isEmpty ? nil : cached.forms
        }
        let forms = SecretForms(values: secrets.values)
        cache.withLock { $0 = (version, forms) }
        return forms.literals.isEmpty ? nil : forms
    }

    /// Replaces every base64 run (8+ characters) whose decoded bytes contain a secret value.
    private func redactEncodedRuns(_ text: String, forms: SecretForms) -> String {
        // A base64 run holding an n-byte secret is at least 4n/3 characters long.
        let shortest = forms.rawValues.map(\.count).filter { $0 > 0 }.min() ?? 0
        let minimumRun = max(8, (shortest * 4 + 2) / 3)
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            current = Self.isBase64(byte) ? current + 1 : 0
            longest = max(longest, current)
        }
        guard longest >= minimumRun else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var changed = false
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            guard Self.isBase64(bytes[index]) else { index += 1; continue }
            var end = index
            while end < bytes.count, Self.isBase64(bytes[end]) { end += 1 }
            if end - index >= minimumRun, let decoded = Self.decodeBase64(bytes[index..<end]),
               forms.rawValues.contains(where: { !$0.isEmpty && decoded.containsSubsequence($0) }) {
                output.append(contentsOf: bytes[copiedUpTo..<index])
                output.append(contentsOf: Self.marker.utf8)
                copiedUpTo = end
                changed = true
            }
            index = end
        }
        guard changed else { return text }
        output.append(contentsOf: bytes[copiedUpTo...])
        return String(decoding: output, as: UTF8.self)
    }

    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "="):
            true
        default: false
        }
    }

    /// Decodes standard or URL-safe base64, padded or not; nil when the run is not base64.
    private static func decodeBase64(_ run: ArraySlice<UInt8>) -> [UInt8]? {
        var symbols = run
        while symbols.last == UInt8(ascii: "=") { symbols.removeLast() }
        guard symbols.count % 4 != 1, !symbols.contains(UInt8(ascii: "=")) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            let value: UInt8
            switch symbol {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = symbol - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = symbol - 71
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = symbol + 4
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            default: value = 63
            }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((accumulator >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs contiguously in the array.
    func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard needle.count <= count else { return false }
        let first = needle[0]
        var start = 0
        while start + needle.count <= count {
            if self[start] == first, self[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
