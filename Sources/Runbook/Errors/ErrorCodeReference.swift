import Foundation

/// `docs/errors.md`: every code of `ErrorCode.all` with its meaning and fix, grouped by area,
/// generated from the catalog (`runbook docs errors` prints it; a test keeps the committed file equal).
package struct ErrorCodeReference: Sendable {
    /// The codes listed.
    package let codes: [ErrorCode]
    /// The areas, in the order of their sections (codes of other areas follow in a section each).
    package let areas: [ErrorCode.Area]

    /// A reference over Runbook's codes.
    package init(codes: [ErrorCode] = ErrorCode.all, areas: [ErrorCode.Area] = ErrorCode.Area.all) {
        self.codes = codes
        self.areas = areas
    }

    /// The Markdown document, ending with a newline.
    package func markdown() -> String {
        var lines = [
            "# Error codes",
            "",
            "<!-- Generated from Sources/Runbook/Errors/Codes by `swift run runbook docs errors > docs/errors.md`: do not edit. -->",
            "",
            "Every error Runbook reports has a stable code, `RB-<AREA>-<NNN>`, in its first line",
            "(`❌ Problem [RB-CFG-010]: …`), as `\"code\"` in its `--json` form, and as `error.code` in the run record.",
            "A code names a kind of error and never changes meaning; search this page for it.",
            "The error itself says more: the file, line and key, and a solution and example for that case.",
            "Errors a script raises without a code of its own carry `RB-SCR-001`.",
            "[The CLI reference](cli.md) describes the exit codes; each error carries one.",
            "",
        ]
        let used = areas.filter { area in codes.contains { $0.area == area } }
        let others = codes.map(\.area).reduce(into: [ErrorCode.Area]()) { list, area in
            if !used.contains(area), !list.contains(area) { list.append(area) }
        }
        lines += (used + others).map { "- [\($0.name): \($0.title)](#\(anchor($0)))" }
        for area in used + others {
            lines += ["", "## \(area.name): \(area.title)", "", "| code | meaning | fix |", "|---|---|---|"]
            lines += codes.filter { $0.area == area }.sorted().map { code in
                "| <a id=\"\(code.identifier.lowercased())\"></a>`\(code.identifier)` | \(cell(code.meaning)) | \(cell(code.fix)) |"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The GitHub anchor of an area's heading, e.g. `cfg-configuration`.
    private func anchor(_ area: ErrorCode.Area) -> String {
        let heading = "\(area.name): \(area.title)".lowercased()
        return String(heading.compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    /// Text that stays in its table cell.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
