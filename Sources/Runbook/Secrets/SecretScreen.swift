import JSONSchema

/// Watches the bytes of one output file for the run's secret values, in every form
/// `SecretForms` derives, across chunk boundaries. A file that would hold one is refused: its
/// write fails with a `HelpfulError` naming the secret's key (never its value) and the old file
/// stays in place.
///
/// Refusing, rather than redacting, is deliberate: an output file is data (a CSV for an import,
/// a JSON payload), and a redacted copy would silently differ from what the script computed.
final class SecretScreen {
    private let forms: SecretForms
    private let file: String
    private var state: Int32 = 0

    init(forms: SecretForms, file: String) {
        self.forms = forms
        self.file = file
    }

    /// Scans the next bytes of the file's stream.
    func scan(_ bytes: some Sequence<UInt8>) throws(HelpfulError) {
        if let owner = forms.matcher.firstOwner(in: bytes, continuing: &state) { throw refusal(owner) }
    }

    /// Scans one value on its own (a string of a document, a cell of a table).
    func check(_ text: String) throws(HelpfulError) {
        if let owner = forms.matcher.firstOwner(in: text.utf8) { throw refusal(owner) }
    }

    /// Scans every key and string of a document before it is laid out (an emitter may fold a
    /// long string across lines, so the text alone is not enough).
    func check(_ tree: JSONValue) throws(HelpfulError) {
        var pending = [tree]
        while let value = pending.popLast() {
            switch value {
            case .string(let text): try check(text)
            case .number(let number): try check(number.literal)
            case .integer(let number): try check(String(number))
            case .array(let nodes): pending += nodes.map(\.value)
            case .object(let object):
                for member in object.members {
                    try check(member.key)
                    pending.append(member.value.value)
                }
            case .null, .bool: break
            }
        }
    }

    private func refusal(_ owner: Int) -> HelpfulError {
        HelpfulError(
            code: .secretInOutput,
            problem: "Refusing to write \(file): it would contain the value of the secret \(forms.displayName(owner))",
            solution: "Leave the secret out of the data you save; output files never hold a secret, in any encoding, "
                + "so Runbook refuses the file rather than write a copy that differs from what the script computed",
            example: "try context.output.saveJSON(report.withoutCredentials, to: .output, name: \"report.json\")",
            location: .file(file))
    }
}
