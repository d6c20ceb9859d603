/// One fenced code block of a Markdown file.
struct MarkdownCodeBlock: Sendable, CustomStringConvertible {
    /// The Markdown file, relative to the repository root.
    let file: String
    /// The 1-based line of the opening fence.
    let line: Int
    /// The info string after the fence (`swift`, or empty).
    let language: String
    /// The lines between the fences.
    let lines: [String]
    /// For a `swift` block: its 1-based position among the file's `swift` blocks.
    let swiftIndex: Int?

    /// The key a snippet region names (`README.md#2`), for a `swift` block.
    var key: String? { swiftIndex.map { "\(file)#\($0)" } }

    var description: String {
        "\(file):\(line) (\(language.isEmpty ? "code" : language) block\(swiftIndex.map { " #\($0)" } ?? ""))"
    }

    /// Whether the block shows shell commands (no language, or a shell's name).
    var isShell: Bool { ["", "sh", "bash", "shell", "console"].contains(language) }

    /// Whether the block shows commands with their output (`$ command` lines followed by output).
    var showsOutput: Bool { isShell && lines.contains { $0.hasPrefix("$ ") } }

    /// The blocks of `text`, in order. Fences are lines starting with three backticks.
    static func blocks(in text: String, file: String) -> [MarkdownCodeBlock] {
        var blocks: [MarkdownCodeBlock] = []
        var open: (line: Int, language: String)?
        var body: [String] = []
        var swiftCount = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("```") else {
                if open != nil { body.append(String(line)) }
                continue
            }
            if let start = open {
                let isSwift = start.language == "swift"
                if isSwift { swiftCount += 1 }
                blocks.append(MarkdownCodeBlock(
                    file: file, line: start.line, language: start.language, lines: body,
                    swiftIndex: isSwift ? swiftCount : nil))
                open = nil
                body = []
            } else {
                open = (offset + 1, line.dropFirst(3).trimmingSpaces())
            }
        }
        return blocks
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
