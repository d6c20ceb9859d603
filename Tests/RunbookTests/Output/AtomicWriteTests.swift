import Foundation
@testable import Runbook
import Synchronization
import Testing

/// Atomic writes: durable (file synced before the rename, folder after), stopped by cancellation
/// with the old file intact, and temporary files of killed writers cleaned up, never those of a
/// write still under way.
@Suite struct AtomicWriteTests {
    @Test func theFileIsSyncedBeforeTheRenameAndTheFolderAfter() throws {
        let project = TemporaryProject()
        let destination = try project.store.url(.output, "a.txt")
        try project.store.saveText("old", to: .output, name: "a.txt")
        let steps = Mutex<[String]>([])
        let path = destination.path
        let sync = FileSync(
            file: { descriptor in
                let size = lseek(descriptor, 0, SEEK_END)
                let current = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "?"
                steps.withLock { $0.append("file \(size) bytes, destination \(current)") }
                return fsync(descriptor)
            },
            folder: { folder in
                let current = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "?"
                steps.withLock { $0.append("folder \(folder == destination.deletingLastPathComponent().path), destination \(current)") }
                return 0
            })
        let writer = try AtomicFileWriter(destination: destination, sync: sync)
        try writer.write(String(repeating: "n", count: 100_000))
        try writer.commit()
        #expect(steps.withLock { $0 } == [
            "file 100000 bytes, destination old",
            "folder true, destination " + String(repeating: "n", count: 100_000),
        ])
        #expect(project.files(in: "output") == ["a.txt"])
    }

    @Test func aFailedSyncLeavesTheOldFile() throws {
        let project = TemporaryProject()
        try project.store.saveText("old", to: .output, name: "a.txt")
        let writer = try AtomicFileWriter(
            destination: try project.store.url(.output, "a.txt"),
            sync: FileSync(file: { _ in errno = EIO; return -1 }, folder: { _ in 0 }))
        try writer.write("new")
        #expect(throws: HelpfulError.self) { try writer.commit() }
        writer.abort()
        #expect(try project.text("output/a.txt") == "old")
        #expect(project.files(in: "output") == ["a.txt"])
    }

    /// Rows of a large table; at `cancelAt` the row generator cancels the task it runs in (what
    /// Ctrl-C does), and it counts how many rows were asked for.
    final class Counter: Sendable {
        let value = Mutex(0)
    }

    struct CancellingRows: Sequence, IteratorProtocol, Sendable {
        let total: Int
        let cancelAt: Int
        let produced: Counter

        mutating func next() -> [TableCell]? {
            let index = produced.value.withLock { count -> Int in
                count += 1
                return count
            }
            guard index <= total else { return nil }
            if index == cancelAt { withUnsafeCurrentTask { $0?.cancel() } }
            return [.integer(Int64(index)), .text("customer \(index) with a long enough name to fill the chunks quickly")]
        }
    }

    enum TableFormat: String, CaseIterable { case csv, xlsx }

    @Test(arguments: TableFormat.allCases)
    func aCancelledWriteStopsAndLeavesTheOldFile(format: TableFormat) async throws {
        let project = TemporaryProject()
        let name = "big.\(format.rawValue)"
        let old = Data((0..<5000).map { UInt8($0 % 251) })
        try project.store.saveBinary(old, to: .output, name: name)
        let produced = Counter()
        let rows = CancellingRows(total: 2_000_000, cancelAt: 1000, produced: produced)
        let store = project.store
        let outcome = await Task {
            Result<URL, any Error> {
                switch format {
                case .csv: try store.saveCSV(header: ["id", "name"], rows: rows, to: .output, name: name)
                case .xlsx: try store.writeXLSX(to: .output, name: name) { try $0.addSheet("Data", header: ["id", "name"], rows: rows) }
                }
            }
        }.value
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(try Data(contentsOf: project.root.appendingPathComponent("output/\(name)")) == old)
        #expect(project.files(in: "output") == [name])
        // Stopped within a few chunks of the cancellation, not after two million rows.
        #expect(produced.value.withLock { $0 } < 200_000)
    }

    @Test func cancellationBeforeTheRenameKeepsTheOldFile() async throws {
        let project = TemporaryProject()
        try project.store.saveText("old", to: .output, name: "a.txt")
        let store = project.store
        let outcome = await Task {
            Result<URL, any Error> {
                try store.writeAtomically(to: .output, name: "a.txt") { file in
                    try file.write("new")
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
        }.value
        #expect(throws: CancellationError.self) { try outcome.get() }
        #expect(try project.text("output/a.txt") == "old")
        #expect(project.files(in: "output") == ["a.txt"])
    }
}
