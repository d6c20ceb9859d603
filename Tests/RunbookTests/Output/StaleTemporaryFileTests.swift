import Foundation
@testable import Runbook
import Testing

/// Which temporary files a run removes: those of killed writers (same host, process gone) and
/// abandoned ones (another host or no writer in the name, a day without a write); never those of
/// a write still under way.
@Suite struct StaleTemporaryFileTests {
    static let this = TemporaryFileName.Writer.current

    func temporaryName(_ base: String, host: String = this.host, pid: Int32) -> String {
        ".\(base).tmp-\(host)-\(pid)-0123456789abcdef"
    }

    func make(_ project: borrowing TemporaryProject, _ path: String, age: TimeInterval = 0) throws {
        let url = project.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: url)
        if age > 0 {
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-age)], ofItemAtPath: url.path)
        }
    }

    @Test func theWriterIsPartOfTheTemporaryName() throws {
        let name = TemporaryFileName.make(for: "report.csv")
        #expect(name.hasPrefix(".report.csv.tmp-\(Self.this.host)-\(getpid())-"))
        #expect(TemporaryFileName.writer(of: name) == Self.this)
        #expect(TemporaryFileName.writer(of: ".report.csv.tmp-1f") == nil)
        #expect(TemporaryFileName.writer(of: "report.csv") == nil)
        let long = TemporaryFileName.make(for: String(repeating: "é", count: 200) + ".csv")
        #expect(long.utf8.count < 255)
        #expect(Self.this.host.count == 8)
    }

    @Test func onlyFilesOfEndedOrLongSilentWritersAreRemoved() throws {
        let project = TemporaryProject()
        let dead = try ChildProcess.deadPID()
        let running = try ChildProcess.start("exec sleep 3600")
        defer { running.killHard() }
        let day = OutputStore.abandonedTemporaryFileAge
        try make(project, "output/" + temporaryName("a.csv", pid: dead))
        try make(project, "output/2025/" + temporaryName("b.csv", pid: dead))
        try make(project, "payloads/" + temporaryName("c.json", pid: running.pid))
        try make(project, "payloads/" + temporaryName("d.json", pid: getpid()), age: 2 * day)
        try make(project, "tmp/" + temporaryName("e.txt", host: "0badc0de", pid: dead))
        try make(project, "tmp/" + temporaryName("f.txt", host: "0badc0de", pid: dead), age: 2 * day)
        try make(project, "tmp/.g.txt.tmp-1f")
        try make(project, "tmp/.h.txt.tmp-2e", age: 2 * day)
        try make(project, "data/customers.csv", age: 2 * day)
        let removed = project.store.removeStaleTemporaryFiles()
        #expect(removed == [
            "output/" + temporaryName("a.csv", pid: dead),
            "output/2025/" + temporaryName("b.csv", pid: dead),
            "tmp/" + temporaryName("f.txt", host: "0badc0de", pid: dead),
            "tmp/.h.txt.tmp-2e",
        ])
        #expect(project.files(in: "payloads").count == 2, "a running writer's and this process's files stay")
        #expect(project.files(in: "tmp") == [".g.txt.tmp-1f", temporaryName("e.txt", host: "0badc0de", pid: dead)].sorted())
        #expect(project.files(in: "data") == ["customers.csv"])
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("logs").path),
                "no folder is created")
    }

    @Test func aWriterKilledWithSIGKILLLeavesAFileTheNextRunRemoves() throws {
        let project = TemporaryProject()
        let writer = try ChildProcess.start("exec sleep 3600")
        let name = temporaryName("report.csv", pid: writer.pid)
        try make(project, "output/" + name)
        #expect(project.store.removeStaleTemporaryFiles().isEmpty, "the writer still runs")
        writer.killHard()
        #expect(project.store.removeStaleTemporaryFiles() == ["output/" + name])
        #expect(project.files(in: "output").isEmpty)
    }
}
