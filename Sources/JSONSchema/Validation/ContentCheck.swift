import Foundation

/// Draft-07 content assertions: `contentEncoding: base64` and `contentMediaType: application/json`.
enum ContentCheck {
    /// What is wrong with the string's content, or nil when it is fine (or not checkable).
    static func problem(_ text: String, encoding: String?, mediaType: String?) -> String? {
        var bytes = Array(text.utf8)
        if let encoding, encoding.lowercased() == "base64" {
            guard let data = Data(base64Encoded: text) else { return "must be valid base64" }
            bytes = [UInt8](data)
        }
        if let mediaType, mediaType.lowercased() == "application/json" {
            do {
                _ = try JSONParser.parse(bytes)
            } catch {
                return "must be a valid JSON document (\(error.message))"
            }
        }
        return nil
    }
}
