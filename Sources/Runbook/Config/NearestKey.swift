/// "Did you mean …": the known key closest to a misspelt one (edit distance, ignoring case and
/// treating `_` like `-`), when it is close enough to be a plausible typo.
enum NearestKey {
    /// The best candidate within distance ≤ max(1, length/3), or nil.
    static func suggestion(for key: String, among candidates: [String]) -> String? {
        let wanted = normalised(key)
        var best: (key: String, distance: Int)?
        for candidate in candidates where candidate != key {
            let distance = editDistance(wanted, normalised(candidate))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best, best.distance <= max(1, wanted.count / 3) else { return nil }
        return best.key
    }

    private static func normalised(_ key: String) -> [Character] {
        Array(key.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    /// Damerau–Levenshtein distance (adjacent transpositions count as one edit).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
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
