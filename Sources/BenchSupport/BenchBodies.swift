public import Foundation

/// The large bodies of the transport benchmarks (runbook-bench http.transports, bench/compare): a
/// JSON array of customer records of about `bytes` bytes, as it is and gzipped, so the 5 MB rows
/// and the 5 MB gzip row carry the same document.
public enum BenchBodies {
    /// A JSON array of distinct records, `bytes` long or a few bytes less.
    public static func json(bytes: Int) -> Data {
        var text = "["
        text.reserveCapacity(bytes)
        var id = 100_000
        while text.utf8.count < bytes - 80 {
            text += #"{"id":\#(id),"name":"customer \#(id)","city":"Oslo","balance":\#(id % 9_973).25},"#
            id += 1
        }
        text += #"{"id":0}]"#
        return Data(text.utf8)
    }

    /// `data` gzipped by the system's `gzip` (level 6, its default).
    public static func gzip(_ data: Data) throws -> Data {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bench-body-\(getpid()).json")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-c", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let compressed = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !compressed.isEmpty else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "gzip failed (status \(process.terminationStatus))"])
        }
        return compressed
    }
}
