import Foundation
import Logging
import Runbook
import Testing

struct OutputDispatchTests {
    static let formats: [(String, OutputFormat?)] = [
        ("a.json", .json), ("a.YAML", .yaml), ("a.yml", .yaml), ("a.csv", .csv), ("a.tsv", .tsv),
        ("a.xlsx", .xlsx), ("a.xlsm", .xlsx), ("notes.md", .text), ("pkg.rapidstart", .gzip), ("x.tar.gz", .gzip),
        ("blob.dat", .binary), ("README", nil), (".env", nil), ("x.pkl", nil),
    ]

    @Test(arguments: formats)
    func formatByExtension(name: String, format: OutputFormat?) {
        #expect(OutputFormat(fileName: name) == format)
    }

    @Test func saveRoutesByExtension() throws {
        let project = TemporaryProject()
        try project.store.save(["b": 1], to: .output, name: "x.yaml")
        try project.store.save(["b": 1], to: .output, name: "x.json")
        try project.store.save(Data("hello".utf8), to: .output, name: "x.gz")
        #expect(try project.text("output/x.yaml") == "b: 1\n")
        #expect(try project.text("output/x.json") == "{\n  \"b\": 1\n}\n")
        #expect(try project.store.loadGzip(from: .output, name: "x.gz") == Data("hello".utf8))
        #expect(throws: HelpfulError(
            code: .outputWrongFormat,
            problem: "Cannot save structured data as x.csv: the extension makes it a csv file",
            solution: "Use a .json or .yaml name, or saveCSV/saveXLSX for tables",
            example: "try store.save(report, to: .output, name: \"report.json\")")) {
            try project.store.save(["b": 1], to: .output, name: "x.csv")
        }
    }

    @Test func asyncRowsStreamIntoCSV() async throws {
        let project = TemporaryProject()
        let rows = AsyncStream<[TableCell]> { continuation in
            for index in 1...3 { continuation.yield([.integer(Int64(index)), "=cmd"]) }
            continuation.finish()
        }
        try await project.store.writeCSV(header: ["n", "v"], rows: rows, to: .output, name: "a.csv")
        #expect(try project.text("output/a.csv") == "n,v\r\n1,'=cmd\r\n2,'=cmd\r\n3,'=cmd\r\n")
    }

    static let levels: [(Logger.Level?, Bool, Bool, Logger.Level)] = [
        (nil, false, false, .info), (nil, true, false, .debug), (nil, false, true, .debug),
        (.warning, true, true, .warning), (.trace, false, false, .trace),
    ]

    @Test(arguments: levels)
    func consoleLevelFromFlags(flag: Logger.Level?, debug: Bool, verbose: Bool, expected: Logger.Level) {
        #expect(RunLogging.consoleLevel(flag: flag, debugMode: debug, verboseLogging: verbose) == expected)
    }
}
