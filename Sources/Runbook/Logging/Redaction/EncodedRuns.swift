/// Layer 1's last step: a base64 run (standard or URL-safe, padded or not) whose decoded bytes
/// contain a known value at any offset is replaced whole (`Basic base64(user:secret)`, a token
/// inside an encoded JSON body). One pass over the text, one over each long enough run.
enum EncodedRuns {
    static func redact(_ text: String, bytes: [UInt8], forms: SecretForms) -> String {
        // A base64 run holding an n-byte secret is at least 4n/3 characters long.
        let shortest = forms.rawValues.map(\.count).filter { $0 > 0 }.min() ?? 0
        let minimumRun = max(8, (shortest * 4 + 2) / 3)
        var output: [UInt8] = []
        var changed = false
        var index = 0
        var copiedUpTo = 0
        while index < bytes.count {
            guard isBase64(bytes[index]) else { index += 1; continue }
            var end = index
            while end < bytes.count, isBase64(bytes[end]) { end += 1 }
            if end - index >= minimumRun, let decoded = decodeBase64(bytes[index..<end]),
               forms.rawMatcher.firstOwner(in: decoded) != nil {
                output.append(contentsOf: bytes[copiedUpTo..<index])
                output.append(contentsOf: Redactor.marker.utf8)
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
    static func decodeBase64(_ run: ArraySlice<UInt8>) -> [UInt8]? {
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
