import Foundation
import HTTPTypes

/// Reads what a service says about a failure: its message and its request id.
enum ServiceErrorDetails {
    /// Header names that carry a request id, in order of preference.
    static let requestIDNames = ["request-id", "x-request-id", "x-ms-request-id", "x-correlation-id"]

    /// The request id header, if any.
    static func requestID(in fields: HTTPFields) -> String? {
        for name in requestIDNames {
            if let field = HTTPField.Name(name), let value = fields[field], !value.isEmpty { return value }
        }
        return nil
    }

    /// The message from an error body: OData `{"error":{"message":…}}`, `error_description`,
    /// `message`, `title`, a string `error`; else a short plain-text body. At most 300 characters.
    static func message(in body: Data, contentType: String?) -> String? {
        guard !body.isEmpty else { return nil }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            let error = object["error"] as? [String: Any]
            let candidates: [Any?] = [
                error?["message"], object["error_description"], object["message"], object["title"],
                object["detail"], object["error"] as? String,
            ]
            for case let text as String in candidates where !text.isEmpty {
                return clip(text)
            }
            return nil
        }
        guard contentType?.lowercased().hasPrefix("text/plain") == true,
              let text = String(data: body.prefix(600), encoding: .utf8)
        else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : clip(trimmed)
    }

    private static func clip(_ text: String) -> String {
        let single = text.replacingOccurrences(of: "\n", with: " ")
        return single.count > 300 ? String(single.prefix(300)) + "…" : single
    }
}
