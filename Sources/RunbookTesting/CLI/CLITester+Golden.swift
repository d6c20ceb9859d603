public import Foundation

extension CLITester {
    /// Runs `runbook <arguments>` and checks the exit code and, for each text you give, that the
    /// stream equals it exactly (swift-argument-parser's `AssertExecuteCommand`). Returns the result
    /// for further checks.
    ///
    /// ```swift
    /// try await runbook.expect(["run", "hello-world", "demo", "test"], in: workspace, exitCode: 0,
    ///                          stderr: "")
    /// ```
    /// - Parameter output: standard output and error together, in the order written.
    /// - Throws: ``GoldenTextMismatch`` for the first check that fails, the exit code's first.
    @discardableResult
    public func expect(
        _ arguments: [String], in workspace: TestWorkspace, variables: [String: String] = [:], exitCode: Int32 = 0,
        stdout: String? = nil, stderr: String? = nil, output: String? = nil
    ) async throws -> CLIResult {
        let result = await run(arguments, in: workspace, variables: variables)
        let command = (["runbook"] + arguments).joined(separator: " ")
        try GoldenText.check("\(result.exitCode)", equals: "\(exitCode)", what: "exit code of \(command) (stderr: \(result.stderr))")
        if let stdout { try GoldenText.check(result.stdout, equals: stdout, what: "stdout of \(command)") }
        if let stderr { try GoldenText.check(result.stderr, equals: stderr, what: "stderr of \(command)") }
        if let output { try GoldenText.check(result.output, equals: output, what: "output of \(command)") }
        return result
    }

    /// Checks that `runbook <command> --help` exits 0 and prints exactly `help` (swift-argument-parser's `AssertHelp`).
    ///
    /// ```swift
    /// try await runbook.expectHelp(for: ["list"], in: workspace, equals: """
    ///     OVERVIEW: List the scripts this executable knows.
    ///     …
    ///     """)
    /// ```
    public func expectHelp(for command: [String], in workspace: TestWorkspace, equals help: String) async throws {
        try await expect(command + ["--help"], in: workspace, stdout: help)
    }
}
