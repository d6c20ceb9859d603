public import AsyncHTTPClient
public import Foundation
public import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOSSL
public import Runbook

/// An ``HTTPTransport`` on AsyncHTTPClient (SwiftNIO, NIO-SSL with BoringSSL, HTTP/1.1 and HTTP/2),
/// from the optional `RunbookAsyncHTTPClient` library, so that scripts that do not want NIO do not
/// link it.
///
/// - Its own `HTTPClient` on NIO's shared event loop group (`HTTPClient.defaultEventLoopGroup`, no
///   threads of its own): `HTTPClient.shared` cannot be used, because it follows redirects and
///   decompresses bodies, which the transport contract leaves to ``RestClient``. The client is shut
///   down by ``shutdown()``, or, when the transport is released without it, in the background from
///   `deinit` (never blocking).
/// - `timeout` is the deadline of the whole exchange: connection (or pool wait), TLS handshake,
///   request, response head and body.
/// - Task cancellation cancels the request (its connection is closed) and throws `CancellationError`.
/// - The body is collected up to ``maximumResponseBytes``; a larger one is an
///   ``HTTPTransportError/Kind/invalidResponse``.
/// - HTTPS: full certificate verification against the system's store plus `trustedCAFile`; a rejected
///   certificate or failed handshake is ``HTTPTransportError/Kind/tlsFailed``.
/// - Errors are ``HTTPTransportError`` kinds (see `AsyncHTTPClientErrors.swift`), never NIO's types.
///
/// ```swift
/// import RunbookAsyncHTTPClient
///
/// container.register((any HTTPTransport).self) { _ in AsyncHTTPClientTransport() }
/// ```
public final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    /// Why `https://` requests fail at once (the trusted CA file could not be loaded), if they do.
    private let tlsSetupFailure: HTTPTransportError?
    private let shutDown = ShutdownFlag()
    /// The largest response body accepted, in bytes.
    public let maximumResponseBytes: Int

    /// Creates a transport with its own connection pool.
    /// - Parameters:
    ///   - trustedCAFile: a PEM file of CA certificates trusted for `https://` besides the system's; a
    ///     file that cannot be loaded makes every `https://` request throw
    ///     ``HTTPTransportError/Kind/tlsFailed``.
    ///   - maximumConnectionsPerHost: HTTP/1.1 connections kept per scheme, host and port.
    ///   - maximumResponseBytes: the largest response body accepted (default 256 MiB).
    ///   - proxy: an HTTP proxy for every request (`CONNECT` tunnels for `https://`), nil for none.
    public init(
        trustedCAFile: String? = nil, maximumConnectionsPerHost: Int = 32, maximumResponseBytes: Int = 256 << 20,
        proxy: HTTPClient.Configuration.Proxy? = nil
    ) {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        var failure: HTTPTransportError?
        if let trustedCAFile {
            do {
                tls.additionalTrustRoots = [.certificates(try NIOSSLCertificate.fromPEMFile(trustedCAFile))]
            } catch {
                failure = HTTPTransportError(.tlsFailed, "cannot load the trusted CA file \(trustedCAFile): \(AsyncHTTPClientErrors.describe(error))")
            }
        }
        var configuration = HTTPClient.Configuration(
            tlsConfiguration: tls, redirectConfiguration: .disallow, timeout: .init(),
            connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: maximumConnectionsPerHost),
            proxy: proxy, decompression: .disabled)
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        tlsSetupFailure = failure
        self.maximumResponseBytes = maximumResponseBytes
    }

    deinit {
        guard shutDown.claim() else { return }
        client.shutdown(queue: .global()) { _ in }
    }

    /// Closes every connection and releases the client; later requests fail. Safe to call more than once.
    public func shutdown() async throws {
        guard shutDown.claim() else { return }
        try await client.shutdown()
    }

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        let scheme = request.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let url = request.url, let authority = request.authority, !authority.isEmpty else {
            throw HTTPTransportError(.unsupportedURL, "AsyncHTTPClientTransport sends only http:// and https:// URLs")
        }
        if scheme == "https", let tlsSetupFailure { throw tlsSetupFailure }
        let outgoing = Self.clientRequest(request, url: url, body: body)
        let deadline = NIODeadline.now() + TimeAmount.nanoseconds(Self.nanoseconds(timeout))
        var phase = AsyncHTTPClientErrors.Phase.head
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            phase = .body
            let bytes = try await response.body.collect(upTo: maximumResponseBytes)
            return Self.response(response, body: bytes)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw AsyncHTTPClientErrors.map(error, phase: phase, host: request.authority ?? "", maximumBytes: maximumResponseBytes)
        }
    }

    static func clientRequest(_ request: HTTPRequest, url: URL, body: Data?) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headerFields.count)
        for field in request.headerFields { headers.add(name: field.name.rawName, value: field.value) }
        outgoing.headers = headers
        if let body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        return outgoing
    }

    static func response(_ response: HTTPClientResponse, body: ByteBuffer) -> HTTPTransportResponse {
        var fields = HTTPFields()
        fields.reserveCapacity(response.headers.count)
        for (name, value) in response.headers {
            guard let name = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: name, value: value))
        }
        let data = body.readableBytes == 0 ? Data() : Data(body.readableBytesView)
        return HTTPTransportResponse(
            head: HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields), body: data)
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole &+ attoseconds / 1_000_000_000
    }
}
