import Foundation
import RunbookTesting
import Synchronization

/// A small HTTP proxy on 127.0.0.1 for the exact proxy checks, on the conformance suite's
/// ``ConformanceServer``: it records every request head it gets (request line and header lines,
/// as received), answers `CONNECT host:port` with 200 and relays bytes both ways, and forwards an
/// absolute-form request to its origin (in origin form, without `Proxy-Authorization`, one
/// request per connection). With `requiredAuthorization`, a request without that
/// `Proxy-Authorization` value gets a 407. One thread per connection, blocking sockets;
/// ``stop()`` ends every connection.
final class ProxyRecordingServer: Sendable {
    /// One request head the proxy received.
    struct Seen: Sendable {
        /// `GET http://127.0.0.1:8080/path HTTP/1.1`, `CONNECT 127.0.0.1:8443 HTTP/1.1`.
        var requestLine: String
        /// The header lines, as received.
        var headers: [String]

        /// The value of the first header named `name` (any case).
        func header(_ name: String) -> String? {
            headers.first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
                .map { String($0.dropFirst(name.count + 1)).trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The heads received, shared with the connections' threads.
    private final class Record: Sendable {
        let seen = Mutex<[Seen]>([])
    }

    private let server: ConformanceServer
    private let record: Record

    /// Starts listening; `requiredAuthorization` is a `Proxy-Authorization` value it insists on.
    init(requiredAuthorization: String? = nil) throws {
        let record = Record()
        self.record = record
        server = try ConformanceServer { connection in
            guard let head = connection.nextHead() else { return }
            let lines = head.components(separatedBy: "\r\n")
            let seen = Seen(requestLine: lines[0], headers: Array(lines.dropFirst()))
            record.seen.withLock { $0.append(seen) }
            ProxyRecordingServer.serve(connection, seen, requiredAuthorization: requiredAuthorization)
        }
    }

    /// The port the proxy listens on.
    var port: UInt16 { server.port }

    /// `http://127.0.0.1:port`.
    var url: String { "http://127.0.0.1:\(port)" }

    /// Every request head received so far.
    var seen: [Seen] { record.seen.withLock { $0 } }

    func stop() {
        server.stop()
    }

    private static func serve(_ connection: ConformanceServer.Connection, _ seen: Seen, requiredAuthorization: String?) {
        if let requiredAuthorization, seen.header("Proxy-Authorization") != requiredAuthorization {
            connection.write("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                             + "Content-Type: text/plain\r\nContent-Length: 14\r\nConnection: close\r\n\r\nlog in, please")
            return
        }
        let words = seen.requestLine.split(separator: " ").map(String.init)
        guard words.count == 3 else { return }
        if words[0] == "CONNECT" {
            // The tests' origins are all on loopback.
            guard let port = words[1].split(separator: ":").last.flatMap({ UInt16($0) }) else { return }
            connection.relay(to: port) { _ = connection.write("HTTP/1.1 200 Connection established\r\n\r\n") }
        } else {
            guard let url = URL(string: words[1]), let host = url.host, let port = url.port else { return }
            let target = String(words[1].dropFirst("http://\(host):\(port)".count))
            let headers = seen.headers.filter { !$0.lowercased().hasPrefix("proxy-authorization:") && !$0.lowercased().hasPrefix("connection:") }
            let head = "\(words[0]) \(target.isEmpty ? "/" : target) \(words[2])\r\n" + headers.map { "\($0)\r\n" }.joined()
                + "Connection: close\r\n\r\n"
            connection.relay(to: UInt16(port), sending: Array(head.utf8) + connection.pendingBytes)
        }
    }
}
