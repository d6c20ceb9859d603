import Foundation
import Runbook

/// One customer row: its key, the fields to sync (CSV column order, empty cells left out), and
/// what is wrong with it, if anything.
struct CustomerRecord: Sendable {
    let line: Int
    let key: String
    let fields: [(name: String, value: String)]
    let problem: String?
}

/// The rows of the customers CSV, checked for the key column; duplicate and empty keys are
/// marked as problems (each a failed result, not an abort).
struct CustomerFile {
    let records: [CustomerRecord]

    init(rows: [[String]], name: String, keyField: String) throws {
        guard let header = rows.first, !(header.count == 1 && header[0].isEmpty) else {
            throw HelpfulError(
                problem: "\(name) is empty", solution: "Add a header line and one line per customer",
                example: "\(keyField),displayName,email\nC001,Adatum Corporation,billing@adatum.example",
                location: .file(name))
        }
        guard let keyIndex = header.firstIndex(of: keyField) else {
            throw HelpfulError(
                problem: "\(name) has no '\(keyField)' column (scripts.customer-sync.key-field)",
                solution: "Name the key column '\(keyField)' in the header, or set scripts.customer-sync.key-field to one of: "
                    + header.joined(separator: ", "),
                example: "\(keyField),displayName,email", location: .file(name, line: 1, column: 1))
        }
        var seen: [String: Int] = [:]
        var records: [CustomerRecord] = []
        for (offset, row) in rows.dropFirst().enumerated() where !(row.count == 1 && row[0].isEmpty) {
            let line = offset + 2
            let key = keyIndex < row.count ? row[keyIndex].trimmingCharacters(in: .whitespaces) : ""
            let fields = header.indices.compactMap { index -> (name: String, value: String)? in
                guard index != keyIndex, index < row.count, !row[index].isEmpty, !header[index].isEmpty else { return nil }
                return (header[index], row[index])
            }
            var problem: String?
            if key.isEmpty {
                problem = "line \(line) has no \(keyField)"
            } else if let first = seen[key] {
                problem = "line \(line) repeats \(keyField) \(key) of line \(first)"
            } else if row.count > header.count {
                problem = "line \(line) has \(row.count) fields, the header \(header.count)"
            }
            seen[key] = seen[key] ?? line
            records.append(CustomerRecord(line: line, key: key, fields: fields, problem: problem))
        }
        self.records = records
    }
}
