public import Foundation
public import Runbook

/// What a `ScriptHarness` run did: exit code, error, results, HTTP requests, files, log lines.
///
/// A request that matched no fake route fails the result (unless the test set
/// `harness.http.unroutedRequests = .answer404`): `exitCode` is then `.scriptFailed` and `error` names
/// every unrouted request and the routes, whatever the script made of its 404. What the run itself
/// ended with stays in `runExitCode` and `runError`.
public struct ScriptTestResult: Sendable {
    /// The exit code the CLI would have ended with, or `.scriptFailed` when a request matched no route.
    public let exitCode: ExitCode
    /// The error that stopped the run (secrets already redacted), or the unrouted-request failure.
    public let error: HelpfulError?
    /// The exit code the run itself ended with (the CLI's), unrouted requests or not.
    public let runExitCode: ExitCode
    /// The error that stopped the run itself, unrouted requests or not.
    public let runError: HelpfulError?
    /// The error as the CLI prints it (plain text), if any.
    public let renderedError: String?
    /// The results report, when the script recorded results.
    public let results: ResultsReport?
    /// The one-line results summary, when the script recorded results.
    public let summary: String?
    /// Every HTTP request sent to the fake transport, in order.
    public let requests: [FakeHTTPTransport.RecordedRequest]
    /// The requests that matched no fake route (each got a 404 listing the routes, and, unless
    /// `unroutedRequests` is `.answer404`, failed the result).
    public let unmatchedRequests: [FakeHTTPTransport.RecordedRequest]
    /// Files the run wrote (relative path → content), outside `config/`, `schemas/` and `logs/`,
    /// excluding the input files the test supplied.
    public let files: [String: Data]
    /// Every log line (already redacted).
    public let logLines: [String]
    /// Every sleep the run asked the clock for (retries, rate limiting, polling).
    public let sleeps: [Duration]

    init(
        outcome: RunOutcome, written files: [String: Data] = [:], logLines: [String] = [],
        requests: [FakeHTTPTransport.RecordedRequest] = [], unmatchedRequests: [FakeHTTPTransport.RecordedRequest] = [],
        unroutedFailure: HelpfulError? = nil, sleeps: [Duration] = []
    ) {
        runExitCode = outcome.exitCode
        runError = outcome.error
        var failure = outcome.error
        if var unrouted = unroutedFailure {
            if let error = outcome.error { unrouted.details.append("The run itself ended with: \(error.problem)") }
            failure = unrouted
        }
        exitCode = unroutedFailure?.exitCode ?? outcome.exitCode
        error = failure
        renderedError = failure.map { HelpfulErrorRenderer(style: .plain).render($0) }
        results = outcome.report
        summary = outcome.summary
        self.requests = requests
        self.unmatchedRequests = unmatchedRequests
        self.files = files
        self.logLines = logLines
        self.sleeps = sleeps
    }

    /// The requests sent for `method path` (a path or a `RoutePattern`), in order.
    public func requests(_ method: HTTPRequest.Method, _ path: String) -> [FakeHTTPTransport.RecordedRequest] {
        let pattern = RoutePattern(path)
        return requests.filter { $0.method == method && pattern.matches($0.path) }
    }

    /// The written files whose relative path starts with `prefix` (e.g. `output/report_`).
    public func files(prefix: String) -> [String: Data] {
        files.filter { $0.key.hasPrefix(prefix) }
    }

    /// The text of the only written file starting with `prefix`, or nil.
    public func text(ofFile prefix: String) -> String? {
        let matches = files(prefix: prefix)
        guard matches.count == 1, let data = matches.first?.value else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
