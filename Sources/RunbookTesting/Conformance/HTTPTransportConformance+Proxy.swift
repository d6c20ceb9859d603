import Foundation
import HTTPTypes
import Runbook

extension HTTPTransportConformance {
    /// `runbook:s3cret` as a Basic `Proxy-Authorization` value.
    static let proxyAuthorization = "Basic \(Data("runbook:s3cret".utf8).base64EncodedString())"

    static func proxySettings(port: UInt16, https: Bool = false, noProxy: String = "", caFile: String? = nil) -> HTTPTransportSettings {
        let proxy = HTTPProxy(host: "127.0.0.1", port: Int(port), user: "runbook", password: Secret(name: "proxy-password", value: "s3cret"))
        return HTTPTransportSettings(
            proxy: ProxyRules(httpProxy: https ? nil : proxy, httpsProxy: https ? proxy : nil, bypass: NoProxyList(noProxy)),
            tls: TLSSettings(trustedCAFile: caFile))
    }

    static let proxyCases: [Case] = [
        Case("proxy.http", "an http:// request goes to the proxy in absolute form, with Basic Proxy-Authorization") { make in
            let origin = try ConformanceServer { connection in
                while connection.readRequest() != nil { connection.answer(#"{"via":"direct"}"#) }
            }
            let proxy = try ConformanceServer { connection in
                while connection.readRequest() != nil { connection.answer(#"{"via":"proxy"}"#) }
            }
            defer { origin.stop(); proxy.stop() }
            let response = try await make(proxySettings(port: proxy.port)).send(get(origin.port, "/x?a=1"), body: nil, timeout: generous)
            try check(String(decoding: response.body, as: UTF8.self) == #"{"via":"proxy"}"#, "the answer did not come from the proxy")
            try check(proxy.requests == ["GET http://127.0.0.1:\(origin.port)/x?a=1 HTTP/1.1"], "the proxy read \(proxy.requests)")
            let head = proxy.heads.first?.lowercased() ?? ""
            try check(head.contains("proxy-authorization: \(proxyAuthorization.lowercased())"), "no Basic Proxy-Authorization sent")
            try check(origin.requests.isEmpty, "the origin was contacted directly")
        },
        Case("proxy.no-proxy", "a host in the bypass list (NO_PROXY) goes direct") { make in
            let origin = try ConformanceServer { connection in
                while connection.readRequest() != nil { connection.answer(#"{"via":"direct"}"#) }
            }
            let proxy = try ConformanceServer { connection in
                while connection.readRequest() != nil { connection.answer(#"{"via":"proxy"}"#) }
            }
            defer { origin.stop(); proxy.stop() }
            let settings = proxySettings(port: proxy.port, noProxy: "localhost,127.0.0.1")
            let response = try await make(settings).send(get(origin.port), body: nil, timeout: generous)
            try check(String(decoding: response.body, as: UTF8.self) == #"{"via":"direct"}"#, "the answer did not come from the origin")
            try check(proxy.requests.isEmpty, "the proxy read \(proxy.requests)")
        },
        Case("proxy.https-connect", "an https:// request goes through a CONNECT tunnel; TLS is verified with the origin") { make in
            let certificates = try await LoopbackCertificates.shared()
            let origin = try ConformanceServer(tls: certificates.loopback) { connection in
                while connection.readRequest() != nil { connection.answer(#"{"via":"tunnel"}"#) }
            }
            let proxy = try ConformanceServer { connection in
                guard let line = connection.readRequest(), line.hasPrefix("CONNECT ") else { return }
                connection.write("HTTP/1.1 200 Connection established\r\n\r\n")
                connection.relay(to: origin.port)
            }
            defer { origin.stop(); proxy.stop() }
            let transport = make(proxySettings(port: proxy.port, https: true, caFile: certificates.caFile))
            let response = try await transport.send(get(origin.port, "/secure", tls: true), body: nil, timeout: generous)
            try check(String(decoding: response.body, as: UTF8.self) == #"{"via":"tunnel"}"#, "body \(response.body.count) bytes")
            try check(proxy.requests == ["CONNECT 127.0.0.1:\(origin.port) HTTP/1.1"], "the proxy read \(proxy.requests)")
            let head = proxy.heads.first?.lowercased() ?? ""
            try check(head.contains("proxy-authorization: \(proxyAuthorization.lowercased())"), "no Basic Proxy-Authorization on CONNECT")
            try check(origin.requests == ["GET /secure HTTP/1.1"], "the origin read \(origin.requests)")
        },
        Case("proxy.refused-tunnel", "a proxy that refuses CONNECT (407): connectionFailed or the 407 itself, nothing sent around the proxy") { make in
            let proxy = try ConformanceServer { connection in
                guard connection.readRequest() != nil else { return }
                connection.write("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
            }
            defer { proxy.stop() }
            let (listener, originPort) = try ConformanceServer.listen()
            _ = close(listener)  // nothing listens at the origin: a transport that goes around the proxy fails at once too
            let transport = make(proxySettings(port: proxy.port, https: true, caFile: try await LoopbackCertificates.shared().caFile))
            // Either is a true answer: the tunnel failed (connectionFailed), or the proxy's own 407
            // comes back as the response (the socket transport's choice: the client then names the
            // proxy's demand for credentials).
            do {
                let response = try await transport.send(get(originPort, tls: true), body: nil, timeout: generous)
                try check(response.status.code == 407, "expected connectionFailed or the proxy's 407, got a \(response.status.code) response")
            } catch let error as HTTPTransportError {
                try check(error.kind == .connectionFailed, "expected connectionFailed or the proxy's 407, got \(error.kind): \(error.message)")
            }
            // A transport may try the tunnel again (AsyncHTTPClient's pool does); it must not go around the proxy.
            try check(!proxy.requests.isEmpty && proxy.requests.allSatisfy { $0 == "CONNECT 127.0.0.1:\(originPort) HTTP/1.1" },
                      "the proxy read \(proxy.requests)")
        },
    ]
}
