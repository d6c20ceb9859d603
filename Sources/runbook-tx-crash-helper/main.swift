// A tiny process for the crash tests of output transactions: it writes three files (about 200 KB
// each) in one transaction, counting steps (rows written, files staged, journal written, each
// rename, …), and kills itself with SIGKILL at step N.
//
//     runbook-tx-crash-helper <project-root> <N>    # N = 0: never; prints the number of steps
import Foundation
import Runbook
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = CommandLine.arguments
guard arguments.count == 3, let killAt = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: runbook-tx-crash-helper <project-root> <kill-at-step>\n".utf8))
    exit(64)
}

/// Counts steps; SIGKILL at the chosen one.
final class Steps: Sendable {
    let killAt: Int
    private let count = Mutex(0)
    init(killAt: Int) { self.killAt = killAt }

    func step(_ label: String) {
        let now = count.withLock { value in value += 1; return value }
        if now == killAt { raise(SIGKILL) }
    }

    var total: Int { count.withLock { $0 } }
}

let steps = Steps(killAt: killAt)
let store = OutputStore(
    root: URL(fileURLWithPath: arguments[1]), clock: SystemClock(), runID: RunID.generate(at: Date()),
    recordsFiles: true, transactionStepHook: { steps.step($0) })
do {
    try store.transaction { tx in
        for part in 1...3 {
            try tx.writeCSV(to: .output, name: "part-\(part).csv") { csv in
                try csv.write(header: ["part", "row", "text"])
                for row in 1...2000 {
                    try csv.write(row: [.integer(Int64(part)), .integer(Int64(row)),
                                        .text("row \(row) of part \(part), padded to about one hundred bytes ......")])
                    if row % 250 == 0 { steps.step("part \(part) row \(row)") }
                }
            }
        }
    }
} catch {
    FileHandle.standardError.write(Data("transaction failed: \(error)\n".utf8))
    exit(1)
}
print(steps.total)
