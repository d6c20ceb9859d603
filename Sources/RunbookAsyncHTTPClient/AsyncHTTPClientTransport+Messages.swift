import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import Runbook

extension AsyncHTTPClientTransport {
    /// AsyncHTTPClient's request for `request` and `body`.
    static func clientRequest(_ request: HTTPRequest, url: URL, body: Data?) -> HTTPClientRequest {
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headerFields.count)
        for field in request.headerFields { headers.add(name: field.name.rawName, value: field.value) }
        outgoing.headers = headers
        if let body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        return outgoing
    }

    /// The transport response for AsyncHTTPClient's head and the collected body.
    static func response(_ response: HTTPClientResponse, body: ByteBuffer) -> HTTPTransportResponse {
        var fields = HTTPFields()
        fields.reserveCapacity(response.headers.count)
        for (name, value) in response.headers {
            guard let name = HTTPField.Name(name) else { continue }
            fields.append(HTTPField(name: name, value: value))
        }
        let data = body.readableBytes == 0 ? Data() : Data(body.readableBytesView)
        return HTTPTransportResponse(
            head: HTTPResponse(status: .init(code: Int(response.status.code)), headerFields: fields), body: data)
    }

    /// The body, collected up to `maximumBytes`; throws ``HTTPTransportError/Kind/timedOut`` at
    /// `end` (the collection is cancelled, which closes the connection).
    static func collect(
        _ response: HTTPClientResponse, upTo maximumBytes: Int, before end: ContinuousClock.Instant
    ) async throws -> ByteBuffer {
        try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await response.body.collect(upTo: maximumBytes) }
            group.addTask {
                try await Task.sleep(until: end, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() ?? nil else {
                throw HTTPTransportError(.timedOut, "no complete response body within the timeout")
            }
            return body
        }
    }

    /// `duration` in whole nanoseconds (saturating).
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : whole &+ attoseconds / 1_000_000_000
    }
}
