/// A region of a snippet file that a Markdown `swift` block must equal:
///
/// ```
/// // docs: docs/writing-a-script.md#3
/// let api = try context.restClient()
/// // docs: end
/// ```
///
/// The region's common indentation is removed before comparing, so a block may sit inside a
/// function of the test file.
struct SnippetRegion: Sendable {
    /// The key of the block it holds (`docs/writing-a-script.md#3`).
    let key: String
    /// The snippet file, relative to the repository root.
    let file: String
    /// The 1-based line of the opening marker.
    let line: Int
    /// The lines between the markers, common indentation removed.
    let lines: [String]

    static let opening = "// docs: "
    static let closing = "// docs: end"

    /// The regions of a snippet file, in order.
    static func regions(in text: String, file: String) throws -> [SnippetRegion] {
        var regions: [SnippetRegion] = []
        var open: (key: String, line: Int)?
        var body: [String] = []
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " }
            if line == closing {
                guard let start = open else { throw RegionError("\(file):\(offset + 1): `\(closing)` without an opening marker") }
                regions.append(SnippetRegion(key: start.key, file: file, line: start.line, lines: dedented(body)))
                open = nil
                body = []
            } else if line.hasPrefix(opening) {
                guard open == nil else { throw RegionError("\(file):\(offset + 1): a region opens inside another") }
                open = (String(line.dropFirst(opening.count)), offset + 1)
            } else if open != nil {
                body.append(String(raw))
            }
        }
        if let start = open { throw RegionError("\(file):\(start.line): region \(start.key) is never closed") }
        return regions
    }

    /// `lines` without their common leading spaces (blank lines do not count).
    static func dedented(_ lines: [String]) -> [String] {
        let indent = lines.filter { !$0.allSatisfy { $0 == " " } }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return lines.map { $0.allSatisfy { $0 == " " } ? "" : String($0.dropFirst(indent)) }
    }
}

/// A malformed snippet file.
struct RegionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
