extension RunMetrics {
    /// One line per host for the console summary, e.g.
    /// `api.example.com: 2,010 calls, 17 retried (17 × 429), p50 4 ms, p95 11 ms, max 2.4 s, waited 3.1 s for the rate limit`.
    ///
    /// Latency is per call (every attempt, backoff and wait included). Parts that would read zero
    /// are left out; failed calls, circuit-breaker openings and rejections appear when there were any.
    public func consoleLines() -> [String] {
        hosts.map { $0.consoleLine() }
    }
}

extension HostMetrics {
    /// This host's console line (see ``RunMetrics/consoleLines()``).
    public func consoleLine() -> String {
        var parts = ["\(Self.grouped(calls)) call\(calls == 1 ? "" : "s")"]
        if retries > 0 {
            let reasons = retriesByReason.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\(Self.grouped($0.value)) × \($0.key)" }.joined(separator: ", ")
            parts.append("\(Self.grouped(retries)) retried (\(reasons))")
        }
        if failedCalls > 0 { parts.append("\(Self.grouped(failedCalls)) failed") }
        if circuitOpenings > 0 {
            parts.append("circuit opened \(Self.grouped(circuitOpenings)) time\(circuitOpenings == 1 ? "" : "s")")
        }
        if circuitRejections > 0 { parts.append("\(Self.grouped(circuitRejections)) refused by the open circuit") }
        if callLatency.count > 0 {
            parts.append("p50 \(Self.duration(callLatency.p50Seconds))")
            parts.append("p95 \(Self.duration(callLatency.p95Seconds))")
            parts.append("max \(Self.duration(callLatency.maxSeconds))")
        }
        if rateLimitWaitSeconds > 0 { parts.append("waited \(Self.duration(rateLimitWaitSeconds)) for the rate limit") }
        if tokenFetches > 0 { parts.append("\(Self.grouped(tokenFetches)) token fetch\(tokenFetches == 1 ? "" : "es")") }
        return "\(host): " + parts.joined(separator: ", ")
    }

    /// `2,010`: thousands separated by commas, whatever the locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }

    /// `0.4 ms`, `11 ms`, `2.4 s`: milliseconds below a second (one decimal below 1 ms), else seconds
    /// with one decimal.
    static func duration(_ seconds: Double) -> String {
        let milliseconds = seconds * 1000
        if milliseconds < 1 { return "\(oneDecimal(milliseconds)) ms" }
        if milliseconds < 999.5 { return "\(Int(milliseconds.rounded())) ms" }
        return "\(oneDecimal(seconds)) s"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
