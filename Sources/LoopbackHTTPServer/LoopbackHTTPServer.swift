public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small HTTP/1.1 server on 127.0.0.1 for integration tests, the demo API and benchmarks:
/// POSIX sockets, keep-alive, one thread per connection, routes as closures, port 0 for an
/// ephemeral port. Requests must carry `Content-Length` when they have a body (no chunked uploads).
///
/// ```swift
/// let server = try LoopbackHTTPServer()
/// server.route("GET", "/health") { _ in .json(200, #"{"ok":true}"#) }
/// try server.start()
/// defer { server.stop() }
/// let url = server.baseURL.appendingPathComponent("health")
/// ```
public final class LoopbackHTTPServer: Sendable {
    /// Answers a request (runs on the connection's thread).
    public typealias Handler = @Sendable (LoopbackRequest) -> LoopbackResponse

    private struct Route {
        let method: String
        let path: String
        let handler: Handler
    }

    private struct State {
        var listener: Int32 = -1
        var port: UInt16 = 0
        var connections: Set<Int32> = []
        var stopped = false
    }

    private let requestedPort: UInt16
    private let recordsRequests: Bool
    private let routes = Mutex<[Route]>([])
    private let state = Mutex(State())
    private let log = Mutex<[String]>([])

    /// Creates a server (not yet listening) for `port` (0: the system picks one).
    /// `recordsRequests: false` keeps ``requestLog`` empty (benchmarks, long-running demos).
    public init(port: UInt16 = 0, recordsRequests: Bool = true) {
        requestedPort = port
        self.recordsRequests = recordsRequests
    }

    deinit {
        stop()
    }

    /// Routes `method path` (query ignored) to a handler; a later route for the same pair wins.
    public func route(_ method: String, _ path: String, handler: @escaping Handler) {
        routes.withLock { $0.insert(Route(method: method, path: path, handler: handler), at: 0) }
    }

    /// The port the server listens on (after ``start()``).
    public var port: UInt16 { state.withLock { $0.port } }

    /// `http://127.0.0.1:<port>/`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Every request received, as `METHOD target`, in order.
    public var requestLog: [String] { log.withLock { $0 } }

    /// How many requests `method path` received (query ignored).
    public func count(_ method: String, _ path: String) -> Int {
        log.withLock { entries in
            entries.filter { entry in
                let target = entry.dropFirst(method.count + 1)
                return entry.hasPrefix(method + " ") && target.prefix { $0 != "?" } == path
            }.count
        }
    }

    /// Binds 127.0.0.1 and starts accepting connections on a background thread.
    public func start() throws {
        let (listener, port) = try Self.listen(port: requestedPort)
        state.withLock { state in
            state.listener = listener
            state.port = port
        }
        let thread = Thread { [self] in acceptLoop(listener) }
        thread.name = "loopback-accept"
        thread.start()
    }

    /// Stops accepting, closes every connection. Safe to call twice.
    ///
    /// Descriptors are only shut down here, under the lock that also guards their closing, so
    /// a descriptor number already reused elsewhere in the process is never touched; the
    /// accept thread closes the listener and each connection thread its own socket.
    public func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            if state.listener >= 0 { _ = shutdown(state.listener, Int32(SHUT_RDWR)) }
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Closes every open connection but keeps listening (simulates a server dropping idle
    /// keep-alive connections).
    public func dropConnections() {
        state.withLock { state in
            for fd in state.connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private func acceptLoop(_ listener: Int32) {
        defer {
            state.withLock { state in
                _ = close(listener)
                state.listener = -1
            }
        }
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            var yes: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connections.insert(fd)
                return true
            }
            guard accepted else {
                _ = close(fd)
                return
            }
            let thread = Thread { [self] in
                LoopbackConnection(fd: fd, respond: respond).run()
                state.withLock { state in
                    state.connections.remove(fd)
                    _ = close(fd)
                }
            }
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    private func respond(_ request: LoopbackRequest) -> LoopbackResponse {
        if recordsRequests { log.withLock { $0.append("\(request.method) \(request.target)") } }
        let handler = routes.withLock { routes in
            routes.first { $0.method == request.method && $0.path == request.path }?.handler
        }
        guard let handler else {
            return .json(404, #"{"error":{"message":"no route for \#(request.method) \#(request.path)"}}"#)
        }
        return handler(request)
    }
}
