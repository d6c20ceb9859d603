import Foundation
import HTTPTypes
import RunbookTransport

extension HTTP1Response {
    /// The response as Runbook's ``HTTPTransportResponse``. The head's field names are tokens
    /// already (``HTTP1Message/parseHead(_:)`` checks them), so every one makes an `HTTPField.Name`.
    func transportResponse() throws -> HTTPTransportResponse {
        var fields = HTTPFields()
        for field in head.fields {
            guard let name = HTTPField.Name(field.name) else {
                throw HTTPTransportError(.invalidResponse, "the response head is not HTTP/1.1")
            }
            fields.append(HTTPField(name: name, value: field.value))
        }
        return HTTPTransportResponse(head: HTTPResponse(status: .init(code: head.status), headerFields: fields), body: body)
    }
}

extension ResponseTooLarge {
    /// The error Runbook reports for it (``ResponseBodyError`` kind `.tooLarge`).
    var responseBodyError: ResponseBodyError {
        HTTPExchangeLimits.tooLarge(detail, limit: limit)
    }
}
