import COpenSSL

/// OpenSSL's per-thread error queue, read into a short message.
package enum TLSErrorQueue {
    /// The reason of the oldest queued error (e.g. `certificate verify failed`, `No such file or
    /// directory`), and empties the queue.
    package static func drain() -> String {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return "unknown error" }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        // "error:<code>:<library>:<function>:<reason>"; the reason alone is what a user can act on.
        let full = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fields = full.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard fields.count == 5, !fields[4].isEmpty else { return full }
        return String(fields[4])
    }
}
