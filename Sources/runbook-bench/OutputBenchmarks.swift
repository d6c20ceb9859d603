import Foundation
import BenchSupport
import Runbook

/// Output and logging benchmarks: streaming CSV and XLSX writes, redaction cost per log line.
let outputBenchmarks: [Benchmark] = [
    Benchmark("output.csv.1M-rows-8-cols", target: "≤ 500 ms", iterations: 3) {
        let store = OutputBenchRows.store()
        return {
            try store.writeCSV(to: .tmp, name: "bench.csv") { csv in
                try csv.write(header: BenchTable.header)
                for index in 0..<1_000_000 { try csv.write(row: BenchTable.row(index)) }
            }
        }
    },
    Benchmark("output.xlsx.100k-rows-8-cols", target: "≤ 1000 ms", iterations: 3) {
        let store = OutputBenchRows.store()
        return {
            try store.writeXLSX(to: .tmp, name: "bench.xlsx") { workbook in
                try workbook.addSheet("Data") { sheet in
                    try sheet.write(header: BenchTable.header)
                    for index in 0..<100_000 { try sheet.write(row: BenchTable.row(index)) }
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

/// Where the output benchmarks write.
enum OutputBenchRows {
    static func store() -> OutputStore {
        let root = BenchmarkInputs.directory.appendingPathComponent("output-bench")
        return OutputStore(root: root, clock: SystemClock())
    }
}
