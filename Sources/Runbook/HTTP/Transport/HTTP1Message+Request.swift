import Foundation
import HTTPTypes
import RunbookTransport

extension HTTP1Message {
    /// The request bytes: request line, `Host`, header fields, `Content-Length`, body.
    /// Through a proxy (`http://` URLs), the request target is in absolute form
    /// (`GET http://host:port/path HTTP/1.1`) and `Proxy-Authorization` carries its credentials.
    static func request(_ request: HTTPRequest, authority: String, body: Data?, proxy: HTTPProxy? = nil) -> [UInt8] {
        let target = proxy == nil ? request.path ?? "/" : "http://\(authority)\(request.path ?? "/")"
        var head = "\(request.method.rawValue) \(target) HTTP/1.1\r\nHost: \(authority)\r\n"
        if let authorization = proxy?.basicAuthorization { head += "Proxy-Authorization: \(authorization)\r\n" }
        for field in request.headerFields
        where field.name.canonicalName != "host" && field.name != .contentLength && field.name != .proxyAuthorization {
            head += "\(field.name.rawName): \(field.value)\r\n"
        }
        let length = body?.count ?? 0
        if length > 0 || [.post, .put, .patch].contains(request.method) {
            head += "Content-Length: \(length)\r\n"
        }
        head += "\r\n"
        var bytes = [UInt8](head.utf8)
        if let body, !body.isEmpty { bytes.append(contentsOf: body) }
        return bytes
    }

}
