import Foundation
import Runbook
import RunbookAsyncHTTPClient
import RunbookTesting
import RunbookURLSession
import Testing

/// The transport conformance suite (``HTTPTransportConformance`` in RunbookTesting) over every
/// transport the package ships.
@Suite("HTTP transport conformance")
struct TransportConformanceTests {
    /// The cases the socket transport fails until its proxy support lands (h15-net's branch).
    static let socketKnownFailures: [String: Comment] = [:]

    @Test("SocketHTTPTransport (the default)", .timeLimit(.minutes(1)), arguments: HTTPTransportConformance.cases)
    func socket(_ check: HTTPTransportConformance.Case) async throws {
        try await Self.run(check, knownFailures: Self.socketKnownFailures) { SocketHTTPTransport(settings: $0) }
    }

    /// The cases AsyncHTTPClientTransport fails, and why (docs/http.md, "Transports").
    static let asyncHTTPClientKnownFailures: [String: Comment] = [
        "proxy.http": "AsyncHTTPClient 1.37 sends http:// through a proxy as a CONNECT tunnel too, not in absolute form",
    ]

    @Test("AsyncHTTPClientTransport", .timeLimit(.minutes(1)), arguments: HTTPTransportConformance.cases)
    func asyncHTTPClient(_ check: HTTPTransportConformance.Case) async throws {
        try await Self.run(check, knownFailures: Self.asyncHTTPClientKnownFailures) { AsyncHTTPClientTransport(settings: $0) }
    }

    /// The cases URLSessionTransport fails, and why (docs/http.md, "Transports").
    static let urlSessionKnownFailures: [String: Comment] = {
        var failures: [String: Comment] = [:]
        for name in ["malformed.status-line", "malformed.truncated-body", "malformed.truncated-chunked", "malformed.not-http"] {
            failures[name] = "URLSessionTransport reports every URLError but a timeout as connectionFailed"
        }
        failures["malformed.conflicting-content-length"] = "libcurl accepts two different Content-Length values"
        for name in ["tls.trusted-ca", "tls.missing-ca-file", "tls.untrusted", "tls.wrong-host"] {
            failures[name] = "URLSessionTransport takes no CA file (FoundationNetworking has no trust hook) and reports TLS errors as connectionFailed"
        }
        for name in ["proxy.http", "proxy.https-connect", "proxy.refused-tunnel"] {
            failures[name] = "URLSessionTransport ignores HTTPTransportSettings' proxy rules"
        }
        return failures
    }()

    @Test("URLSessionTransport (known failures listed)", .timeLimit(.minutes(2)), arguments: HTTPTransportConformance.cases)
    func urlSession(_ check: HTTPTransportConformance.Case) async throws {
        try await Self.run(check, knownFailures: Self.urlSessionKnownFailures) { _ in URLSessionTransport() }
    }

    /// Runs `check`; a listed known failure must still fail (else this fails), so the lists stay true.
    static func run(
        _ check: HTTPTransportConformance.Case, knownFailures: [String: Comment],
        _ make: @escaping HTTPTransportConformance.MakeTransport
    ) async throws {
        guard let reason = knownFailures[check.name] else { return try await check.run(make) }
        await withKnownIssue(reason) { try await check.run(make) }
    }

    @Test("the conformance cases have unique names and the known-failure list names only real cases")
    func caseNames() {
        let names = HTTPTransportConformance.cases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(Self.urlSessionKnownFailures.keys).isSubset(of: Set(names)))
        #expect(Set(Self.socketKnownFailures.keys).isSubset(of: Set(names)))
        #expect(Set(Self.asyncHTTPClientKnownFailures.keys).isSubset(of: Set(names)))
    }
}
