import ArgumentParser
import Foundation
public import Runbook

/// The `runbook` command: the entry point of an executable that knows a list of scripts.
///
/// Every error a user sees is rendered here, once: commands throw `HelpfulError`s, argument-parser
/// errors become `HelpfulError`s with exit code 64, and `--json` renders them as JSON.
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
        // A fleet's child first makes sure it does not outlive its coordinator.
        FleetChildGuard.install(environment: ProcessInfo.processInfo.environment)
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
                return report(error, arguments: arguments, environment: environment)
            }
        }
    }

    /// Shows `error` once (help and clean exits on standard output, every failure as a
    /// `HelpfulError` on standard error) and returns the exit code.
    private static func report(_ error: any Error, arguments: [String], environment: CLIEnvironment) -> Int32 {
        // Thrown by a command that has already shown its outcome (a finished run).
        if let code = error as? ArgumentParser.ExitCode { return code.rawValue }
        let usage = CommandLineUsage(arguments: arguments)
        if let failure = error as? RunFailure {
            environment.writeError(environment.errorRenderer(json: failure.asJSON || usage.asksForJSON).render(failure.error))
            return failure.error.exitCode.rawValue
        }
        let helpful: HelpfulError
        let parserCode = RunbookCommand.exitCode(for: error)
        if error is HelpfulError || error is any HelpfulErrorConvertible || error is CancellationError {
            helpful = HelpfulError.wrapping(error)
        } else if parserCode == .success {
            // --help, `runbook help …`, and other clean exits.
            let message = RunbookCommand.fullMessage(for: error)
            if !message.isEmpty { environment.writeOut(message + "\n") }
            return 0
        } else if parserCode == .validationFailure {
            helpful = usage.helpfulError(for: error)
        } else {
            // Not the parser's and not ours: wrapped, never shown raw.
            helpful = HelpfulError.wrapping(error)
        }
        environment.writeError(environment.errorRenderer(json: usage.asksForJSON).render(helpful))
        return helpful.exitCode.rawValue
    }
}
