public import Foundation
public import HTTPTypes
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
        let key = isTLS ? "https://\(authority)" : authority
        let message = HTTP1Message.request(request, authority: authority, body: body)
        let deadline = AttemptDeadline(after: timeout, now: now)
        let isHead = request.method == .head
        while let pooled = takeReusable(key) {
            do {
                return try await exchange(pooled, message: message, deadline: deadline, isHead: isHead, key: key)
            } catch is SocketConnection.NotSent {
                continue  // closed before a byte of the request left: another connection may carry it
            }
        }
        do {
            return try await exchangeOnNewConnection(
                key: key, authority: authority, isTLS: isTLS, message: message, deadline: deadline, isHead: isHead)
        } catch is SocketConnection.NotSent {
            throw HTTPTransportError(.connectionFailed, "the server closed the connection before the request was sent")
        }
    }

    /// One exchange on a pooled connection.
    private func exchange(
        _ connection: SocketConnection, message: [UInt8], deadline: AttemptDeadline, isHead: Bool, key: String
    ) async throws -> HTTPTransportResponse {
        let result: Result<(HTTPTransportResponse, Bool), any Error> = await withTaskCancellationHandler {
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
        return try finish(connection, result.map { ($0.0, $0.1, connection) }, key: key)
    }

    /// On an I/O thread, in one go (so no step waits for a Swift concurrency thread while the
    /// deadline runs): makes the TLS context (first `https://` request), resolves, connects,
    /// performs the TLS handshake, sends and reads the response.
    private func exchangeOnNewConnection(
        key: String, authority: String, isTLS: Bool, message: [UInt8], deadline: AttemptDeadline, isHead: Bool
    ) async throws -> HTTPTransportResponse {
        let slot = ConnectionSlot()
        let result: Result<(HTTPTransportResponse, Bool, SocketConnection), any Error> = await withTaskCancellationHandler {
            await ioThreads.run { [self] in
                Result {
                    let context = isTLS ? try tlsContext() : nil
                    let address = try resolve(key: key, authority: authority, defaultPort: isTLS ? "443" : "80")
                    let connection = try SocketConnection.connect(to: address, deadline: deadline, tls: context)
                    guard slot.hold(connection) else {
                        connection.close()
                        throw CancellationError()
                    }
                    let (response, reusable) = try connection.closing { try $0.exchange(message, deadline: deadline, isHead: isHead) }
                    return (response, reusable, connection)
                }
            }
        } onCancel: {
            slot.cancel()
        }
        if case .failure = result { slot.connection?.close() }
        return try finish(slot.connection, result, key: key)
    }

    /// Pools the connection after a reusable response, closes it otherwise; rethrows failures
    /// (cancellation first).
    private func finish(
        _ connection: SocketConnection?, _ result: Result<(HTTPTransportResponse, Bool, SocketConnection), any Error>, key: String
    ) throws -> HTTPTransportResponse {
        switch result {
        case .success(let (response, reusable, connection)):
            if reusable { putIdle(connection, key: key) } else { connection.close() }
            return response
        case .failure(let error):
            connection?.close()
            try Task.checkCancellation()
            throw error
        }
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
            let made = try TLSClientContext(trustedCAFile: trustedCAFile)
            context = made
            return made
        }
    }
}
