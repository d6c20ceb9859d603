import Foundation
import Runbook
import RunbookTesting
import Testing

/// `OutputStore.transaction`: after the block, all of its files are in place or none is.
@Suite struct OutputTransactionTests {
    struct Failure: Error {}

    static func makeStore() throws -> (OutputStore, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-tx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return (OutputStore(root: root, clock: ManualClock(), runID: RunID.generate(at: Date(timeIntervalSince1970: 1_737_815_445)),
                            recordsFiles: true), root)
    }

    /// Every file below `folder` (hidden ones too), relative.
    static func files(_ root: URL, _ folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        return (FileManager.default.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []).filter {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    @Test func allFilesAppearTogetherAndAreRecorded() async throws {
        let (store, root) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let names = try await store.transaction { tx in
            let csv = try tx.saveCSV(header: ["id"], rows: [[.integer(1)]], to: .output, name: "a.csv")
            #expect(Self.files(root, "output").filter { !$0.hasPrefix(".") } == [], "nothing in place inside the block")
            let xlsx = try tx.saveXLSX(sheets: [XLSXSheet(name: "S", rows: [[.text("x")]])], to: .output, name: "a.xlsx")
            return [csv.lastPathComponent, xlsx.lastPathComponent]
        }
        #expect(names == ["a.csv", "a.xlsx"])
        #expect(Self.files(root, "output") == ["a.csv", "a.xlsx"])
        #expect(Self.files(root, "tmp") == [], "the journal is gone")
        #expect(store.transactions.map(\.state) == [.committed])
        #expect(store.transactions.first?.files == ["output/a.csv", "output/a.xlsx"])
        #expect(store.writtenFiles.map(\.transaction) == [store.transactions.first?.id, store.transactions.first?.id])
    }

    @Test func aThrowingBlockLeavesNoneAndKeepsTheOldFiles() throws {
        let (store, root) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        try store.saveText("old", to: .output, name: "b.txt")
        #expect(throws: Failure.self) {
            try store.transaction { tx in
                try tx.saveText("new", to: .output, name: "b.txt")
                try tx.saveText("new", to: .output, name: "c.txt")
                throw Failure()
            }
        }
        #expect(Self.files(root, "output") == ["b.txt"], "no new file, no temporary file")
        #expect(try store.loadText(from: .output, name: "b.txt") == "old")
        #expect(store.transactions.map(\.state) == [.rolledBack])
        #expect(store.writtenFiles.map(\.path) == ["output/b.txt"])
    }

    @Test func cancellationBeforeTheCommitLeavesNone() async throws {
        let (store, root) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        let task = Task {
            try await store.transaction { tx in
                try tx.saveText("1", to: .output, name: "d.txt")
                withUnsafeCurrentTask { $0?.cancel() }  // what Ctrl-C does
                try tx.saveText("2", to: .output, name: "e.txt")
            }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(Self.files(root, "output") == [])
        #expect(Self.files(root, "tmp") == [])
    }

    @Test func aNestedTransactionJoinsTheOuterOne() throws {
        let (store, root) = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: Failure.self) {
            try store.transaction { tx in
                try tx.transaction { inner in try inner.saveText("x", to: .output, name: "f.txt") }
                throw Failure()
            }
        }
        #expect(Self.files(root, "output") == [])
    }
}
