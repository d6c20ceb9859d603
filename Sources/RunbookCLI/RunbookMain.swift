import ArgumentParser
import Foundation
public import Runbook

/// The `runbook` command: the entry point of an executable that knows a list of scripts.
///
/// ```swift
/// // Sources/runbook/main.swift
/// import RunbookCLI
/// import HelloWorld
///
/// await RunbookMain.main(scripts: [HelloWorld.self])
/// ```
public enum RunbookMain {
    /// Runs the command line of this process and exits with Runbook's exit code.
    public static func main(scripts: [any Script.Type]) async -> Never {
        let environment = CLIEnvironment.process(catalog: ScriptCatalog(scripts))
        let code = await execute(Array(CommandLine.arguments.dropFirst()), environment: environment)
        exit(code)
    }

    /// Runs a command line in-process and returns the exit code (tests call this).
    public static func execute(_ arguments: [String], environment: CLIEnvironment) async -> Int32 {
        await CLIContext.$current.withValue(environment) {
            do {
                var command = try RunbookCommand.parseAsRoot(arguments)
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
                return 0
            } catch {
                return report(error, environment: environment)
            }
        }
    }

    private static func report(_ error: any Error, environment: CLIEnvironment) -> Int32 {
        if let code = error as? ArgumentParser.ExitCode { return code.rawValue }
        let message = RunbookCommand.fullMessage(for: error)
        let code = RunbookCommand.exitCode(for: error).rawValue
        if code == 0 {
            environment.writeOut(message + "\n")
            return 0
        }
        if !message.isEmpty { environment.writeError(message + "\n") }
        return code == 1 ? Runbook.ExitCode.usage.rawValue : code
    }
}
