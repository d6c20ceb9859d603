import JSONSchema

/// Writes a `JSONValue` tree as JSON text: pretty (2-space indent, `"key": value`) or compact,
/// keys in tree order or sorted.
struct JSONTextWriter {
    var pretty: Bool
    var sortedKeys: Bool

    func text(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output
    }

    private func write(_ value: JSONValue, indent: Int, into output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .number(let number): output += number.literal
        case .string(let text): output += JSONText.quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else { output += "[]"; return }
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, into: &output)
                write(element.value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output += "]"
        case .object(let object):
            guard !object.isEmpty else { output += "{}"; return }
            let members = sortedKeys ? object.members.sorted { $0.key < $1.key } : object.members
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += "," }
                newline(indent + 1, into: &output)
                output += JSONText.quoted(member.key)
                output += pretty ? ": " : ":"
                write(member.value.value, indent: indent + 1, into: &output)
            }
            newline(indent, into: &output)
            output += "}"
        }
    }

    private func newline(_ indent: Int, into output: inout String) {
        guard pretty else { return }
        output += "\n"
        output += String(repeating: "  ", count: indent)
    }
}
