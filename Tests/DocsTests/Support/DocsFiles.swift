import Foundation

/// The repository's documentation and the snippet files that compile its code blocks.
enum DocsFiles {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `README.md` and every `docs/*.md`, relative to the root, sorted.
    static func markdownFiles() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("docs").path)
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }

    /// Every code block of every Markdown file.
    static func codeBlocks() throws -> [MarkdownCodeBlock] {
        try markdownFiles().flatMap { file in
            MarkdownCodeBlock.blocks(in: try text(file), file: file)
        }
    }

    /// The Swift files of this test target, relative to the root.
    static func snippetFiles() throws -> [String] {
        let folder = "Tests/DocsTests"
        guard let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Every marked region of the snippet files.
    static func regions() throws -> [SnippetRegion] {
        try snippetFiles().flatMap { file in try SnippetRegion.regions(in: text(file), file: file) }
    }

    /// The text of a file under the root.
    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}
