import Foundation
import Runbook

/// Output and logging benchmarks: streaming CSV and XLSX writes, redaction cost per log line.
let outputBenchmarks: [Benchmark] = [
    Benchmark("output.csv.1M-rows-8-cols", target: "≤ 500 ms", iterations: 3) {
        let store = OutputBenchRows.store()
        return {
            try store.writeCSV(to: .tmp, name: "bench.csv") { csv in
                try csv.write(header: OutputBenchRows.header)
                for index in 0..<1_000_000 { try csv.write(row: OutputBenchRows.row(index)) }
            }
        }
    },
    Benchmark("output.xlsx.100k-rows-8-cols", target: "≤ 1000 ms", iterations: 3) {
        let store = OutputBenchRows.store()
        return {
            try store.writeXLSX(to: .tmp, name: "bench.xlsx") { workbook in
                try workbook.addSheet("Data") { sheet in
                    try sheet.write(header: OutputBenchRows.header)
                    for index in 0..<100_000 { try sheet.write(row: OutputBenchRows.row(index)) }
                }
            }
        }
    },
    Benchmark("log.redact.10k-lines", target: "report", iterations: 5) {
        let registry = SecretRegistry()
        registry.register("s3cr3t-client-value")
        registry.register("eyJ0eXAiOiJKV1QiLCJhbGciOi")
        let redactor = Redactor(secrets: registry)
        let lines = (0..<10_000).map { index in
            index % 10 == 0
                ? "GET https://api.example.com/v2/customers?api_key=abc\(index)&page=\(index) Bearer xyz.\(index)"
                : "[BC-Prod/Contoso/CustomerAPI] Retrieved \(index) customers in 120 ms (batch \(index % 7))"
        }
        return {
            var total = 0
            for line in lines { total &+= redactor.redact(line).utf8.count }
            precondition(total > 0)
        }
    },
]

/// The benchmark table: 8 mixed columns (ints, doubles, strings needing quotes, dates, bools).
enum OutputBenchRows {
    static let header = ["id", "customer", "amount", "quantity", "note", "created", "ratio", "active"]
    static let names = (0..<1000).map { "Customer \($0), \(["Ltd", "GmbH", "S.A.", "Inc"][$0 % 4])" }
    static let notes = (0..<1000).map { $0 % 3 == 0 ? "said \"hello\" #\($0)" : "plain note \($0)" }
    static let base = Date(timeIntervalSince1970: 1_737_815_445)

    static func row(_ index: Int) -> [TableCell] {
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

    static func store() -> OutputStore {
        let root = BenchmarkInputs.directory.appendingPathComponent("output-bench")
        return OutputStore(root: root, clock: SystemClock())
    }
}
