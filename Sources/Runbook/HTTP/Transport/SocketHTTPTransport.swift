public import Foundation
public import HTTPTypes
import RunbookTransport
import Synchronization

/// An HTTP/1.1 transport on POSIX sockets with keep-alive connection pooling, for `http://` and
/// `https://` URLs (TLS through the system's OpenSSL; other schemes throw
/// ``HTTPTransportError/Kind/unsupportedURL``).
///
/// - Connections are pooled per scheme, host and port (up to `maximumIdlePerHost` idle ones) and reused.
/// - HTTPS: TLS 1.2 or newer, the server certificate verified against the system's CA store
///   (plus `trustedCAFile`) and checked for the URL's host (SNI sent); a failed handshake or a
///   rejected certificate throws ``HTTPTransportError/Kind/tlsFailed``, e.g.
///   `certificate verify failed for api.example.com: certificate has expired`.
/// - `timeout` bounds the whole exchange: connect, TLS handshake, send, response head and body
///   (non-blocking sockets; every wait is a `poll` bounded by what is left of the timeout, so a
///   server that drips its bytes cannot stretch it).
/// - Task cancellation shuts the socket down, which ends a blocked read at once.
/// - A pooled connection is checked just before reuse (no end of stream, reset or stray byte
///   waiting on it); one the server closed meanwhile is dropped, and the request goes on another.
///   A request is written at most once per call: a connection that closes after the request was
///   written throws, and only the caller's retry policy may send it again.
/// - Proxies (``HTTPTransportSettings/proxy``): `http://` requests go to the proxy in absolute
///   form with `Proxy-Authorization`; `https://` ones through a `CONNECT host:port` tunnel (the
///   credentials on `CONNECT` only), then TLS with the origin. A proxy's `407` (also to `CONNECT`)
///   is returned as the response; an unreachable proxy or a refused tunnel throws
///   ``HTTPTransportError/Kind/connectionFailed`` naming the proxy (never its password).
///   Connections are pooled per (proxy, origin).
/// - Responses: `Content-Length` (repeated values must agree, RFC 9112 §6.3), `chunked` (which
///   overrides a `Content-Length`), or read-to-close bodies; no redirects followed.
///
/// Blocking socket calls run on the transport's own I/O threads (never on Swift concurrency's
/// cooperative threads, which a slow service would otherwise starve, nor on Dispatch's pool,
/// which does not grow for blocked work on Linux); the caller suspends. The fast path (a small
/// request, a response within about a millisecond) runs without blocking in the caller.
///
/// ```swift
/// let transport = SocketHTTPTransport()
/// let response = try await transport.send(HTTPRequest(method: .get, url: url), body: nil, timeout: .seconds(5))
/// ```
public final class SocketHTTPTransport: HTTPTransport {
    /// Idle connections and resolved addresses, by `host:port` (http) or `https://host:port`.
    private let idle = Mutex<[String: [SocketConnection]]>([:])
    private let addresses = Mutex<[String: SocketAddress]>([:])
    /// The TLS context, made on the first `https://` request.
    private let tls = Mutex<TLSClientContext?>(nil)
    /// Where the blocking socket calls run, so they never hold a Swift concurrency thread.
    private let ioThreads: BlockingIOThreads
    /// Requests up to this size are written from the calling task (the socket's send buffer
    /// takes them at once); larger ones are written by an I/O thread.
    static let inlineSendLimit = 16 * 1024
    /// Idle connections kept per scheme, host and port.
    public let maximumIdlePerHost: Int
    /// A PEM file of CA certificates trusted for `https://` besides the system's (nil: the system's only).
    public var trustedCAFile: String? { settings.tls.trustedCAFile }
    /// The proxy rules and TLS settings.
    public let settings: HTTPTransportSettings

    /// The time source for deadlines (the continuous clock; tests move it).
    private let now: @Sendable () -> ContinuousClock.Instant

    /// Creates a transport with an empty pool.
    /// - Parameters:
    ///   - maximumIdlePerHost: idle keep-alive connections kept per scheme, host and port.
    ///   - maximumConcurrentExchanges: exchanges in progress at once (each on its own I/O
    ///     thread); more wait their turn.
    ///   - trustedCAFile: a PEM file of CA certificates to trust for `https://` in addition to the
    ///     system's (a private CA, a test CA); read on the first `https://` request, where a file
    ///     that cannot be loaded throws ``HTTPTransportError/Kind/tlsFailed``.
    public convenience init(maximumIdlePerHost: Int = 32, maximumConcurrentExchanges: Int = 64, trustedCAFile: String? = nil) {
        self.init(maximumIdlePerHost: maximumIdlePerHost, maximumConcurrentExchanges: maximumConcurrentExchanges,
                  settings: HTTPTransportSettings(tls: TLSSettings(trustedCAFile: trustedCAFile)), now: { ContinuousClock.now })
    }

