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
/// - `timeout` bounds connect + TLS handshake + send + receive of one exchange (non-blocking
///   connect with `poll`; then `SO_RCVTIMEO`/`SO_SNDTIMEO` on plain sockets, `poll` under TLS).
/// - Task cancellation shuts the socket down, which ends a blocked read at once.
/// - A pooled connection the server closed meanwhile is detected (no byte of response) and the
///   request is sent once more on a fresh connection.
/// - Responses: `Content-Length`, `chunked`, or read-to-close bodies; no redirects followed.
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
    public let trustedCAFile: String?

    /// Creates a transport with an empty pool.
    /// - Parameters:
    ///   - maximumIdlePerHost: idle keep-alive connections kept per scheme, host and port.
    ///   - maximumConcurrentExchanges: exchanges in progress at once (each on its own I/O
    ///     thread); more wait their turn.
    ///   - trustedCAFile: a PEM file of CA certificates to trust for `https://` in addition to the
    ///     system's (a private CA, a test CA); read on the first `https://` request, where a file
    ///     that cannot be loaded throws ``HTTPTransportError/Kind/tlsFailed``.
    public init(maximumIdlePerHost: Int = 32, maximumConcurrentExchanges: Int = 64, trustedCAFile: String? = nil) {
        self.maximumIdlePerHost = maximumIdlePerHost
        self.trustedCAFile = trustedCAFile
        ioThreads = BlockingIOThreads(maximumThreads: maximumConcurrentExchanges)
    }

    deinit {
        idle.withLock { pool in
            for connection in pool.values.joined() { connection.close() }
            pool = [:]
        }
    }

    /// Sends one request and returns the whole response.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> HTTPTransportResponse {
        let scheme = request.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let authority = request.authority, !authority.isEmpty else {
            throw HTTPTransportError(.unsupportedURL, "SocketHTTPTransport sends only http:// and https:// URLs")
        }
        let isTLS = scheme == "https"
        let key = isTLS ? "https://\(authority)" : authority
        let message = HTTP1Message.request(request, authority: authority, body: body)
        let deadline = ContinuousClock.now + timeout
        let isHead = request.method == .head
        if let pooled = takeIdle(key) {
            do {
                return try await exchange(pooled, message: message, deadline: deadline, isHead: isHead, key: key)
            } catch let error as SocketConnection.StaleConnection {
                _ = error  // the server closed the idle connection: send once more on a new one
            }
        }
        // Name resolution and connecting may block (DNS, an unreachable host): an I/O thread does them.
        // So do reading the CA store (first https:// request) and the TLS handshake.
        let fresh = try await connect(key: key, authority: authority, isTLS: isTLS, deadline: deadline)
        do {
            return try await exchange(fresh, message: message, deadline: deadline, isHead: isHead, key: key)
        } catch is SocketConnection.StaleConnection {
            throw HTTPTransportError(.connectionFailed, "the server closed the connection without answering")
        }
    }

    private func exchange(
        _ connection: SocketConnection, message: [UInt8], deadline: ContinuousClock.Instant, isHead: Bool, key: String
    ) async throws -> HTTPTransportResponse {
        let result: Result<(HTTPTransportResponse, Bool), any Error> = await withTaskCancellationHandler {
            if Task.isCancelled { return .failure(CancellationError()) }
            guard message.count <= Self.inlineSendLimit else {
                return await ioThreads.run { Result { try connection.exchange(message, deadline: deadline, isHead: isHead) } }
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
            return await ioThreads.run { Result { try connection.readResponse(deadline: deadline, isHead: isHead) } }
        } onCancel: {
            connection.interrupt()
        }
        switch result {
        case .success(let (response, reusable)):
            if reusable { putIdle(connection, key: key) } else { connection.close() }
            return response
        case .failure(let error):
            connection.close()
            try Task.checkCancellation()
            throw error
        }
    }

    private func takeIdle(_ key: String) -> SocketConnection? {
        idle.withLock { $0[key]?.popLast() }
    }

    private func putIdle(_ connection: SocketConnection, key: String) {
        let kept = idle.withLock { pool -> Bool in
            guard pool[key, default: []].count < maximumIdlePerHost else { return false }
            pool[key, default: []].append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    /// On an I/O thread: makes the TLS context (first `https://` request), resolves, connects and
    /// performs the TLS handshake; connecting and the handshake end at the deadline.
    private func connect(
        key: String, authority: String, isTLS: Bool, deadline: ContinuousClock.Instant
    ) async throws -> SocketConnection {
        try await ioThreads.run { [self] in
            Result {
                let context = isTLS ? try tlsContext() : nil
                let address = try resolve(key: key, authority: authority, defaultPort: isTLS ? "443" : "80")
                return try SocketConnection.connect(to: address, deadline: deadline, tls: context)
            }
        }.get()
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
