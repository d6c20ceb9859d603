import Foundation
import HTTPTypes
@testable import Runbook
import Testing

@Suite("HTTP/1.1 wire format")
struct HTTP1MessageTests {
    func head(_ text: String) -> HTTP1Message.Head? {
        HTTP1Message.parseHead(ArraySlice(Array(text.utf8)))
    }

    @Test("response heads parse status, fields, framing and keep-alive")
    func valid() throws {
        let parsed = try #require(head("HTTP/1.1 201 Created\r\nContent-Length: 12\r\nX-Request-Id:  abc \r\nConnection: close"))
        #expect(parsed.status == 201)
        #expect(parsed.contentLength == 12)
        #expect(parsed.fields[HTTPField.Name("x-request-id")!] == "abc")
        #expect(!parsed.keepAlive)
        let chunked = try #require(head("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive"))
        #expect(chunked.chunked && chunked.keepAlive)
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
