import Foundation
import Runbook
import RunbookTesting
import Testing

struct OutputStoreTests {
    struct Report: Codable, Equatable {
        var name: String
        var count: Int
        var when: Date
    }

    static let unsafeNames: [(String, String)] = [
        ("", "is empty"),
        ("../escape.txt", "would leave its folder"),
        ("a/../../b.txt", "would leave its folder"),
        ("/etc/passwd", "is an absolute path"),
        ("~/x.txt", "is an absolute path"),
        ("bad\u{0}name.txt", "contains a NUL character"),
        ("a\\b.txt", "contains a backslash"),
        ("a//b.txt", "has an empty or '.' path component"),
        ("./a.txt", "has an empty or '.' path component"),
    ]

    @Test(arguments: unsafeNames)
    func refusesUnsafeNames(name: String, why: String) throws {
        let project = TemporaryProject()
        let shown = name.replacingOccurrences(of: "\u{0}", with: "\\0")
        #expect(throws: HelpfulError(
            code: .outputUnsafeName,
            problem: "File name '\(shown)' for output/ \(why)",
            solution: "Use a plain relative name inside the folder, without '..', a leading '/' or NUL",
            example: "report.json or 2025/report.json")) {
            try project.store.saveText("x", to: .output, name: name)
        }
    }

    static let timestampCases: [(String, String)] = [
        ("report.json", "report_2025-01-25T143045Z.json"),
        ("archive.tar.gz", "archive.tar_2025-01-25T143045Z.gz"),
        ("notes", "notes_2025-01-25T143045Z"),
        (".env", ".env_2025-01-25T143045Z"),
        ("2025/daily.csv", "2025/daily_2025-01-25T143045Z.csv"),
        ("v1.2/plain", "v1.2/plain_2025-01-25T143045Z"),
    ]

    @Test(arguments: timestampCases)
    func timestampGoesBeforeLastExtension(name: String, expected: String) {
        let project = TemporaryProject()
        #expect(project.store.timestampedName(name) == expected)
    }

    @Test func everyFolderIsCreatedOnDemand() throws {
        let project = TemporaryProject()
        #expect(OutputFolder.allCases.map(\.rawValue)
            == ["config", "data", "files", "generated_payloads", "logs", "output", "payloads", "schemas", "tmp", "wsdl"])
        for folder in OutputFolder.allCases {
            let url = try project.store.folderURL(folder)
            #expect(FileManager.default.fileExists(atPath: url.path))
        }
    }

    @Test func jsonPrettyCompactSortedAndRoundTrip() throws {
        let project = TemporaryProject()
        let report = Report(name: "a/b", count: 3, when: project.clock.now())
        let url = try project.store.saveJSON(report, to: .output, name: "r.json", timestamped: true)
        #expect(url.lastPathComponent == "r_2025-01-25T143045Z.json")
        let pretty = try project.text("output/r_2025-01-25T143045Z.json")
        #expect(pretty == "{\n  \"name\": \"a/b\",\n  \"count\": 3,\n  \"when\": \"2025-01-25T14:30:45Z\"\n}\n")
        try project.store.saveJSON(report, to: .output, name: "c.json", options: JSONOutputOptions(pretty: false, sortedKeys: true))
        #expect(try project.text("output/c.json") == #"{"count":3,"name":"a/b","when":"2025-01-25T14:30:45Z"}"# + "\n")
        #expect(try project.store.loadJSON(Report.self, from: .output, name: "c.json") == report)
    }

    @Test func failedWriteKeepsOldFileAndLeavesNoTemp() throws {
        struct Boom: Error {}
        let project = TemporaryProject()
        try project.store.saveText("old\n", to: .output, name: "a.csv")
        #expect(throws: Boom.self) {
            try project.store.writeCSV(to: .output, name: "a.csv") { csv in
                try csv.write(header: ["new"])
                throw Boom()
            }
        }
        #expect(try project.text("output/a.csv") == "old\n")
        #expect(project.files(in: "output") == ["a.csv"])
    }

    @Test func staleTemporaryFilesAreRemoved() throws {
        let project = TemporaryProject()
        try project.store.saveText("keep", to: .output, name: "a.txt")
        try project.store.saveText("half", to: .output, name: ".a.txt.tmp-1f")
        #expect(project.store.removeStaleTemporaryFiles(in: .output) == [], "a fresh file of an unknown writer stays")
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-2 * OutputStore.abandonedTemporaryFileAge)],
            ofItemAtPath: project.root.appendingPathComponent("output/.a.txt.tmp-1f").path)
        #expect(project.store.removeStaleTemporaryFiles(in: .output) == ["output/.a.txt.tmp-1f"])
        #expect(project.files(in: "output") == ["a.txt"])
    }

    @Test func aRunsStoreAddsTheShortRunIDToTimestampedNames() throws {
        let project = TemporaryProject()
        let runID = RunID(high: 0x0194_9ddf_4ffc_7000, low: 0x9d2b_4c8e_1f0a_7b6d)
        let store = OutputStore(root: project.root, clock: project.clock, runID: runID)
        #expect(store.timestampedName("report.json") == "report_2025-01-25T143045Z_4c8e1f0a7b6d.json")
        #expect(store.timestampedName("2025/notes") == "2025/notes_2025-01-25T143045Z_4c8e1f0a7b6d")
        let url = try store.saveCSV(header: ["a"], rows: [[.integer(1)]], to: .output, name: "t.csv", timestamped: true)
        #expect(url.lastPathComponent == "t_2025-01-25T143045Z_4c8e1f0a7b6d.csv")
    }

    @Test func emptyWorkbookIsRefusedAndNothingIsLeft() throws {
        let project = TemporaryProject()
        #expect(throws: HelpfulError(code: .outputEmptyWorkbook,
                                     problem: "Workbook r.xlsx has no sheets",
                                     solution: "Add at least one sheet before the workbook is saved",
                                     example: "try workbook.addSheet(\"Data\", rows: rows)")) {
            try project.store.saveXLSX(sheets: [], to: .output, name: "r.xlsx")
        }
        #expect(project.files(in: "output") == [])
    }

    @Test func textBinaryAndGzipRoundTrip() throws {
        let project = TemporaryProject()
        try project.store.saveText("line", to: .tmp, name: "sub/a.txt", ensureNewline: true)
        #expect(try project.store.loadText(from: .tmp, name: "sub/a.txt") == "line\n")
        let bytes = Data((0..<10_000).map { UInt8($0 % 7) })
        try project.store.saveBinary(bytes, to: .data, name: "b.bin")
        #expect(try project.store.loadBinary(from: .data, name: "b.bin") == bytes)
        let url = try project.store.saveGzip(bytes, to: .payloads, name: "p.gz", level: 6)
        let compressed = try Data(contentsOf: url)
        #expect(compressed.prefix(2) == Data([0x1F, 0x8B]))
        #expect(compressed.count < bytes.count / 10)
        #expect(try project.store.loadGzip(from: .payloads, name: "p.gz") == bytes)
    }

    @Test func gzipLevelOutOfRange() {
        let project = TemporaryProject()
        #expect(throws: HelpfulError(code: .outputCompressionLevel,
                                     problem: "Compression level 10 for p.gz is out of range",
                                     solution: "Use a level from 0 (none) to 9 (best)", example: "level: 6")) {
            try project.store.saveGzip(Data([1]), to: .tmp, name: "p.gz", level: 10)
        }
    }

    @Test func corruptGzipAndMissingFileAreHelpful() throws {
        let project = TemporaryProject()
        try project.store.saveBinary(Data([0x1F, 0x8B, 8, 0, 1, 2]), to: .tmp, name: "bad.gz")
        let badURL = project.root.appendingPathComponent("tmp/bad.gz")
        #expect(throws: HelpfulError(code: .outputInvalidContent,
                                     problem: "Invalid gzip data in bad.gz: the data is truncated",
                                     solution: "Fix the file, or regenerate it", location: .file(badURL.path))) {
            try project.store.loadGzip(from: .tmp, name: "bad.gz")
        }
        let missing = project.root.appendingPathComponent("data/none.json")
        #expect(throws: HelpfulError(code: .outputCannotRead,
                                     problem: "Cannot read \(missing.path): no such file",
                                     solution: "Check that the file exists and is readable",
                                     location: .file(missing.path))) {
            try project.store.loadJSON([String].self, from: .data, name: "none.json")
        }
    }
}
