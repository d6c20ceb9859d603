import Foundation
import Runbook

/// The report of a sync: one line per customer row, saved as
/// `output/customer-sync-report_<UTC>.csv` with the columns `line, <key-field>, action, detail`.
struct SyncReport {
    let keyField: String
    private(set) var rows: [[TableCell]] = []

    init(keyField: String) {
        self.keyField = keyField
    }

    mutating func add(_ record: CustomerRecord, _ action: CustomerUpsert.Action, _ detail: String) {
        rows.append([.integer(Int64(record.line)), .text(record.key), .text(action.rawValue), .text(detail)])
    }

    @discardableResult
    func save(_ context: ScriptContext) throws -> URL {
        try context.output.saveCSV(
            header: ["line", keyField, "action", "detail"], rows: rows, to: .output, name: "customer-sync-report.csv",
            timestamped: true)
    }
}
