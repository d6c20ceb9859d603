import JSONSchema

/// Turns the `options:` mappings of a targets file into script arguments: `true` → `--name`,
/// `false` → left out, a string or number → `--name value`, a list → the option once per element.
/// A target's own options override the shared ones of the same name (in the shared one's place).
enum FleetOptions {
    /// The shared options with the target's own applied over them.
    static func merge(shared: [JSONObject.Member], own: [JSONObject.Member]) -> [JSONObject.Member] {
        var merged = shared
        for member in own {
            if let index = merged.firstIndex(where: { $0.key == member.key }) {
                merged[index] = member
            } else {
                merged.append(member)
            }
        }
        return merged
    }

    /// The arguments of the options, in order.
    static func arguments(_ options: [JSONObject.Member]) -> [String] {
        var arguments: [String] = []
        for member in options {
            let values = member.value.value.arrayValue.map { $0.map(\.value) } ?? [member.value.value]
            for value in values {
                switch value {
                case .bool(true): arguments.append("--\(member.key)")
                case .bool(false), .null: continue
                case .integer(let number): arguments += ["--\(member.key)", String(number)]
                case .number(let number): arguments += ["--\(member.key)", number.literal]
                case .string(let text): arguments += ["--\(member.key)", text]
                case .array, .object: continue
                }
            }
        }
        return arguments
    }
}
