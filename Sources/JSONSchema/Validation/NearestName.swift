/// "Did you mean …": the name closest to a misspelt one (Damerau–Levenshtein distance, ignoring case
/// and treating `_` like `-`), when it is close enough to be a plausible typo.
///
/// ```swift
/// NearestName.suggestion(for: "max-retires", among: ["max-retries", "backoff-factor"]) // "max-retries"
/// ```
public enum NearestName {
    /// Names longer than this are not typos of a key: no suggestion (keeps the cost bounded).
    public static let maxLength = 64

    /// The best candidate within distance ≤ max(1, length/3), or nil.
    public static func suggestion(for name: String, among candidates: some Sequence<String>) -> String? {
        guard name.utf8.count <= maxLength else { return nil }
        let wanted = normalised(name)
        let limit = max(1, wanted.count / 3)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name && candidate.utf8.count <= maxLength {
            let other = normalised(candidate)
            guard abs(other.count - wanted.count) <= min(limit, best?.distance ?? .max) else { continue }
            let distance = editDistance(wanted, other)
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= limit else { return nil }
        return best.name
    }

    private static func normalised(_ name: String) -> [Character] {
        Array(name.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count as one edit).
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
