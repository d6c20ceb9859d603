/// One header field of an HTTP/1.1 message head, as on the wire: the name as sent, the value
/// without surrounding spaces and tabs.
package struct HTTP1Field: Sendable, Equatable {
    /// The field name, as sent (compare with ``equalsIgnoringCase(_:_:)``).
    package var name: String
    /// The field value, trimmed.
    package var value: String

    /// Creates a field.
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Whether `text` equals `lowercase` (which is all lower-case ASCII) ignoring ASCII case,
    /// without allocating.
    package static func equalsIgnoringCase(_ text: String, _ lowercase: String) -> Bool {
        text.utf8.count == lowercase.utf8.count
            && zip(text.utf8, lowercase.utf8).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
    }

    /// Whether `bytes` is an RFC 9110 token (`1*tchar`): what a field name must be.
    package static func isToken(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(isTokenCharacter)
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x5E...0x60, 0x7C, 0x7E:  // ! # $ % & ' * + - . ^ _ ` | ~
            true
        default:
            false
        }
    }
}

extension Array where Element == HTTP1Field {
    /// The value of the first field named `lowercaseName` (any case on the wire).
    package func value(of lowercaseName: String) -> String? {
        first { HTTP1Field.equalsIgnoringCase($0.name, lowercaseName) }?.value
    }
}
