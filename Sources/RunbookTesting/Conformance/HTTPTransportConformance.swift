public import Foundation
public import Runbook
import HTTPTypes

/// The cases every ``HTTPTransport`` must pass, against real servers on 127.0.0.1 (plain and TLS,
/// some of them hostile): round trips, timeouts, cancellation, stale keep-alive connections,
/// malformed responses, refused connections, TLS verification, no redirects followed, proxies.
///
/// A transport's test target runs every case with a factory for the transport under test (the
/// factory gets the settings a case needs: a CA file to trust, a proxy):
///
/// ```swift
/// @Test(arguments: HTTPTransportConformance.cases)
/// func conformance(_ check: HTTPTransportConformance.Case) async throws {
///     try await check.run { settings in MyTransport(settings: settings) }
/// }
/// ```
///
/// No case asserts on elapsed time: the timeout cases give the transport a short real timeout
/// (``timeout``) against a server that never answers, and check the error kind only.
public enum HTTPTransportConformance {
    /// Makes the transport under test with the proxy and TLS settings a case needs
    /// (``HTTPTransportSettings/standard`` for most).
    public typealias MakeTransport = @Sendable (HTTPTransportSettings) -> any HTTPTransport

    /// The timeout the timeout cases give the transport.
    public static let timeout: Duration = .milliseconds(200)
    /// The timeout every other exchange gets: long enough for a loaded machine, never reached by a
    /// conforming transport.
    public static let generous: Duration = .seconds(60)

    /// One conformance case.
    public struct Case: Sendable, CustomStringConvertible {
        /// A stable identifier, e.g. `timeout.no-answer` (for lists of known failures).
        public let name: String
        /// What the case checks.
        public let summary: String
        let body: @Sendable (MakeTransport) async throws -> Void

        init(_ name: String, _ summary: String, _ body: @escaping @Sendable (MakeTransport) async throws -> Void) {
            self.name = name
            self.summary = summary
            self.body = body
        }

        /// `name: summary`.
        public var description: String { "\(name): \(summary)" }

        /// Runs the case against transports from `make`.
        /// - Throws: ``ConformanceFailure`` describing what the transport did instead.
        public func run(_ make: MakeTransport) async throws {
            try await body(make)
        }
    }

    /// Every case, in a stable order.
    public static let cases: [Case] = basicCases + failureCases + tlsCases + proxyCases
}

/// A transport that did not do what a conformance case expects.
public struct ConformanceFailure: Error, CustomStringConvertible {
    /// What was expected and what happened.
    public var description: String

    /// Creates a failure.
    public init(_ description: String) {
        self.description = description
    }
}

extension HTTPTransportConformance {
    /// Fails unless `condition` holds.
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws {
        if !condition { throw ConformanceFailure(message()) }
    }

    /// Runs `exchange` and returns the transport error it throws; fails when it succeeds or throws another error.
    static func transportError(
        _ expected: HTTPTransportError.Kind, _ exchange: () async throws -> HTTPTransportResponse
    ) async throws -> HTTPTransportError {
        do {
            let response = try await exchange()
            throw ConformanceFailure("expected a \(expected) error, got a \(response.status.code) response")
        } catch let error as HTTPTransportError {
            try check(error.kind == expected, "expected a \(expected) error, got \(error.kind): \(error.message)")
            return error
        } catch let failure as ConformanceFailure {
            throw failure
        } catch {
            throw ConformanceFailure("expected a \(expected) HTTPTransportError, got \(type(of: error)): \(error)")
        }
    }

    /// Settings that trust `caFile` besides the system's store.
    static func trusting(_ caFile: String?) -> HTTPTransportSettings {
        HTTPTransportSettings(tls: TLSSettings(trustedCAFile: caFile))
    }

    /// A GET of `path` on 127.0.0.1:`port`.
    static func get(_ port: UInt16, _ path: String = "/x", tls: Bool = false) -> HTTPRequest {
        HTTPRequest(method: .get, url: URL(string: "\(tls ? "https" : "http")://127.0.0.1:\(port)\(path)")!)
    }
}
