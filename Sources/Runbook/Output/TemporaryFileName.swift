import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden name of a file being written, `.<name>.tmp-<host>-<pid>-<random>` (the name cut to
/// 200 bytes): who writes it is part of the name, so a later run can tell a file whose writer was
/// killed (same host, that process is gone) from one that is still being written.
///
/// `<host>` is 8 hex digits hashed from the host name (a shared folder may be written from
/// several machines or pods, whose process ids mean nothing here), `<pid>` the writer's process
/// id in decimal, `<random>` 16 hex digits.
struct TemporaryFileName: Equatable {
    /// Who wrote a temporary file.
    struct Writer: Equatable {
        /// The hash of the writer's host name.
        var host: String
        /// The writer's process id.
        var pid: Int32
    }

    /// The longest part of the destination's name kept in the temporary name.
    static let maximumBaseBytes = 200

    /// A fresh temporary name for `name`, owned by this process.
    static func make(for name: String, writer: Writer = .current) -> String {
        var base = Substring(name)
        while base.utf8.count > maximumBaseBytes { base = base.dropLast() }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(base).tmp-\(writer.host)-\(writer.pid)-\(String(repeating: "0", count: 16 - random.count))\(random)"
    }

    /// Whether `name` is a temporary name (of this or an earlier format).
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// The writer a temporary name records, or nil when it records none (the earlier
    /// `.<name>.tmp-<random>` format) or is no temporary name at all.
    static func writer(of name: String) -> Writer? {
        guard isTemporary(name), let marker = name.range(of: ".tmp-", options: .backwards) else { return nil }
        let parts = name[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].utf8.count == 8, UInt32(parts[0], radix: 16) != nil,
              let pid = Int32(parts[1]), pid > 0 else { return nil }
        return Writer(host: String(parts[0]), pid: pid)
    }
}

extension TemporaryFileName.Writer {
    /// This process on this host.
    static var current: Self {
        var name = [CChar](repeating: 0, count: 256)
        let hostName = gethostname(&name, name.count - 1) == 0
            ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return Self(host: hostHash(hostName), pid: getpid())
    }

    /// FNV-1a (32 bits) of the host name, as 8 hex digits.
    static func hostHash(_ hostName: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in hostName.utf8 { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        let text = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// Whether this writer's process is still running (only knowable on this host).
    var isRunning: Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
