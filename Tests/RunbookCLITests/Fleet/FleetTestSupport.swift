import CustomerSync
import Foundation
import RunbookTesting
import HelloWorld
import JSONSchema
import Runbook
import RunbookCLI
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What the fleet tests share: the built `runbook` (the children, and the coordinator of the kill -9
/// test), an in-process coordinator that knows hello-world and customer-sync, real processes
/// waited for without blocking the pool, and the fleet record checked against its schema.
enum FleetTestSupport {
    /// `.build/debug/runbook` beside the test bundle (`swift build --build-tests` builds it).
    static func runbook() throws -> URL {
        try ChildProcess.builtExecutable("runbook")
    }

    /// Runs `runbook <arguments>` in-process (the coordinator) with children of the built `runbook`
    /// (or `executable`).
    static func run(_ arguments: [String], in project: TestWorkspace, executable: URL? = nil,
                    variables: [String: String] = [:]) async throws -> CLIResult {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("RUNBOOK") }
        environment["NO_COLOR"] = "1"
        environment["RUNBOOK_FLEET_EXECUTABLE"] = try (executable ?? runbook()).path
        let coordinator = CLITester(scripts: [HelloWorld.self, CustomerSync.self], variables: environment)
        return await coordinator.run(arguments, in: project, variables: variables)
    }

    /// The one fleet record in `output/` of `project` (the newest when there are several).
    static func records(in project: TestWorkspace) -> [URL] {
        let folder = project.root.appendingPathComponent("output")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("fleet_") && $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The violations of a fleet record file against schemas/fleet-record.schema.json.
    static func schemaViolations(_ url: URL) throws -> [String] {
        let schemaData = try Data(contentsOf: SourceTree.root.appendingPathComponent("schemas/fleet-record.schema.json"))
        let schema = try CompiledSchema(try JSONParser.parse(Array(schemaData)))
        let data = try Data(contentsOf: url)
        return schema.validate(try JSONParser.parse(Array(data))).violations.map { "\($0.instanceLocation): \($0.message)" }
    }

    /// A configuration for customer-sync against `baseURL`: no retries, the breaker opening after 2 failures.
    static func customerSyncConfig(_ baseURL: URL, timeoutSeconds: Int = 30) -> String {
        """
        global:
          api-base-url: \(baseURL.absoluteString)
        script-behavior:
          api-timeouts:
            rest-timeout-seconds: \(timeoutSeconds)
          retry-strategy:
            max-retries: 0
            backoff-factor: 1.0
          circuit-breaker:
            enabled: true
            failure-threshold: 2
            timeout-seconds: 60

        """
    }
}

/// Waits for `condition`, checking every 20 ms, for at most `limit` (a guard against a hang, not a timing assertion).
func eventually(_ limit: Duration = .seconds(120), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

/// Whether a process is gone (or a zombie nobody reaped yet).
func processIsGone(_ pid: pid_t) -> Bool {
    if kill(pid, 0) != 0 { return true }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return true }
    return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
}
