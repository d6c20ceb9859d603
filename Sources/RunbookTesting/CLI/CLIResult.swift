/// What an in-process `runbook` run (``CLITester``) printed and returned.
public struct CLIResult: Sendable, Equatable {
    /// The exit code (0 success, 1 script failed, 2 recorded failures, 64 usage, 75 retry later,
    /// 78 configuration, 130 interrupted).
    public var exitCode: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
    /// Standard output and standard error in the order they were written (what a terminal shows).
    public var output: String

    /// Creates a result (for tests of code that takes one).
    public init(exitCode: Int32, stdout: String, stderr: String, output: String? = nil) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
        self.output = output ?? stdout + stderr
    }

    init(exitCode: Int32, capture: Capture) {
        self.init(exitCode: exitCode, stdout: capture.stdout, stderr: capture.stderr, output: capture.output)
    }

    /// The streams as they are written.
    struct Capture: Sendable {
        var stdout = ""
        var stderr = ""
        var output = ""

        mutating func write(_ text: String, isError: Bool) {
            if isError { stderr += text } else { stdout += text }
            output += text
        }
    }
}
