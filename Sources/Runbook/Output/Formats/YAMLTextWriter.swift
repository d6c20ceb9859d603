import CYAML
import JSONSchema

/// Writes a `JSONValue` tree as a YAML document through libyaml's emitter: block style, keys in
/// tree order, UTF-8, no line wrapping. Strings that would read back as another type (`true`,
/// `null`, `123`, `~`, empty) are quoted.
struct YAMLTextWriter {
    enum Failure: Error { case emitter(String) }

    func text(_ value: JSONValue) throws -> String {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        var emitter = yaml_emitter_t()
        guard yaml_emitter_initialize(&emitter) == 1 else { throw Failure.emitter("cannot initialise") }
        defer { yaml_emitter_delete(&emitter) }
        yaml_emitter_set_unicode(&emitter, 1)
        yaml_emitter_set_width(&emitter, -1)
        yaml_emitter_set_indent(&emitter, 2)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        yaml_emitter_set_output(&emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, context)
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&emitter, &event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&emitter, &event)
        try write(value, emitter: &emitter)
        yaml_document_end_event_initialize(&event, 1)
        try emit(&emitter, &event)
        yaml_stream_end_event_initialize(&event)
        try emit(&emitter, &event)
        yaml_emitter_flush(&emitter)
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    private func emit(_ emitter: inout yaml_emitter_t, _ event: inout yaml_event_t) throws {
        guard yaml_emitter_emit(&emitter, &event) == 1 else {
            let problem = emitter.problem.map { String(cString: $0) } ?? "unknown problem"
            throw Failure.emitter(problem)
        }
    }

    private func write(_ value: JSONValue, emitter: inout yaml_emitter_t) throws {
        var event = yaml_event_t()
        switch value {
        case .null: try scalar("null", plain: true, emitter: &emitter)
        case .bool(let flag): try scalar(flag ? "true" : "false", plain: true, emitter: &emitter)
        case .integer(let number): try scalar(String(number), plain: true, emitter: &emitter)
        case .number(let number): try scalar(number.literal, plain: true, emitter: &emitter)
        case .string(let text): try scalar(text, plain: false, emitter: &emitter)
        case .array(let elements):
            let style = elements.isEmpty ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            yaml_sequence_start_event_initialize(&event, nil, nil, 1, style)
            try emit(&emitter, &event)
            for element in elements { try write(element.value, emitter: &emitter) }
            yaml_sequence_end_event_initialize(&event)
            try emit(&emitter, &event)
        case .object(let object):
            let style = object.isEmpty ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            yaml_mapping_start_event_initialize(&event, nil, nil, 1, style)
            try emit(&emitter, &event)
            for member in object.members {
                try scalar(member.key, plain: false, emitter: &emitter)
                try write(member.value.value, emitter: &emitter)
            }
            yaml_mapping_end_event_initialize(&event)
            try emit(&emitter, &event)
        }
    }

    /// Emits a scalar: typed values plain; strings plain when safe, else quoted.
    private func scalar(_ text: String, plain: Bool, emitter: inout yaml_emitter_t) throws {
        var event = yaml_event_t()
        let style = plain ? YAML_PLAIN_SCALAR_STYLE
            : Self.readsAsOtherType(text) ? YAML_SINGLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE
        // A trailing NUL keeps the buffer non-empty for empty strings; libyaml copies `length` bytes.
        var bytes = Array(text.utf8) + [0]
        let length = Int32(bytes.count - 1)
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, length, 1, 1, style)
        }
        try emit(&emitter, &event)
    }

    /// Whether a plain scalar with this text would be read back as something other than a string.
    static func readsAsOtherType(_ text: String) -> Bool {
        if text.isEmpty { return true }
        let lower = text.lowercased()
        if ["~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf"].contains(lower) {
            return true
        }
        if Double(text) != nil || Int(text) != nil { return true }
        if text.hasPrefix("0x") || text.hasPrefix("0o") { return true }
        return false
    }
}
