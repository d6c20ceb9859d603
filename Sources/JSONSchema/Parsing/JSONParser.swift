/// A strict RFC 8259 JSON parser that records the line and column of every value and every key.
///
/// The parser is iterative (no recursion), so nesting depth is limited only by `maxDepth`.
/// Integers that fit in `Int64` become `.integer`; other numbers keep their literal text.
///
/// ```swift
/// let node = try JSONParser.parse(#"{"retries": 3}"#, source: 1)
/// node.location          // line 1, column 1
/// ```
public enum JSONParser {
    /// Parses UTF-8 bytes (an optional UTF-8 byte-order mark is skipped).
    /// - Parameters:
    ///   - bytes: the JSON text.
    ///   - source: the caller's number for this text, copied into every `SourceLocation`.
    ///   - maxDepth: how deeply arrays and objects may nest before the text is rejected.
    public static func parse(_ bytes: [UInt8], source: UInt32 = 0, maxDepth: Int = 1000) throws(JSONSyntaxError) -> JSONNode {
        let result: Result<JSONNode, JSONSyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONByteReader(buffer: buffer, source: source, maxDepth: maxDepth)
            do throws(JSONSyntaxError) {
                return .success(try reader.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses a string.
    public static func parse(_ text: String, source: UInt32 = 0, maxDepth: Int = 1000) throws(JSONSyntaxError) -> JSONNode {
        try parse(Array(text.utf8), source: source, maxDepth: maxDepth)
    }
}
