/// Text made safe for HTML: every `&`, `<`, `>`, `"` and `'` escaped, so an org name, a problem
/// text or a file path can never become markup or end an attribute.
enum HTMLText {
    /// `text` escaped for element content and quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
