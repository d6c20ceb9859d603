public import Foundation
public import HTTPTypes
import AsyncHTTPClient
import NIOCore
import NIOSSL
public import Runbook
import Synchronization

/// An ``HTTPTransport`` on AsyncHTTPClient (SwiftNIO, NIO-SSL with BoringSSL, HTTP/1.1 and HTTP/2),
/// from the optional `RunbookAsyncHTTPClient` library, so that scripts that do not want NIO do not
/// link it.
///
/// - Its own `HTTPClient`s on NIO's shared event loop group (`HTTPClient.defaultEventLoopGroup`, no
///   threads of their own), one per proxy in use (AsyncHTTPClient sets the proxy per client): one
///   for direct requests, one for ``HTTPTransportSettings/proxy``'s `http://` proxy, one for its
///   `https://` proxy (`CONNECT` tunnels), hosts in `NO_PROXY` direct. `HTTPClient.shared` is not
///   used: it follows redirects and decompresses bodies, which the transport contract leaves to
///   ``RestClient``. ``shutdown()`` shuts the clients down; a transport released without it shuts
///   them down in the background from `deinit` (never blocking).
/// - `timeout` is the deadline of the whole exchange: connection (or pool wait), TLS handshake,
///   request, response head and body.
/// - Task cancellation cancels the request (its connection is closed) and throws `CancellationError`.
/// - The body is collected up to ``maximumResponseBytes``; a larger one is an
///   ``HTTPTransportError/Kind/invalidResponse``.
/// - HTTPS: full verification against the system's store plus the trusted CA file, the minimum TLS
///   version, a client certificate (mTLS) from ``TLSSettings``; a rejected certificate or failed
///   handshake is ``HTTPTransportError/Kind/tlsFailed``. Certificate pinning is not supported: with
///   pins set every `https://` request fails with `tlsFailed` rather than going unpinned.
/// - Errors are ``HTTPTransportError`` kinds (see `AsyncHTTPClientErrors.swift`), never NIO's types.
///
/// ```swift
/// import RunbookAsyncHTTPClient
///
/// container.register((any HTTPTransport).self) { _ in AsyncHTTPClientTransport() }
/// ```
public final class AsyncHTTPClientTransport: HTTPTransport {
    private struct State {
        var clients: [HTTPProxy?: HTTPClient] = [:]
        var isShutDown = false
    }

    private let state = Mutex(State())
    /// The TLS configuration, or why `https://` requests fail at once.
    private let tls: Result<TLSConfiguration, HTTPTransportError>
    private let maximumConnectionsPerHost: Int
    /// The proxy rules and TLS settings the transport was made with.
    public let settings: HTTPTransportSettings
    /// The largest response body accepted, in bytes.
    public let maximumResponseBytes: Int

    /// Creates a transport that follows `settings` (proxies, TLS); clients are made on first use.
    /// - Parameters:
    ///   - settings: proxy rules and TLS settings (``HTTPTransportSettings/resolve(api:apiName:global:environment:secrets:)``).
    ///   - maximumConnectionsPerHost: HTTP/1.1 connections kept per scheme, host and port.
    ///   - maximumResponseBytes: the largest response body accepted (default 256 MiB).
    public init(settings: HTTPTransportSettings = .standard, maximumConnectionsPerHost: Int = 32,
                maximumResponseBytes: Int = 256 << 20) {
        self.settings = settings
        self.maximumConnectionsPerHost = maximumConnectionsPerHost
        self.maximumResponseBytes = maximumResponseBytes
        tls = Result { try Self.tlsConfiguration(settings.tls) }.mapError { $0 as? HTTPTransportError ?? HTTPTransportError(.tlsFailed, "\($0)") }
    }

    /// Creates a transport without a proxy that trusts `trustedCAFile` (PEM) besides the system's
    /// CA store; a file that cannot be loaded makes every `https://` request throw
    /// ``HTTPTransportError/Kind/tlsFailed``.
    public convenience init(trustedCAFile: String?, maximumResponseBytes: Int = 256 << 20) {
        self.init(settings: HTTPTransportSettings(tls: TLSSettings(trustedCAFile: trustedCAFile)),
                  maximumResponseBytes: maximumResponseBytes)
    }

    deinit {
        let clients = state.withLock { $0.isShutDown ? [] : Array($0.clients.values) }
        for client in clients { client.shutdown(queue: .global()) { _ in } }
    }

    /// Closes every connection and releases the clients; later requests fail with
    /// ``HTTPTransportError/Kind/connectionFailed``. Safe to call more than once.
    public func shutdown() async throws {
        let clients = state.withLock { state -> [HTTPClient] in
            defer { state.isShutDown = true }
            return state.isShutDown ? [] : Array(state.clients.values)
        }
        for client in clients { try await client.shutdown() }
    }

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        let scheme = request.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let url = request.url, let authority = request.authority, !authority.isEmpty else {
            throw HTTPTransportError(.unsupportedURL, "AsyncHTTPClientTransport sends only http:// and https:// URLs")
        }
        if scheme == "https", case .failure(let error) = tls { throw error }
        let client = try client(for: settings.proxy.proxy(for: url))
        let outgoing = Self.clientRequest(request, url: url, body: body)
        let end = ContinuousClock.now + timeout
        let deadline = NIODeadline.now() + TimeAmount.nanoseconds(Self.nanoseconds(timeout))
        var phase = AsyncHTTPClientErrors.Phase.head
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            phase = .body
            // AsyncHTTPClient's deadline ends at the response head; the body gets what is left.
            let bytes = try await Self.collect(response, upTo: maximumResponseBytes, before: end)
            return Self.response(response, body: bytes)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw AsyncHTTPClientErrors.map(error, phase: phase, host: authority, maximumBytes: maximumResponseBytes)
        }
    }

    /// The client for requests through `proxy` (nil: direct), made on first use.
    private func client(for proxy: HTTPProxy?) throws -> HTTPClient {
        try state.withLock { state in
            guard !state.isShutDown else { throw HTTPTransportError(.connectionFailed, "the transport has been shut down") }
            if let client = state.clients[proxy] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration(proxy: proxy))
            state.clients[proxy] = client
            return client
        }
    }

    private func configuration(proxy: HTTPProxy?) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: (try? tls.get()) ?? .makeClientConfiguration(), redirectConfiguration: .disallow,
            timeout: .init(),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnectionsPerHost),
            proxy: proxy.map(Self.proxy), decompression: .disabled)
        configuration.httpVersion = .automatic
        return configuration
    }
}
