import Foundation
import RunbookTesting
import Testing

/// What the Kubernetes tests share: the real `runbook` executable, a child process awaited without
/// blocking the pool, the Kubernetes JSON Schemas `.ci/run` installs, and a project with targets.
enum KubernetesTestSupport {
    static let repositoryRoot = SourceTree.root

    /// `.build/debug/runbook`, built beside the test bundle (`swift build --build-tests`).
    static func runbook() throws -> URL {
        try BuiltExecutable.url(named: "runbook")
    }

    /// Runs the real `runbook` in `directory`; standard output and error captured through files.
    static func run(_ arguments: [String], in directory: URL, variables: [String: String] = [:]) async throws
        -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try runbook()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "JOB_COMPLETION_INDEX")
        for (name, value) in variables { environment[name] = value }
        process.environment = environment
        let out = directory.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        let err = directory.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        let started: Bool = await withCheckedContinuation { continuation in
            process.terminationHandler = { _ in continuation.resume(returning: true) }
            do { try process.run() } catch { continuation.resume(returning: false) }
        }
        try outHandle.close()
        try errHandle.close()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        #expect(started)
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }

    /// The schemas of Kubernetes 1.33 (`RUNBOOK_K8S_SCHEMAS`, else the venv `.ci/run` makes), or nil.
    static func schemas() -> URL? {
        let variables = ProcessInfo.processInfo.environment
        var candidates: [URL] = []
        if let folder = variables["RUNBOOK_K8S_SCHEMAS"], !folder.isEmpty { candidates.append(URL(fileURLWithPath: folder)) }
        let lib = repositoryRoot.appendingPathComponent(".build/ci-venv/lib")
        for python in (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? [] {
            candidates.append(lib.appendingPathComponent(
                "\(python)/site-packages/kubernetes_validate/kubernetes-json-schema/v1.33.0-local-strict"))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("job-batch-v1.json").path) }
    }

    /// Whether the schema tests must run: under CI (`CI` set) their absence is a failure, not a skip.
    static var schemasRequired: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    /// A project with the demo configuration for `demo/test`, `demo/prod`, `acme/test`, a broken
    /// `broken/test` (78), a `missing/test` whose input file does not exist (the script fails: 1),
    /// and `targets.yaml` listing the given ones.
    static func project(targets: [String]) throws -> TestWorkspace {
        let project = try TestWorkspace.cli()
        let demo = try String(contentsOf: repositoryRoot.appendingPathComponent("config/demo-test-config.yaml"), encoding: .utf8)
        for name in ["demo-test", "demo-prod", "acme-test"] { try project.write("config/\(name)-config.yaml", demo) }
        try project.write("config/broken-test-config.yaml", "global:\n  api-base-url: 12\n")
        try project.write("config/missing-test-config.yaml",
                          demo.replacingOccurrences(of: "    greeting: Hello\n", with: "    greeting: Hello\n    input-file: nobody.csv\n"))
        let list = targets.map { target -> String in
            let parts = target.split(separator: "/")
            return "  - { org: \(parts[0]), env: \(parts[1]) }"
        }
        try project.write("targets.yaml", "options:\n  limit: 2\ntargets:\n" + list.joined(separator: "\n") + "\n")
        return project
    }
}
