import Foundation
import RunbookTesting
import Testing

/// Every broken configuration ends in exit 78 with the location in the message, writes nothing to
/// output/ but its run record, and never shows a secret.
@Suite struct BrokenConfigTests {
    @Test func corpusHasAtLeastFortyCases() {
        #expect(BrokenConfigCorpus.cases.count >= 40)
        #expect(Set(BrokenConfigCorpus.cases.map(\.name)).count == BrokenConfigCorpus.cases.count)
    }

    @Test(arguments: BrokenConfigCorpus.cases)
    func brokenConfigurationFailsWithLocation(_ brokenCase: BrokenConfigCase) async throws {
        let project = try TestWorkspace.cli()
        defer { project.remove() }
        for (path, data) in brokenCase.files { try project.write(path, data) }
        if let size = brokenCase.sparseConfigBytes {
            let url = project.root.appendingPathComponent("config/demo-test-config.yaml")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: size)
            try handle.close()
        }
        if brokenCase.removeSchema {
            try FileManager.default.removeItem(at: project.root.appendingPathComponent("schemas"))
        }
        let result = await CLITester.helloWorld.run(
            ["run", "hello-world", brokenCase.org, brokenCase.env], in: project, variables: brokenCase.variables)
        #expect(result.exitCode == 78, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("❌ Problem [\(brokenCase.code)]: "), "stderr: \(result.stderr)")
        #expect(result.stderr.contains(brokenCase.location), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains(BrokenConfigCase.plantedSecret))
        #expect(!result.stdout.contains(BrokenConfigCase.plantedSecret))
        let written = project.files(in: "output")
        #expect(written.count == 1 && written.allSatisfy { $0.contains("-hello-world-results_") }, "\(written)")
        for name in written {
            let record = try String(contentsOf: project.root.appendingPathComponent("output/" + name), encoding: .utf8)
            #expect(record.contains(#""outcome": "configurationError""#))
            #expect(record.contains(#""code": "\#(brokenCase.code)""#), "\(record)")
            #expect(!record.contains(BrokenConfigCase.plantedSecret))
        }
        #expect(result.stderr.components(separatedBy: "❌ Problem [").count == 2, "the error is shown exactly once")
    }
}
