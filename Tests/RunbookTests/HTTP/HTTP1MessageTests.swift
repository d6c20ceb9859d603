import Foundation
import HTTPTypes
@testable import Runbook
import RunbookTransport
import Testing

@Suite("HTTP/1.1 wire format")
struct HTTP1MessageTests {
    func head(_ text: String) -> HTTP1Message.Head? {
        try? HTTP1Message.parseHead(ArraySlice(Array(text.utf8)))
    }

    func failure(_ text: String) -> HTTPTransportError? {
        do {
            _ = try HTTP1Message.parseHead(ArraySlice(Array(text.utf8)))
            return nil
        } catch {
            return error as? HTTPTransportError
        }
    }

    @Test("response heads parse status, fields, framing and keep-alive")
    func valid() throws {
        let parsed = try #require(head("HTTP/1.1 201 Created\r\nContent-Length: 12\r\nX-Request-Id:  abc \r\nConnection: close"))
        #expect(parsed.status == 201)
        #expect(parsed.contentLength == 12)
        #expect(parsed.fields.value(of: "x-request-id") == "abc")
        #expect(!parsed.keepAlive)
        let chunked = try #require(head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive"))
        #expect(chunked.chunked && chunked.keepAlive)
    }

    @Test("Content-Length: equal repeated values are one length; differing or malformed ones are an invalid response", arguments: [
        ("Content-Length: 5\r\nContent-Length: 5", 5, nil),
        ("Content-Length: 5, 5", 5, nil),
        ("Content-Length: 5,5\r\nContent-Length: 005", 5, nil),
        ("Content-Length: 5\r\nContent-Length: 7", nil, "the response has conflicting Content-Length values (5, 7)"),
        ("Content-Length: 5, 6", nil, "the response has conflicting Content-Length values (5, 6)"),
        ("Content-Length: 7\r\nContent-Length: 5, 5", nil, "the response has conflicting Content-Length values (7, 5, 5)"),
        ("Content-Length: +5", nil, "the response has an invalid Content-Length '+5'"),
        ("Content-Length: 5\r\nContent-Length: x", nil, "the response has conflicting Content-Length values (5, x)"),
        ("Content-Length: 99999999999999999999", nil, "the response has an invalid Content-Length '99999999999999999999'"),
    ] as [(String, Int?, String?)])
    func contentLength(fields: String, length: Int?, message: String?) throws {
        let text = "HTTP/1.1 200 OK\r\n\(fields)"
        if let length {
            #expect(head(text)?.contentLength == length)
            #expect(head(text)?.keepAlive == true)
        } else {
            #expect(failure(text) == HTTPTransportError(.invalidResponse, message ?? ""))
        }
    }

    @Test("Transfer-Encoding overrides Content-Length and closes the connection after the response (RFC 9112 §6.1, §6.3)", arguments: [
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", true),
        ("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nTransfer-Encoding: chunked", false),
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\nContent-Length: 3\r\nContent-Length: 4", false),
        ("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive", false),
    ])
    func transferEncoding(text: String, keepAlive: Bool) throws {
        let parsed = try #require(head(text))
        #expect(parsed.chunked)
        #expect(parsed.contentLength == nil)
        #expect(parsed.keepAlive == keepAlive)
    }

    @Test("a transfer coding other than a single chunked is an invalid response", arguments: [
        ("gzip, chunked", "gzip, chunked"), ("chunked, gzip", "chunked, gzip"), ("chunked\r\nTransfer-Encoding: chunked", "chunked, chunked"),
        ("identity", "identity"),
    ])
    func unreadableTransferCoding(value: String, shown: String) {
        #expect(failure("HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: \(value)")
            == HTTPTransportError(.invalidResponse, "the response uses the transfer coding '\(shown)', which cannot be read"))
    }

    @Test("malformed heads are rejected, never a crash", arguments: [
        "", "garbage", "HTTP/1.1", "HTTP/1.1 2x0 OK", "HTTP/2 200 OK", "HTTP/1.1 099 Low",
        "HTTP/1.1 200 OK\r\nno colon here", "HTTP/1.1 200 OK\r\nContent-Length: -5", "HTTP/1.1 200 OK\r\nContent-Length: lots",
        "HTTP/1.1 200 OK\r\n: empty name",
    ])
    func invalid(text: String) {
        #expect(head(text) == nil)
    }

    @Test("requests carry Host, header fields and Content-Length")
    func request() {
        var request = HTTPRequest(method: .post, url: URL(string: "http://127.0.0.1:8080/a?b=c")!)
        request.headerFields[.accept] = "application/json"
        let bytes = HTTP1Message.request(request, authority: "127.0.0.1:8080", body: Data("{}".utf8))
        #expect(String(decoding: bytes, as: UTF8.self)
            == "POST /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept: application/json\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test("Link headers yield the rel=next target", arguments: [
        (#"<https://x/2>; rel="next""#, "https://x/2"),
        (#"<https://x/1>; rel="prev", <https://x/3>; rel=next"#, "https://x/3"),
        (#"<https://x/1>; rel="last""#, nil),
        ("not a link", nil),
    ])
    func link(value: String, expected: String?) {
        #expect(PageParser.linkNext([value]) == expected)
    }
}
