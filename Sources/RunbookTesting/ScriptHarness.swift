public import Foundation
public import Runbook

/// Runs a `Script` in-process, in milliseconds, against injected fakes: inline configuration
/// (validated against the project's real schema unless you opt out), secrets, environment
/// overrides, options, fake HTTP routes, a manual clock, a temporary workspace for files and logs,
/// and overrides of any service.
///
/// ```swift
/// @Test func syncsCustomers() async throws {
///     var harness = ScriptHarness(CustomerSync.self)
///     harness.files["data/customers.csv"] = Data("id,name\n1,Ada\n".utf8)
///     harness.http.route(.get, "/customers/1", response: .json(404, "{}"))
///     harness.http.route(.post, "/customers", response: .json(201, #"{"id":"1"}"#))
///     let result = await harness.run()
///     #expect(result.exitCode == .success)
///     #expect(result.results?.counts.created == 1)
///     #expect(result.requests.map(\.path) == ["/customers/1", "/customers"])
/// }
/// ```
///
/// Set `liveBaseURL` to run the same test against a real server (`global.api-base-url` then points
/// there and the real transport is used).
public struct ScriptHarness<S: Script>: Sendable {
    /// The organisation passed to the script.
    public var org = "demo"
    /// The environment passed to the script.
    public var env = "test"
    /// The configuration document (YAML unless `configIsJSON`).
    public var config = ScriptHarness.defaultConfig
    /// Whether `config` is JSON.
    public var configIsJSON = false
    /// Whether the configuration is validated against the schema (defaults are filled in either way).
    public var validatesConfig = true
    /// Secrets by name (`client-secret`: …); redacted from logs, errors and the run record like real ones; an output file that would hold one is refused.
    public var secrets: [String: String] = [:]
    /// Environment variables (`RUNBOOK__…` overrides, `RUNBOOK_SECRET_…`).
    public var environment: [String: String] = [:]
    /// The script's own command-line options.
    public var arguments: [String] = []
    /// `--dry-run`.
    public var isDryRun = false
    /// Files put into the workspace before the run, by relative path (`data/customers.csv`).
    public var files: [String: Data] = [:]
    /// Fake HTTP routes; every request is recorded. A request without a route fails the result
    /// (see `FakeHTTPTransport.unroutedRequests`).
    public let http = FakeHTTPTransport()
    /// The run's clock: sleeps (retries, rate limits, polling) advance it instantly.
    public let clock: ManualClock
    /// Run against a live server at this base URL instead of the fake routes.
    public var liveBaseURL: URL?
    /// The project root holding `schemas/org-env-config.schema.json` (found from the current
    /// directory upwards when nil).
    public var projectRoot: URL?
    private var overrides: [@Sendable (ServiceContainer) -> Void] = []

    /// A configuration that validates against the standard schema.
    public static var defaultConfig: String {
        """
        global:
          api-base-url: http://api.test/
        script-behavior: {}

        """
    }

    /// Creates a harness for a script type.
    public init(_ script: S.Type, clock: ManualClock = ManualClock()) {
        self.clock = clock
    }

    /// Replaces a service in the run's container (a script's own repository, a client, the clock…).
    public mutating func override<Service: Sendable>(
        _ type: Service.Type, name: String? = nil, with factory: @escaping ServiceContainer.Factory<Service>
    ) {
        overrides.append { $0.register(type, name: name, factory: factory) }
    }

    /// Runs the script once and reports everything it did.
    public func run() async -> ScriptTestResult {
        let workspace: TestWorkspace
        do {
            workspace = try TestWorkspace(
                copying: TestWorkspace.standardContents, from: projectRoot, lookingFor: "ScriptHarness", setting: "harness.projectRoot")
            for (path, data) in files { try workspace.write(path, data) }
        } catch {
            let helpful = HelpfulError.wrapping(error)
            return ScriptTestResult(outcome: RunOutcome(exitCode: helpful.exitCode, error: helpful))
        }
        defer { workspace.remove() }
        let captured = CapturedLogLines()
        var variables = environment
        if let liveBaseURL { variables["RUNBOOK__GLOBAL__API_BASE_URL"] = liveBaseURL.absoluteString }
        let (transport, overrides, clock, live) = (http, overrides, clock, liveBaseURL != nil)
        let runner = ScriptRunner(
            clock: clock,
            makeLogging: { setup in RunLogging(redactor: setup.redactor, clock: clock, sinks: [captured]) },
            configureServices: { services in
                if !live { services.register((any HTTPTransport).self, instance: transport) }
                for override in overrides { override(services) }
            })
        let request = RunRequest(
            script: S.self, arguments: arguments, org: org, env: env, projectRoot: workspace.root,
            environment: variables, isDryRun: isDryRun,
            configuration: .inline(document: config, isJSON: configIsJSON, secrets: secrets, validate: validatesConfig))
        let outcome = await runner.run(request)
        return ScriptTestResult(
            outcome: outcome, written: workspace.writtenFiles(excluding: Set(files.keys)), logLines: captured.lines, requests: http.requests,
            unmatchedRequests: http.unmatchedRequests, unroutedFailure: live ? nil : http.unroutedRequestsFailure(),
            sleeps: clock.sleeps)
    }
}
