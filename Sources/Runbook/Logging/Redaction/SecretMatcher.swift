/// Finds every occurrence of many byte strings in one pass over a text (Aho-Corasick), with ASCII
/// letters compared case-insensitively: the work for a text is linear in its length, whatever
/// the number of secrets and of their encoded forms.
///
/// ```swift
/// let matcher = SecretMatcher(patterns: [Array("s3cr3t".utf8)])
/// matcher.ranges(in: Array("x S3CR3T y".utf8))   // [2..<8] (owner 0)
/// ```
struct SecretMatcher: Sendable {
    /// One match: the bytes it covers and the index of the pattern's owner.
    struct Match: Equatable {
        var range: Range<Int>
        var owner: Int
    }

    /// Per state: the first of its edges in `edgeBytes`/`edgeTargets` (edges sorted by byte).
    private var edgeStart: [Int32] = [0]
    private var edgeBytes: [UInt8] = []
    private var edgeTargets: [Int32] = []
    private var failure: [Int32] = [0]
    /// Per state: the length and owner of the longest pattern ending there (length 0: none).
    private var outputLength: [Int32] = [0]
    private var outputOwner: [Int32] = [-1]
    /// Per state: the owners of the patterns that end exactly there, and the nearest shorter
    /// suffix state where one ends (0: none), for `forEachOwner`.
    private var ownOwners: [[Int32]] = [[]]
    private var dictionaryLink: [Int32] = [0]
    /// Dense transitions of the root (most bytes of a text leave it immediately).
    private var rootNext = [Int32](repeating: 0, count: 256)

    /// Whether there is nothing to find.
    var isEmpty: Bool { edgeBytes.isEmpty }

    /// Builds the automaton over `patterns` (empty ones are ignored); `owners[i]` is reported for
    /// a match of `patterns[i]` (its index when `owners` is nil).
    init(patterns: [[UInt8]], owners: [Int]? = nil) {
        // 1. The trie, with sparse children while building.
        var children: [[(UInt8, Int32)]] = [[]]
        var length: [Int32] = [0]
        var owner: [Int32] = [-1]
        var depth: [Int32] = [0]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for byte in pattern.map(Self.fold) {
                if let next = children[Int(state)].first(where: { $0.0 == byte })?.1 {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([])
                    length.append(0)
                    owner.append(-1)
                    depth.append(depth[Int(state)] + 1)
                    children[Int(state)].append((byte, next))
                    state = next
                }
            }
            let patternOwner = Int32(owners?[index] ?? index)
            if length[Int(state)] == 0 {
                length[Int(state)] = depth[Int(state)]
                owner[Int(state)] = patternOwner
            }
            while ownOwners.count < children.count { ownOwners.append([]) }
            ownOwners[Int(state)].append(patternOwner)
        }
        while ownOwners.count < children.count { ownOwners.append([]) }
        dictionaryLink = [Int32](repeating: 0, count: children.count)
        // 2. Flatten the edges.
        var starts: [Int32] = []
        starts.reserveCapacity(children.count + 1)
        for state in children.indices {
            starts.append(Int32(edgeBytes.count))
            for (byte, target) in children[state].sorted(by: { $0.0 < $1.0 }) {
                edgeBytes.append(byte)
                edgeTargets.append(target)
            }
        }
        starts.append(Int32(edgeBytes.count))
        edgeStart = starts
        failure = [Int32](repeating: 0, count: children.count)
        outputLength = length
        outputOwner = owner
        for (byte, target) in children[0] { rootNext[Int(byte)] = target }
        // 3. Failure links breadth first; each state inherits the longest output of its failure state.
        var queue = children[0].map(\.1)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[Int(state)] {
                queue.append(child)
                if state != 0 {
                    failure[Int(child)] = step(failure[Int(state)], byte)
                }
                let fallback = failure[Int(child)]
                dictionaryLink[Int(child)] = ownOwners[Int(fallback)].isEmpty ? dictionaryLink[Int(fallback)] : fallback
                if outputLength[Int(child)] == 0, outputLength[Int(fallback)] > 0 {
                    outputLength[Int(child)] = outputLength[Int(fallback)]
                    outputOwner[Int(child)] = outputOwner[Int(fallback)]
                }
            }
        }
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte | 0x20 : byte
    }

    private func edge(_ state: Int32, _ byte: UInt8) -> Int32? {
        var low = Int(edgeStart[Int(state)])
        var high = Int(edgeStart[Int(state) + 1])
        while low < high {
            let middle = (low + high) / 2
            let found = edgeBytes[middle]
            if found == byte { return edgeTargets[middle] }
            if found < byte { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    private func step(_ from: Int32, _ byte: UInt8) -> Int32 {
        var state = from
        while true {
            if state == 0 { return rootNext[Int(byte)] }
            if let next = edge(state, byte) { return next }
            state = failure[Int(state)]
        }
    }

    /// Every stretch of `text` covered by a pattern, overlapping matches merged, in order. Each
    /// reports the owner of the longest pattern that ends last in it.
    func ranges(in text: some Collection<UInt8>) -> [Match] {
        guard !isEmpty else { return [] }
        var merged: [Match] = []
        var state: Int32 = 0
        var position = 0
        for raw in text {
            state = step(state, Self.fold(raw))
            position += 1
            let length = Int(outputLength[Int(state)])
            guard length > 0 else { continue }
            var match = Match(range: (position - length)..<position, owner: Int(outputOwner[Int(state)]))
            // A later match may start before earlier ones: swallow every stretch it overlaps.
            while let last = merged.last, last.range.upperBound > match.range.lowerBound {
                match.range = min(last.range.lowerBound, match.range.lowerBound)..<match.range.upperBound
                merged.removeLast()
            }
            merged.append(match)
        }
        return merged
    }

    /// Calls `body` with the owner of every pattern occurrence in `text` (an owner may repeat).
    func forEachOwner(in text: some Sequence<UInt8>, _ body: (Int) -> Void) {
        guard !isEmpty else { return }
        var state: Int32 = 0
        for raw in text {
            state = step(state, Self.fold(raw))
            guard outputLength[Int(state)] > 0 else { continue }
            var found = state
            while found != 0 {
                for owner in ownOwners[Int(found)] { body(Int(owner)) }
                found = dictionaryLink[Int(found)]
            }
        }
    }

    /// The owner of the first pattern found in `text`, or nil.
    func firstOwner(in text: some Sequence<UInt8>) -> Int? {
        var state: Int32 = 0
        return firstOwner(in: text, continuing: &state)
    }

    /// Streaming form: `state` carries the automaton across chunks (0 to start), so a pattern
    /// split between two chunks is still found.
    func firstOwner(in text: some Sequence<UInt8>, continuing state: inout Int32) -> Int? {
        guard !isEmpty else { return nil }
        for raw in text {
            state = step(state, Self.fold(raw))
            if outputLength[Int(state)] > 0 { return Int(outputOwner[Int(state)]) }
        }
        return nil
    }
}
