import Foundation

/// A URL made safe to show: no userinfo, secret-looking query values masked, every registered
/// secret value replaced.
enum RedactedURL {
    /// Query keys whose values are masked when the key contains one of these (case-insensitive,
    /// `-` and `_` ignored)…
    static let secretKeyFragments = ["token", "secret", "password", "passwd", "apikey", "signature", "credential"]
    /// …or is exactly one of these.
    static let secretKeyNames: Set<String> = ["key", "sig", "code", "pwd", "auth", "session", "sessionid"]

    static func string(_ url: URL, secrets: SecretRegistry?) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else {
            return mask(url.absoluteString, secrets: secrets)
        }
        components.user = nil
        components.password = nil
        if let items = components.percentEncodedQueryItems {
            components.percentEncodedQueryItems = items.map { item in
                isSecretKey(item.name) && item.value != nil ? URLQueryItem(name: item.name, value: "***") : item
            }
        }
        return mask(components.string ?? url.absoluteString, secrets: secrets)
    }

    /// Text that did not parse as a URL, made safe: userinfo (`scheme://user:pw@`) dropped,
    /// secret-looking query values and registered secrets masked.
    static func unparsable(_ text: String, secrets: SecretRegistry?) -> String {
        var result = text
        if let scheme = result.range(of: "://"),
           let at = result[scheme.upperBound...].prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).lastIndex(of: "@") {
            result.removeSubrange(scheme.upperBound...at)
        }
        if let question = result.firstIndex(of: "?") {
            let query = result[result.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false).map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, isSecretKey(String(parts[0])) else { return String(pair) }
                return "\(parts[0])=***"
            }
            result = String(result[...question]) + query.joined(separator: "&")
        }
        return mask(result, secrets: secrets)
    }

    static func isSecretKey(_ name: String) -> Bool {
        let normalized = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return secretKeyNames.contains(normalized) || secretKeyFragments.contains { normalized.contains($0) }
    }

    static func mask(_ text: String, secrets: SecretRegistry?) -> String {
        guard let secrets else { return text }
        var result = text
        for value in secrets.values where result.contains(value) {
            result = result.replacingOccurrences(of: value, with: "***")
        }
        return result
    }
}
