import Foundation
import HTTPTypes
import Runbook

extension HTTPTransportConformance {
    static let failureCases: [Case] = [
        Case("timeout.no-accept", "a server whose kernel queues the connection but nobody ever reads: timedOut") { make in
            let (listener, port) = try ConformanceServer.listen()
            defer { _ = close(listener) }
            _ = try await transportError(.timedOut) { try await make(.standard).send(get(port), body: nil, timeout: timeout) }
        },
        Case("timeout.no-answer", "a server that reads the request and never answers: timedOut") { make in
            let server = try ConformanceServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.waitForClose()
            }
            defer { server.stop() }
            _ = try await transportError(.timedOut) { try await make(.standard).send(get(server.port), body: nil, timeout: timeout) }
        },
        Case("timeout.body-stalls", "a server that sends the head and part of the body, then nothing: timedOut") { make in
            let server = try ConformanceServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.write("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")
                connection.waitForClose()
            }
            defer { server.stop() }
            _ = try await transportError(.timedOut) { try await make(.standard).send(get(server.port), body: nil, timeout: timeout) }
        },
        Case("connection.refused", "nothing listens on the port: connectionFailed") { make in
            let (listener, port) = try ConformanceServer.listen()
            _ = close(listener)
            _ = try await transportError(.connectionFailed) { try await make(.standard).send(get(port), body: nil, timeout: generous) }
        },
        Case("connection.closed-without-answer", "the server reads the request and closes: connectionFailed") { make in
            let server = try ConformanceServer { connection in _ = connection.readRequest() }
            defer { server.stop() }
            let transport = make(.standard)
            _ = try await transportError(.connectionFailed) { try await transport.send(get(server.port), body: nil, timeout: generous) }
        },
        malformed("malformed.status-line", "a status line that is not HTTP/1.1", "HTTP/1.1 2x0 OK\r\nContent-Length: 2\r\n\r\nok"),
        malformed("malformed.conflicting-content-length", "two different Content-Length values",
                  "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nokk"),
        malformed("malformed.truncated-body", "a body shorter than its Content-Length, then the connection closes",
                  "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"),
        malformed("malformed.truncated-chunked", "a chunked body cut off inside a chunk",
                  "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc"),
        malformed("malformed.not-http", "bytes that are not an HTTP response at all", "SSH-2.0-OpenSSH_9.2\r\n\r\n"),
    ]

    /// A server that answers with `bytes` and closes: invalidResponse.
    static func malformed(_ name: String, _ what: String, _ bytes: String) -> Case {
        Case(name, "\(what): invalidResponse") { make in
            let server = try ConformanceServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.write(bytes)
            }
            defer { server.stop() }
            _ = try await transportError(.invalidResponse) { try await make(.standard).send(get(server.port), body: nil, timeout: generous) }
        }
    }
}
