import Foundation
import HTTPTypes
import Runbook

extension HTTPTransportConformance {
    static let basicCases: [Case] = [
        Case("round-trip", "method, path, header fields and body reach the server; status, fields and body come back") { make in
            let server = try ConformanceServer { connection in
                guard let line = connection.readRequest() else { return }
                let body = #"{"echo":"\#(line)"}"#
                connection.write("HTTP/1.1 201 Created\r\nX-Answer: yes\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
                connection.waitForClose()
            }
            defer { server.stop() }
            var request = HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:\(server.port)/items?q=1")!)
            request.headerFields[.contentType] = "application/json"
            let response = try await make(.standard).send(request, body: Data(#"{"n":1}"#.utf8), timeout: generous)
            try check(response.status.code == 201, "status \(response.status.code), expected 201")
            try check(response.head.headerFields[HTTPField.Name("X-Answer")!] == "yes", "the X-Answer field did not come back")
            let text = String(decoding: response.body, as: UTF8.self)
            try check(text == #"{"echo":"POST /items?q=1 HTTP/1.1"}"#, "body \(text)")
        },
        Case("keep-alive.reuse", "sequential requests to one server share one connection") { make in
            let server = try ConformanceServer { connection in
                while connection.readRequest() != nil { connection.answer() }
            }
            defer { server.stop() }
            let transport = make(.standard)
            for _ in 0..<3 { _ = try await transport.send(get(server.port), body: nil, timeout: generous) }
            try check(server.requests.count == 3, "the server read \(server.requests.count) requests, expected 3")
            try check(server.accepted == 1, "\(server.accepted) connections for 3 sequential requests, expected 1")
        },
        Case("keep-alive.stale", "a pooled connection the server closed while idle is not used; the next request succeeds, sent once") { make in
            let server = try ConformanceServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.answer()
                if connection.number == 1 { return }  // closes the kept-alive connection while it is idle
                while connection.readRequest() != nil { connection.answer() }
            }
            defer { server.stop() }
            let transport = make(.standard)
            _ = try await transport.send(get(server.port, "/first"), body: nil, timeout: generous)
            for await number in server.closedConnections where number == 1 { break }
            let response = try await transport.send(get(server.port, "/second"), body: nil, timeout: generous)
            try check(response.status.code == 200, "status \(response.status.code)")
            try check(server.requests == ["GET /first HTTP/1.1", "GET /second HTTP/1.1"], "the server read \(server.requests)")
        },
        Case("redirect.not-followed", "a 302 is returned as it is, not followed") { make in
            let server = try ConformanceServer { connection in
                while let line = connection.readRequest() {
                    if line.hasPrefix("GET /old ") {
                        connection.write("HTTP/1.1 302 Found\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n")
                    } else {
                        connection.answer()
                    }
                }
            }
            defer { server.stop() }
            let response = try await make(.standard).send(get(server.port, "/old"), body: nil, timeout: generous)
            try check(response.status.code == 302, "status \(response.status.code), expected the 302")
            try check(response.head.headerFields[.location] == "/new", "Location missing")
            try check(server.requests == ["GET /old HTTP/1.1"], "the server read \(server.requests)")
        },
        Case("cancellation", "cancelling the task ends an exchange the server never answers, with CancellationError") { make in
            let server = try ConformanceServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.waitForClose()  // never answers; returns when the client gives up
            }
            defer { server.stop() }
            let transport = make(.standard)
            let task = Task { try await transport.send(get(server.port, "/slow"), body: nil, timeout: generous) }
            for await _ in server.arrived { break }  // the request reached the server
            task.cancel()
            do {
                let response = try await task.value
                throw ConformanceFailure("a \(response.status.code) response after cancellation")
            } catch is CancellationError {
                // expected
            } catch let failure as ConformanceFailure {
                throw failure
            } catch {
                throw ConformanceFailure("expected CancellationError, got \(type(of: error)): \(error)")
            }
            for await number in server.closedConnections where number == 1 { break }  // and the connection was closed
        },
    ]
}
