import JSONSchema

/// "Did you mean …" for configuration keys, secret names and script names: `NearestName`, the one
/// implementation the schema validator's "unknown key" reports use too.
enum NearestKey {
    /// The best candidate within distance ≤ max(1, length/3), or nil.
    static func suggestion(for key: String, among candidates: [String]) -> String? {
        NearestName.suggestion(for: key, among: candidates)
    }
}
