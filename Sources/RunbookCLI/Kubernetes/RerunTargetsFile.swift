import Runbook

/// The targets file of a rerun: the failed entries of a fleet record, each with its script
/// arguments turned back into `options` (`--limit 10` → `limit: "10"`, `--dry-run` → `dry-run: true`,
/// a repeated option → a list), in record order, so their new indexes are 0…n-1.
enum RerunTargetsFile {
    static func text(_ entries: [FleetRecord.Entry], record: String) throws(HelpfulError) -> String {
        var targets: [Target] = []
        for entry in entries {
            let options = try options(entry.arguments, target: "\(entry.org)/\(entry.env)", record: record)
            targets.append(Target(org: entry.org, env: entry.env, options: options.isEmpty ? nil : Options(members: options)))
        }
        do {
            let body = try OutputStore.yamlText(Document(targets: targets), name: "targets.yaml")
            return "# The targets of \(record) that did not succeed (runbook kubernetes --rerun-failed)\n" + body
        } catch {
            throw HelpfulError.wrapping(error)
        }
    }

    /// `["--limit", "10", "--dry-run"]` → `[("limit", ["10"]), ("dry-run", true)]`.
    static func options(_ arguments: [String], target: String, record: String) throws(HelpfulError) -> [(String, Value)] {
        var members: [(String, Value)] = []
        var position = 0
        func add(_ name: String, _ value: String?) {
            guard let value else {
                members.append((name, .flag))
                return
            }
            if let existing = members.firstIndex(where: { $0.0 == name }), case .values(let values) = members[existing].1 {
                members[existing].1 = .values(values + [value])
            } else {
                members.append((name, .values([value])))
            }
        }
        while position < arguments.count {
            let argument = arguments[position]
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw HelpfulError(
                    code: .fleetRecordInvalid,
                    problem: "The arguments of \(target) in \(record) have '\(argument)' where an option (--name) was expected",
                    solution: "Rerun that target with runbook fleet, or write a targets file by hand", location: .file(record),
                    exitCode: .usage)
            }
            let name = String(argument.dropFirst(2))
            if let equals = name.firstIndex(of: "=") {
                add(String(name[..<equals]), String(name[name.index(after: equals)...]))
                position += 1
            } else if position + 1 < arguments.count, !arguments[position + 1].hasPrefix("--") {
                add(name, arguments[position + 1])
                position += 2
            } else {
                add(name, nil)
                position += 1
            }
        }
        return members
    }

    /// An option's value: a flag (true) or one or more values.
    enum Value: Encodable {
        case flag
        case values([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .flag: try container.encode(true)
            case .values(let values) where values.count == 1: try container.encode(values[0])
            case .values(let values): try container.encode(values)
            }
        }
    }

    private struct Document: Encodable {
        var targets: [Target]
    }

    private struct Target: Encodable {
        var org: String
        var env: String
        var options: Options?
    }

    /// Options in their order.
    struct Options: Encodable {
        var members: [(String, Value)]

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in members { try container.encode(value, forKey: Key(stringValue: name)) }
        }
    }
}
