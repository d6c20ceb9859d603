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
    @Test("SocketHTTPTransport (the default)", arguments: HTTPTransportConformance.cases)
    func socket(_ check: HTTPTransportConformance.Case) async throws {
        try await check.run { SocketHTTPTransport(trustedCAFile: $0) }
    }

    @Test("AsyncHTTPClientTransport", arguments: HTTPTransportConformance.cases)
    func asyncHTTPClient(_ check: HTTPTransportConformance.Case) async throws {
        try await check.run { AsyncHTTPClientTransport(trustedCAFile: $0) }
    }

    /// The cases URLSessionTransport fails, and why (docs/http.md, "Transports").
    static let urlSessionKnownFailures: [String: Comment] = [:]

    @Test("URLSessionTransport (known failures listed)", arguments: HTTPTransportConformance.cases)
    func urlSession(_ check: HTTPTransportConformance.Case) async throws {
        guard let reason = Self.urlSessionKnownFailures[check.name] else {
            return try await check.run { _ in URLSessionTransport() }
        }
        // A known failure that starts passing fails here, so the list stays true.
        await withKnownIssue(reason) {
            try await check.run { _ in URLSessionTransport() }
        }
    }

    @Test("the conformance cases have unique names and the known-failure list names only real cases")
    func caseNames() {
        let names = HTTPTransportConformance.cases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(Self.urlSessionKnownFailures.keys).isSubset(of: Set(names)))
    }
}
