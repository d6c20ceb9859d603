public import Foundation
public import Runbook
import RunbookCLI
import Synchronization

/// Runs the real `runbook` command tree in-process (the same entry point the executable calls,
/// with the scripts you give it) and captures what it prints and the exit code; the golden-text
/// helpers compare output exactly and fail with a line diff.
///
/// ```swift
/// @Test func listShowsTheScripts() async throws {
///     let workspace = try TestWorkspace()
///     defer { workspace.remove() }
///     let runbook = CLITester(scripts: [HelloWorld.self])
///     try await runbook.expect(["list"], in: workspace, stdout: """
///         hello-world  Greets everyone in data/people.csv and writes a timestamped report (no network)
///
///         """)
///     let result = await runbook.run(["run", "hello-world", "demo", "nowhere"], in: workspace)
///     #expect(result.exitCode == 78)
/// }
/// ```
///
/// Colour is off (`NO_COLOR=1`), the streams are not terminals, Ctrl-C is not handled, and the
/// process's own environment is not seen unless you pass it in ``variables``.
public struct CLITester: Sendable {
    /// The scripts `runbook` knows (`runbook list`, `runbook run <name>`).
    public let scripts: [any Script.Type]
    /// The environment variables of every run (`NO_COLOR=1` unless you replace them).
    public var variables: [String: String]
    /// The clock of every run (a `ManualClock` makes run ids, timestamps and sleeps deterministic).
    public var clock: any RunbookClock

    /// Creates a tester for a command tree that knows `scripts`.
    public init(
        scripts: [any Script.Type], variables: [String: String] = ["NO_COLOR": "1"], clock: any RunbookClock = SystemClock()
    ) {
        self.scripts = scripts
        self.variables = variables
        self.clock = clock
    }

    /// Runs `runbook <arguments>` with `workspace` as the current directory (the project root).
    /// - Parameter variables: added to (and overriding) ``variables`` for this run.
    public func run(_ arguments: [String], in workspace: TestWorkspace, variables: [String: String] = [:]) async -> CLIResult {
        await run(arguments, in: workspace.root, variables: variables)
    }

    /// Runs `runbook <arguments>` with `directory` as the current directory (the project root).
    /// - Parameter variables: added to (and overriding) ``variables`` for this run.
    public func run(_ arguments: [String], in directory: URL, variables: [String: String] = [:]) async -> CLIResult {
        let capture = Mutex(CLIResult.Capture())
        let code = await Self.execute(
            arguments, scripts: scripts, variables: self.variables.merging(variables) { $1 }, directory: directory,
            clock: clock, writeOut: { text in capture.withLock { $0.write(text, isError: false) } },
            writeError: { text in capture.withLock { $0.write(text, isError: true) } })
        return CLIResult(exitCode: code, capture: capture.withLock { $0 })
    }

    /// The one place that knows RunbookCLI's entry point: `RunbookMain.execute` with an environment
    /// built from the arguments.
    private static func execute(
        _ arguments: [String], scripts: [any Script.Type], variables: [String: String], directory: URL,
        clock: any RunbookClock, writeOut: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void
    ) async -> Int32 {
        let environment = CLIEnvironment(
            catalog: ScriptCatalog(scripts), variables: variables, currentDirectory: directory,
            writeOut: writeOut, writeError: writeError, clock: clock)
        return await RunbookMain.execute(arguments, environment: environment)
    }
}
