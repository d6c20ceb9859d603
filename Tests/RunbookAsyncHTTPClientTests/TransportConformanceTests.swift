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
    static let socketKnownFailures: [String: Comment] = [
        "proxy.http": "the socket transport does not use ProxyRules yet",
        "proxy.https-connect": "the socket transport does not use ProxyRules yet",
        "proxy.refused-tunnel": "the socket transport does not use ProxyRules yet",
    ]

    @Test("SocketHTTPTransport (the default)", arguments: HTTPTransportConformance.cases)
    func socket(_ check: HTTPTransportConformance.Case) async throws {
        try await Self.run(check, knownFailures: Self.socketKnownFailures) { SocketHTTPTransport(settings: $0) }
    }

    @Test("AsyncHTTPClientTransport", arguments: HTTPTransportConformance.cases)
    func asyncHTTPClient(_ check: HTTPTransportConformance.Case) async throws {
        try await check.run { AsyncHTTPClientTransport(settings: $0) }
    }

    /// The cases URLSessionTransport fails, and why (docs/http.md, "Transports").
    static let urlSessionKnownFailures: [String: Comment] = [:]

    @Test("URLSessionTransport (known failures listed)", arguments: HTTPTransportConformance.cases)
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
    }
}
