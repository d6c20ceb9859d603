internal import CYAML
import JSONSchema

/// Owns one libyaml parser reading from a byte buffer, and turns its failures into `YAMLError`s.
///
/// The buffer must outlive the parser. Input is always treated as UTF-8 (libyaml then rejects
/// invalid UTF-8 and control characters with a byte offset, which becomes a line and column).
final class YAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let bytes: UnsafeBufferPointer<UInt8>
    private let source: UInt32

    /// Prepares a parser over `bytes` (which must stay valid while the parser is used).
    init(bytes: UnsafeBufferPointer<UInt8>, source: UInt32) throws(YAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            yaml_parser_delete(parser)
            parser.deallocate()
            throw YAMLError("out of memory while reading YAML", at: SourceLocation(source: source, line: 1, column: 1))
        }
        self.parser = parser
        self.bytes = bytes
        self.source = source
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let base = bytes.baseAddress {
            yaml_parser_set_input_string(parser, base, bytes.count)
        }
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Parses the next event into `event` (which the caller must release with `yaml_event_delete`).
    @inline(__always)
    func next(into event: UnsafeMutablePointer<yaml_event_t>) throws(YAMLError) {
        guard yaml_parser_parse(parser, event) == 1 else { throw currentError() }
        if event.pointee.type == YAML_NO_EVENT {
            // libyaml answers an exhausted or failed parser with an empty event; never loop on it.
            throw YAMLError("unexpected end of the YAML event stream", at: location(parser.pointee.mark))
        }
    }

    /// The 1-based location of a libyaml mark.
    @inline(__always)
    func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(
            source: source,
            line: UInt32(clamping: mark.line &+ 1),
            column: UInt32(clamping: mark.column &+ 1)
        )
    }

    /// The parser's error state as a `YAMLError`.
    private func currentError() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError("out of memory while reading YAML", at: location(state.problem_mark))
        case YAML_READER_ERROR:
            let value = state.problem_value
            let detail: String
            if value < 0 {
                detail = problem
            } else if problem.contains("octet") {
                detail = "\(problem) (byte 0x\(hex(value, digits: 2)))"
            } else {
                detail = "\(problem) (character U+\(hex(value, digits: 4)))"
            }
            return YAMLError("invalid text: \(detail)", at: location(ofByte: state.problem_offset))
        default:
            var message = problem
            if let context = state.context {
                let contextLocation = location(state.context_mark)
                message += " (\(String(cString: context)) at \(contextLocation.lineAndColumn))"
            }
            return YAMLError(message, at: location(state.problem_mark))
        }
    }

    /// The line and column of a byte offset (columns count Unicode scalars, like libyaml's marks).
    private func location(ofByte offset: Int) -> SourceLocation {
        var line: UInt32 = 1
        var column: UInt32 = 1
        var previous: UInt8 = 0
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                if previous != 0x0D { line += 1 }
                column = 1
            } else if byte == 0x0D {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
        }
        return SourceLocation(source: source, line: line, column: column)
    }

    private func hex(_ value: Int32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
