public import Foundation
public import Runbook

/// The table the CSV and XLSX benchmarks write (runbook-bench, bench-probe, and
/// bench/anchors/csv_write.py on the Python side): 8 mixed columns (ints, doubles, strings
/// needing quotes, dates, bools).
public enum BenchTable {
    /// The header row.
    public static let header = ["id", "customer", "amount", "quantity", "note", "created", "ratio", "active"]
    static let names = (0..<1000).map { "Customer \($0), \(["Ltd", "GmbH", "S.A.", "Inc"][$0 % 4])" }
    static let notes = (0..<1000).map { $0 % 3 == 0 ? "said \"hello\" #\($0)" : "plain note \($0)" }
    static let base = Date(timeIntervalSince1970: 1_737_815_445)

    /// Row `index` of the table.
    public static func row(_ index: Int) -> [TableCell] {
        [
            .integer(Int64(index)),
            .text(names[index % 1000]),
            .double(Double(index % 100_000) * 1.25 + 0.37),
            .integer(Int64(index % 97)),
            .text(notes[index % 1000]),
            .date(base.addingTimeInterval(Double(index * 37))),
            .double(Double(index % 1000) / 7.0),
            .bool(index % 2 == 0),
        ]
    }
}
