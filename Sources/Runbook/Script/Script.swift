public import ArgumentParser

/// A Runbook script: the business logic of one job, run as `runbook run <name> <org> <env> [options]`.
///
/// A script is a value whose stored properties are its own command-line options (declared with
/// swift-argument-parser's `@Option`, `@Flag`, `@Argument`), so `runbook run customer-sync acme prod
/// --limit 10` fills `limit` before `run` is called. Everything else — configuration, secrets,
/// logger, HTTP clients, output files, results — comes from the context.
///
/// ```swift
/// public import Runbook
///
/// public struct CustomerSync: Script {
///     public static let name = "customer-sync"
///     public static let summary = "Upserts customers from data/customers.csv into the ERP"
///
///     @Option(help: "Process at most this many customers") var limit: Int?
///
///     public init() {}
///
///     public func run(_ context: ScriptContext) async throws {
///         let batch = try context.config.require(Int.self, "script-behavior", "batch-handling", "update-batch-size")
///         context.logger.info("Syncing in batches of \(batch)")
///     }
/// }
/// ```
public protocol Script: ParsableArguments, Sendable {
    /// The name used on the command line (`hello-world`): lower-case letters, digits and `-`.
    static var name: String { get }
    /// One line saying what the script does (shown by `runbook list`).
    static var summary: String { get }
    /// An optional JSON Schema (JSON text) for the script's own section `scripts.<name>` of the
    /// configuration. Its defaults are filled in and it is validated with the rest of the document.
    static var configSchema: String? { get }
    /// The script's own version, recorded in every run record (`scriptVersion`); `unversioned`
    /// unless the script says otherwise (`public static let version = "1.2.0"`).
    static var version: String { get }
    /// The business logic. Throw a `HelpfulError` for anything the user can fix.
    func run(_ context: ScriptContext) async throws
}

extension Script {
    /// No schema fragment by default.
    public static var configSchema: String? { nil }
    /// `unversioned` by default.
    public static var version: String { "unversioned" }
}
