public import Foundation
public import HTTPTypes
import Synchronization

/// A plain-HTTP/1.1 transport on POSIX sockets with keep-alive connection pooling, for
/// `http://` URLs only (there is no TLS library to use; `https://` throws
/// ``HTTPTransportError/Kind/unsupportedURL``; ``DefaultHTTPTransport`` routes it to URLSession).
///
/// - Connections are pooled per `host:port` (up to `maximumIdlePerHost` idle ones) and reused.
/// - `timeout` bounds connect + send + receive of one exchange (`SO_RCVTIMEO`/`SO_SNDTIMEO`,
///   non-blocking connect with `poll`).
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
    private let idle = Mutex<[String: [SocketConnection]]>([:])
    private let addresses = Mutex<[String: SocketAddress]>([:])
    /// Where the blocking socket calls run, so they never hold a Swift concurrency thread.
    private let ioThreads: BlockingIOThreads
    /// Requests up to this size are written from the calling task (the socket's send buffer
    /// takes them at once); larger ones are written by an I/O thread.
    static let inlineSendLimit = 16 * 1024
    /// Idle connections kept per `host:port`.
    public let maximumIdlePerHost: Int

    /// Creates a transport with an empty pool.
    /// - Parameters:
    ///   - maximumIdlePerHost: idle keep-alive connections kept per `host:port`.
    ///   - maximumConcurrentExchanges: exchanges in progress at once (each on its own I/O
    ///     thread); more wait their turn.
    public init(maximumIdlePerHost: Int = 32, maximumConcurrentExchanges: Int = 64) {
        self.maximumIdlePerHost = maximumIdlePerHost
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
        guard request.scheme?.lowercased() == "http", let authority = request.authority, !authority.isEmpty else {
            throw HTTPTransportError(.unsupportedURL, "SocketHTTPTransport sends only http:// URLs")
        }
        let message = HTTP1Message.request(request, authority: authority, body: body)
        let deadline = ContinuousClock.now + timeout
        let isHead = request.method == .head
        if let pooled = takeIdle(authority) {
            do {
                return try await exchange(pooled, message: message, deadline: deadline, isHead: isHead, authority: authority)
            } catch let error as SocketConnection.StaleConnection {
                _ = error  // the server closed the idle connection: send once more on a new one
            }
        }
        // Name resolution and connecting may block (DNS, an unreachable host): an I/O thread does them.
        let fresh = try await ioThreads.run { [self] in
            Result { try SocketConnection.connect(to: try resolve(authority), deadline: deadline) }
        }.get()
        do {
            return try await exchange(fresh, message: message, deadline: deadline, isHead: isHead, authority: authority)
        } catch is SocketConnection.StaleConnection {
            throw HTTPTransportError(.connectionFailed, "the server closed the connection without answering")
        }
    }

    private func exchange(
        _ connection: SocketConnection, message: [UInt8], deadline: ContinuousClock.Instant, isHead: Bool, authority: String
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
            if reusable { putIdle(connection, authority: authority) } else { connection.close() }
            return response
        case .failure(let error):
            connection.close()
            try Task.checkCancellation()
            throw error
        }
    }

    private func takeIdle(_ authority: String) -> SocketConnection? {
        idle.withLock { $0[authority]?.popLast() }
    }

    private func putIdle(_ connection: SocketConnection, authority: String) {
        let kept = idle.withLock { pool -> Bool in
            guard pool[authority, default: []].count < maximumIdlePerHost else { return false }
            pool[authority, default: []].append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    private func resolve(_ authority: String) throws -> SocketAddress {
        if let known = addresses.withLock({ $0[authority] }) { return known }
        let address = try SocketAddress.resolve(authority: authority)
        addresses.withLock { $0[authority] = address }
        return address
    }
}
