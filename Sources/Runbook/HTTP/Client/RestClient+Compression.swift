import Foundation
import HTTPTypes

extension RestClient {
    /// The response with its body checked against `max-response-bytes` and decoded by its
    /// `Content-Encoding` within `max-decoded-bytes` (the decoded response has neither
    /// `Content-Encoding` nor `Content-Length`: they described the encoded body).
    func decodedBody(_ response: HTTPTransportResponse, method: String, url: URL) throws -> HTTPTransportResponse {
        let limits = behavior.http
        let call = "\(method) \(redacted(url))"
        guard response.body.count <= max(limits.maxResponseBytes, 1) else {
            throw ResponseBodyError(kind: .tooLarge, detail: "\(response.body.count) bytes arrived",
                                    limit: limits.maxResponseBytes, request: call)
        }
        let coding = response.head.headerFields[.contentEncoding]
        guard coding != nil, !response.body.isEmpty else { return response }
        let decoded: Data?
        do {
            decoded = try ResponseBodyDecoder.decode(response.body, contentEncoding: coding, limit: max(limits.maxDecodedBytes, 1))
        } catch {
            var error = error
            error.request = call
            throw error
        }
        guard let decoded else { return response }
        logger.debug("\(call) body decoded from \(coding ?? "") (\(response.body.count) → \(decoded.count) bytes)")
        var head = response.head
        head.headerFields[.contentEncoding] = nil
        head.headerFields[.contentLength] = nil
        return HTTPTransportResponse(head: head, body: decoded)
    }
}