    /// Creates a transport with an empty pool that follows `settings` (proxies, TLS).
    public convenience init(maximumIdlePerHost: Int = 32, maximumConcurrentExchanges: Int = 64, settings: HTTPTransportSettings) {
        self.init(maximumIdlePerHost: maximumIdlePerHost, maximumConcurrentExchanges: maximumConcurrentExchanges,
                  settings: settings, now: { ContinuousClock.now })
    }

    /// Creates a transport whose deadlines read `now` (a test's movable clock).
    convenience init(maximumIdlePerHost: Int, maximumConcurrentExchanges: Int, trustedCAFile: String?,
                     now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.init(maximumIdlePerHost: maximumIdlePerHost, maximumConcurrentExchanges: maximumConcurrentExchanges,
                  settings: HTTPTransportSettings(tls: TLSSettings(trustedCAFile: trustedCAFile)), now: now)
    }

    /// Creates a transport whose deadlines read `now` (a test's movable clock).
    init(maximumIdlePerHost: Int, maximumConcurrentExchanges: Int, settings: HTTPTransportSettings,
         now: @escaping @Sendable () -> ContinuousClock.Instant) {
        self.maximumIdlePerHost = maximumIdlePerHost
        self.settings = settings
        self.now = now
        ioThreads = BlockingIOThreads(maximumThreads: maximumConcurrentExchanges)
    }

    deinit {
        idle.withLock { pool in
            for connection in pool.values.joined() { connection.close() }
            pool = [:]
        }
    }

