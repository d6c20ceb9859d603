import Foundation
import Runbook
import RunbookTesting
import Testing

/// An output file never holds a configured secret: every format refuses the write with a
/// `HelpfulError` naming the secret's key (never its value), and the old file stays in place.
struct OutputSecretRefusalTests {
    static let secret = "s3cr-et/val+ue=1&x\"q"

    struct Payload: Encodable {
        let customer: String
        let note: String
    }

    /// Each format, writing `text` (the secret or one of its forms) somewhere inside its data.
    static let writers: [(String, String, @Sendable (OutputStore, String) async throws -> Void)] = [
        ("text", "out.txt", { try $0.saveText("note: \($1)\n", to: .output, name: "out.txt") }),
        ("JSON", "out.json", { try $0.saveJSON(Payload(customer: "C1", note: $1), to: .output, name: "out.json") }),
        ("YAML", "out.yaml", { try $0.saveYAML(Payload(customer: "C1", note: $1), to: .output, name: "out.yaml") }),
        ("save(_:) by extension", "out.yml", { try $0.save(Payload(customer: "C1", note: $1), to: .output, name: "out.yml") }),
        ("CSV", "out.csv", { try $0.saveCSV(header: ["id", "note"], rows: [[1, .text($1)]], to: .output, name: "out.csv") }),
        ("TSV", "out.tsv", { try $0.saveCSV(header: ["id", "note"], rows: [[1, .text($1)]], to: .output, name: "out.tsv") }),
        ("CSV header", "head.csv", { try $0.saveCSV(header: ["id", $1], rows: [[1]], to: .output, name: "head.csv") }),
        ("streamed CSV", "stream.csv", { store, text in
            try store.writeCSV(to: .output, name: "stream.csv") { csv in
                for index in 0..<5_000 { try csv.write(row: [.integer(Int64(index)), "filler row to pass a 64 KiB flush"]) }
                try csv.write(row: [.text(text)])
            }
        }),
        ("async CSV", "async.csv", { store, text in
            let rows = AsyncStream<[TableCell]> { continuation in
                continuation.yield([.text(text)])
                continuation.finish()
            }
            try await store.writeCSV(header: ["note"], rows: rows, to: .output, name: "async.csv")
        }),
        ("XLSX", "out.xlsx", { try $0.saveXLSX(sheets: [XLSXSheet(name: "Data", header: ["note"], rows: [[.text($1)]])],
                                               to: .output, name: "out.xlsx") }),
        ("streamed XLSX", "stream.xlsx", { store, text in
            try store.writeXLSX(to: .output, name: "stream.xlsx") { workbook in
                try workbook.addSheet("Data") { sheet in try sheet.write(row: [.text(text)]) }
            }
        }),
        ("gzip", "out.json.gz", { try $0.saveGzip(Data("{\"note\":\"\($1)\"}".utf8), to: .output, name: "out.json.gz") }),
        ("binary", "out.bin", { try $0.saveBinary(Data("\u{0}\u{1}\($1)".utf8), to: .output, name: "out.bin") }),
        ("save(Data) by extension", "out.rapidstart", { try $0.save(Data($1.utf8), to: .output, name: "out.rapidstart") }),
        ("raw writeAtomically", "raw.txt", { store, text in
            try store.writeAtomically(to: .output, name: "raw.txt") { file in try file.write(text) }
        }),
    ]

    static let forms = [secret, secret.uppercased(), secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!,
                        Data(secret.utf8).base64EncodedString()]

    struct Case: Sendable, CustomTestStringConvertible {
        let format: String
        let file: String
        let form: String
        let write: @Sendable (OutputStore, String) async throws -> Void
        var testDescription: String { "\(format), form #\(OutputSecretRefusalTests.forms.firstIndex(of: form)!)" }
    }

    static let cases: [Case] = writers.flatMap { writer in
        forms.map { Case(format: writer.0, file: writer.1, form: $0, write: writer.2) }
    }

    @Test("every format refuses a secret and keeps the old file", arguments: cases)
    func refuses(item: Case) async throws {
        let project = TemporaryProject()
        let registry = SecretRegistry()
        registry.register(Secret(name: "erp-api-key", value: Self.secret))
        let store = OutputStore(root: project.root, clock: project.clock, redactor: Redactor(secrets: registry))
        try await item.write(store, "harmless")
        let before = try Data(contentsOf: project.root.appendingPathComponent("output/\(item.file)"))
        do {
            try await item.write(store, item.form)
            Issue.record("\(item.format) wrote a secret")
        } catch let error as HelpfulError {
            #expect(error.problem == "Refusing to write output/\(item.file): it would contain the value of the secret 'erp-api-key'")
            let rendered = HelpfulErrorRenderer(style: .json).render(error)
            #expect(!rendered.contains(item.form) && !rendered.contains(Self.secret))
        }
        #expect(try Data(contentsOf: project.root.appendingPathComponent("output/\(item.file)")) == before)
        #expect(project.files(in: "output").allSatisfy { !$0.contains(".tmp-") })
    }

    @Test("a secret obtained at run time is named as such") func unnamedSecret() throws {
        let project = TemporaryProject()
        let registry = SecretRegistry()
        registry.register("eyJhbGciOiJIUzI1NiJ9-access-token")
        let store = OutputStore(root: project.root, clock: project.clock, redactor: Redactor(secrets: registry))
        #expect {
            try store.saveText("eyJhbGciOiJIUzI1NiJ9-access-token", to: .output, name: "t.txt")
        } throws: { error in
            (error as? HelpfulError)?.problem
                == "Refusing to write output/t.txt: it would contain the value of the secret a secret obtained at run time (such as an access token)"
        }
    }

    @Test("text without a secret is written unchanged") func harmlessDataIsWritten() throws {
        let project = TemporaryProject()
        let registry = SecretRegistry()
        registry.register(Secret(name: "erp-api-key", value: Self.secret))
        let store = OutputStore(root: project.root, clock: project.clock, redactor: Redactor(secrets: registry))
        try store.saveText("s3cr-et/val and ue=1&x are parts only\n", to: .output, name: "ok.txt")
        #expect(try project.text("output/ok.txt") == "s3cr-et/val and ue=1&x are parts only\n")
    }

    struct SavesTheToken: Script {
        static let name = "saves-the-token"
        static let summary = "writes its API key into a report"
        init() {}
        func run(_ context: ScriptContext) async throws {
            let key = try context.secrets.require("erp-api-key").reveal()
            try context.output.saveCSV(header: ["customer", "key"], rows: [["C1", .text(key)]], to: .output, name: "report.csv")
        }
    }

    @Test("a script run refuses the file, names the key and writes nothing") func scriptRunRefuses() async {
        var harness = ScriptHarness(SavesTheToken.self)
        harness.secrets = ["erp-api-key": Self.secret]
        let result = await harness.run()
        #expect(result.exitCode == .scriptFailed)
        // Only the run record is written, and it holds the key's name, never its value.
        let files = result.files(prefix: "output/")
        #expect(files.keys.allSatisfy { $0.contains("-results_") && !$0.contains("report") }, "\(files.keys)")
        #expect(files.count == 1)
        for path in files.keys {
            #expect(result.text(ofFile: path)?.contains(Self.secret) == false)
        }
        #expect(result.error?.problem.contains("the secret 'erp-api-key'") == true)
        #expect(result.renderedError?.contains(Self.secret) == false)
    }
}
