/// The text of one progress bar frame:
/// `Syncing [#########---------------------]  30% 300/1000  25.0/s  ETA 00:28`.
enum ProgressBarLine {
    static func text(description: String, completed: Int, total: Int, elapsed: Duration, width: Int) -> String {
        let fraction = total == 0 ? 1.0 : Double(completed) / Double(total)
        let filled = min(width, Int((fraction * Double(width)).rounded(.down)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let percent = String(Int((fraction * 100).rounded(.down)))
        let paddedPercent = String(repeating: " ", count: max(0, 3 - percent.count)) + percent
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var line = "\(description) [\(bar)] \(paddedPercent)% \(completed)/\(total)"
        guard seconds > 0, completed > 0 else { return line + "  --/s  ETA --:--" }
        let rate = Double(completed) / seconds
        line += "  \(formatRate(rate))/s"
        let remaining = Double(total - completed) / rate
        line += "  ETA \(formatDuration(remaining))"
        return line
    }

    static func formatRate(_ rate: Double) -> String {
        let tenths = Int((rate * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `MM:SS`, or `H:MM:SS` from an hour.
    static func formatDuration(_ seconds: Double) -> String {
        let total = max(0, Int((seconds - 1e-6).rounded(.up)))
        let hours = total / 3600
        let minutes = total / 60 % 60
        let secs = total % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(two(minutes)):\(two(secs))"
    }
}
