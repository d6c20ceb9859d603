import Runbook

/// The rows of the people CSV, checked for the columns the script needs.
struct PeopleFile {
    struct Record {
        let line: Int
        let name: String
        let email: String
        let country: String
        let active: Bool
    }

    let records: [Record]

    init(rows: [[String]], name: String) throws {
        guard let header = rows.first else {
            throw HelpfulError(
                problem: "\(name) is empty", solution: "Add a header line and one line per person",
                example: "name,email,country,active\nAda Lovelace,ada@example.com,GB,true", location: .file(name))
        }
        let columns = ["name", "email", "country", "active"]
        let indices = columns.map { header.firstIndex(of: $0) }
        let missing = zip(columns, indices).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else {
            throw HelpfulError(
                problem: "\(name) has no \(missing.map { "'\($0)'" }.joined(separator: ", ")) column",
                solution: "The header must name the columns \(columns.joined(separator: ", "))",
                example: columns.joined(separator: ","), location: .file(name, line: 1, column: 1))
        }
        let positions = indices.compactMap { $0 }
        records = rows.dropFirst().enumerated().compactMap { offset, row in
            guard !(row.count == 1 && row[0].isEmpty) else { return nil }
            func field(_ index: Int) -> String { positions[index] < row.count ? row[positions[index]] : "" }
            return Record(
                line: offset + 2, name: field(0), email: field(1), country: field(2),
                active: field(3).lowercased() != "false")
        }
    }
}
