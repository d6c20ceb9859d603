import Foundation
import HTTPTypes
import Runbook

extension HTTPTransportConformance {
    static let tlsCases: [Case] = [
        Case("tls.trusted-ca", "a certificate from the trusted CA file is accepted; requests share one TLS connection") { make in
            let certificates = try await LoopbackCertificates.shared()
            let server = try ConformanceServer(tls: certificates.loopback) { connection in
                while connection.readRequest() != nil { connection.answer(#"{"tls":true}"#) }
            }
            defer { server.stop() }
            let transport = make(trusting(certificates.caFile))
            for _ in 0..<2 {
                let response = try await transport.send(get(server.port, tls: true), body: nil, timeout: generous)
                try check(String(decoding: response.body, as: UTF8.self) == #"{"tls":true}"#, "body \(response.body.count) bytes")
            }
            try check(server.handshakes == 1, "\(server.handshakes) TLS handshakes for 2 requests, expected 1")
        },
        Case("tls.untrusted", "a certificate from a CA the transport does not trust is refused before a request is sent: tlsFailed") { make in
            let certificates = try await LoopbackCertificates.shared()
            let server = try ConformanceServer(tls: certificates.loopback) { connection in
                while connection.readRequest() != nil { connection.answer() }
            }
            defer { server.stop() }
            _ = try await transportError(.tlsFailed) { try await make(.standard).send(get(server.port, tls: true), body: nil, timeout: generous) }
            try check(server.requests.isEmpty, "the server read \(server.requests)")
        },
        Case("tls.wrong-host", "a certificate from the trusted CA, issued for another host, is refused: tlsFailed") { make in
            let certificates = try await LoopbackCertificates.shared()
            let server = try ConformanceServer(tls: certificates.otherHost) { connection in
                while connection.readRequest() != nil { connection.answer() }
            }
            defer { server.stop() }
            let transport = make(trusting(certificates.caFile))
            _ = try await transportError(.tlsFailed) { try await transport.send(get(server.port, tls: true), body: nil, timeout: generous) }
            try check(server.requests.isEmpty, "the server read \(server.requests)")
        },
        Case("tls.missing-ca-file", "a trusted CA file that does not exist: tlsFailed on an https request") { make in
            let server = try ConformanceServer(tls: try await LoopbackCertificates.shared().loopback) { _ in }
            defer { server.stop() }
            let transport = make(trusting("/nonexistent/runbook-ca.pem"))
            _ = try await transportError(.tlsFailed) { try await transport.send(get(server.port, tls: true), body: nil, timeout: generous) }
        },
        Case("tls.handshake-timeout", "a server that accepts TCP but never starts TLS: timedOut") { make in
            let (listener, port) = try ConformanceServer.listen()
            defer { _ = close(listener) }
            let transport = make(trusting(try await LoopbackCertificates.shared().caFile))
            _ = try await transportError(.timedOut) { try await transport.send(get(port, tls: true), body: nil, timeout: timeout) }
        },
    ]
}