    /// Sends one request and returns the whole response.
    ///
    /// The request is written once: on a pooled connection that ``SocketConnection/isReusable()``
    /// found open just before, or on a new one. A failure after it was written (the server
    /// closed or reset the connection without answering, a timeout) is thrown, and only the
    /// caller's retry policy may send it again.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        let scheme = request.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let authority = request.authority, !authority.isEmpty else {
            throw HTTPTransportError(.unsupportedURL, "SocketHTTPTransport sends only http:// and https:// URLs")
        }
        let isTLS = scheme == "https"
        let route = ConnectionRoute(authority: authority, isTLS: isTLS, rules: settings.proxy)
        let message = HTTP1Message.request(request, authority: authority, body: body, proxy: isTLS ? nil : route.proxy)
        var deadline = AttemptDeadline(after: timeout, now: now)
        if let limits = HTTPExchangeLimits.current {
            deadline.maximumBodyBytes = limits.maximumBodyBytes
            deadline.downloadAllowancePerMiB = limits.downloadAllowancePerMiB
        }
        let isHead = request.method == .head
        while let pooled = takeReusable(route.key) {
            do {
                return try await exchange(pooled, message: message, deadline: deadline, isHead: isHead, route: route)
            } catch is SocketConnection.NotSent {
                continue  // closed before a byte of the request left: another connection may carry it
            }
        }
        do {
            return try await exchangeOnNewConnection(route: route, message: message, deadline: deadline, isHead: isHead)
        } catch is SocketConnection.NotSent {
            throw HTTPTransportError(
                .connectionFailed, route.proxy.map { "the proxy \($0.displayURL) closed the connection before the request was sent" }
                    ?? "the server closed the connection before the request was sent")
        }
    }

    /// One exchange on a pooled connection.
    private func exchange(
        _ connection: SocketConnection, message: [UInt8], deadline: AttemptDeadline, isHead: Bool, route: ConnectionRoute
    ) async throws -> HTTPTransportResponse {
        let result: Result<(HTTP1Response, Bool), any Error> = await withTaskCancellationHandler {
            if Task.isCancelled { return .failure(CancellationError()) }
            guard message.count <= Self.inlineSendLimit else {
                return await ioThreads.run {
                    Result { try connection.closing { try $0.exchange(message, deadline: deadline, isHead: isHead) } }
                }
            }
            // Fast path: a small request is sent at once, and a response that is there within
            // about a millisecond is read without blocking, here; anything slower is finished
            // by an I/O thread.
            do {
                try connection.send(message, deadline: deadline)
                // Let other tasks on this thread send their requests before waiting for ours.
                if !connection.isReadable(waitingMilliseconds: 0) { await Task.yield() }
                if let quick = try connection.readResponseIfQuick(deadline: deadline, isHead: isHead) { return .success(quick) }
            } catch {
                return .failure(error)
            }
            return await ioThreads.run {
                Result { try connection.closing { try $0.readResponse(deadline: deadline, isHead: isHead) } }
            }
        } onCancel: {
            connection.interrupt()
        }
        return try finish(connection, result.map { ($0.0, $0.1, connection) }, route: route)
    }

    /// On an I/O thread, in one go (so no step waits for a Swift concurrency thread while the
    /// deadline runs): makes the TLS context (first `https://` request), resolves, connects (to
    /// the proxy, and through its `CONNECT` tunnel for `https://`), performs the TLS handshake,
    /// sends and reads the response.
    private func exchangeOnNewConnection(
        route: ConnectionRoute, message: [UInt8], deadline: AttemptDeadline, isHead: Bool
    ) async throws -> HTTPTransportResponse {
        let slot = ConnectionSlot()
        let result: Result<(HTTP1Response, Bool, SocketConnection), any Error> = await withTaskCancellationHandler {
            await ioThreads.run { [self] in
                Result {
                    let context = route.isTLS ? try tlsContext() : nil
                    let connection: SocketConnection
                    if let proxy = route.proxy {
                        connection = try connectToProxy(proxy, deadline: deadline)
                        guard slot.hold(connection) else {
                            connection.close()
                            throw CancellationError()
                        }
                        if let context {
                            if let refusal = try connection.closing({ try $0.openTunnel(route, via: proxy, deadline: deadline) }) {
                                return (refusal, false, connection)
                            }
                            try connection.closing { try $0.startTLS(host: route.host, context: context, deadline: deadline) }
                        }
                    } else {
                        let address = try resolve(key: route.key, authority: route.authority, defaultPort: route.isTLS ? "443" : "80")
                        connection = try SocketConnection.connect(to: address, deadline: deadline, tls: context)
                        guard slot.hold(connection) else {
                            connection.close()
                            throw CancellationError()
                        }
                    }
                    let (response, reusable) = try connection.closing { try $0.exchange(message, deadline: deadline, isHead: isHead) }
                    return (response, reusable, connection)
                }
            }
        } onCancel: {
            slot.cancel()
        }
        if case .failure = result { slot.connection?.close() }
        return try finish(slot.connection, result, route: route)
    }

    /// A TCP connection to `proxy`; a failure names the proxy, not the origin.
    private func connectToProxy(_ proxy: HTTPProxy, deadline: AttemptDeadline) throws -> SocketConnection {
        do {
            let address = try resolve(key: "proxy \(proxy.authority)", authority: proxy.authority, defaultPort: "80")
            return try SocketConnection.connect(to: address, deadline: deadline)
        } catch let error as HTTPTransportError {
            throw HTTPTransportError(error.kind, "cannot reach the proxy \(proxy.displayURL): \(error.message)")
        }
    }

    /// Pools the connection after a reusable response, closes it otherwise; rethrows failures
    /// (cancellation first).
    ///
    /// Through a proxy, an `http://` connection is pooled only when the proxy says `keep-alive`
    /// (`Connection` or `Proxy-Connection`): many proxies (tinyproxy) answer in HTTP/1.1 and then
    /// close, and a request written on such a connection could not be sent again safely.
    private func finish(
        _ connection: SocketConnection?, _ result: Result<(HTTP1Response, Bool, SocketConnection), any Error>,
        route: ConnectionRoute
    ) throws -> HTTPTransportResponse {
        switch result {
        case .success(let (answer, reusable, connection)):
            let response: HTTPTransportResponse
            do {
                response = try answer.transportResponse()
            } catch {
                connection.close()
                throw error
            }
            let kept = reusable && (route.proxy == nil || route.isTLS || Self.saysKeepAlive(response))
            if kept { putIdle(connection, key: route.key) } else { connection.close() }
            return response
        case .failure(let error):
            connection?.close()
            try Task.checkCancellation()
            if let tooLarge = error as? ResponseTooLarge { throw tooLarge.responseBodyError }
            throw error
        }
    }

    private static func saysKeepAlive(_ response: HTTPTransportResponse) -> Bool {
        let proxyConnection = HTTPField.Name("Proxy-Connection")!
        return [response.head.headerFields[.connection], response.head.headerFields[proxyConnection]]
            .contains { $0?.lowercased().contains("keep-alive") == true }
    }

    /// The newest idle connection for `key` that is still open; the ones the server closed
    /// meanwhile are closed and dropped. This is the one place that decides reuse.
    private func takeReusable(_ key: String) -> SocketConnection? {
        while let connection = idle.withLock({ $0[key]?.popLast() }) {
            if connection.isReusable() { return connection }
            connection.close()
        }
        return nil
    }

    private func putIdle(_ connection: SocketConnection, key: String) {
        let kept = idle.withLock { pool -> Bool in
            guard pool[key, default: []].count < maximumIdlePerHost else { return false }
            pool[key, default: []].append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    private func resolve(key: String, authority: String, defaultPort: String) throws -> SocketAddress {
        if let known = addresses.withLock({ $0[key] }) { return known }
        let address = try SocketAddress.resolve(authority: authority, defaultPort: defaultPort)
        addresses.withLock { $0[key] = address }
        return address
    }

    /// The TLS context, made once (a failure, such as an unreadable CA file, is thrown each time).
    private func tlsContext() throws -> TLSClientContext {
        try tls.withLock { context in
            if let context { return context }
            let made = try TLSClientContext(settings: settings.tls.clientOptions)
            context = made
            return made
        }
    }
}
