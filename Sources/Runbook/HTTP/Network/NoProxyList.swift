public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hosts that bypass the proxy: `NO_PROXY` (or `no_proxy`) entries plus an API's
/// `proxy.no-proxy`, matched as curl matches them.
///
/// An entry is one of: `*` (every host); a host name, matching itself and its subdomains (a
/// leading dot is optional: `example.com` and `.example.com` both match `api.example.com` and
/// `example.com`); an IP address (IPv6 with or without brackets); a CIDR block (`10.0.0.0/8`,
/// `fd00::/8`); any of these with `:port`, which then matches that port only. Names are
/// compared without case; entries are separated by commas or spaces.
///
/// ```swift
/// let bypass = NoProxyList("localhost,.internal.example.com,10.0.0.0/8")
/// bypass.matches(host: "api.internal.example.com", port: 443)  // true
/// ```
public struct NoProxyList: Sendable, Hashable {
    /// The entries as written (trimmed, lower-cased, empty ones dropped).
    public private(set) var entries: [String]

    /// Parses a `NO_PROXY` value (entries separated by commas or whitespace).
    public init(_ text: String) {
        self.init(entries: text.split { $0 == "," || $0.isWhitespace }.map(String.init))
    }

    /// Creates a list from entries.
    public init(entries: [String] = []) {
        self.entries = entries.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// This list followed by `other`'s entries.
    public func adding(_ other: NoProxyList) -> NoProxyList {
        NoProxyList(entries: entries + other.entries)
    }

    /// Whether a request to `host` (name or IP address, IPv6 with or without brackets) on `port`
    /// goes direct.
    public func matches(host: String, port: Int) -> Bool {
        let target = Self.bare(host.lowercased())
        return entries.contains { Self.entry($0, matches: target, port: port) }
    }

    private static func entry(_ raw: String, matches host: String, port: Int) -> Bool {
        if raw == "*" { return true }
        let (pattern, entryPort) = split(raw)
        if let entryPort, entryPort != port { return false }
        if let slash = pattern.firstIndex(of: "/") {
            guard let bits = Int(pattern[pattern.index(after: slash)...]) else { return false }
            return IPAddressBytes(String(pattern[..<slash])).map { IPAddressBytes(host)?.isIn($0, prefix: bits) ?? false } ?? false
        }
        if let entryAddress = IPAddressBytes(pattern) { return IPAddressBytes(host) == entryAddress }
        let name = pattern.hasPrefix(".") ? String(pattern.dropFirst()) : pattern
        guard !name.isEmpty else { return false }
        return host == name || host.hasSuffix(".\(name)")
    }

    /// An entry's host pattern and port: `[v6]:port`, `v4:port`, `name:port`; a bare IPv6
    /// address (several colons) has no port.
    private static func split(_ entry: String) -> (String, Int?) {
        if entry.hasPrefix("["), let close = entry.firstIndex(of: "]") {
            let inside = String(entry[entry.index(after: entry.startIndex)..<close])
            let rest = entry[entry.index(after: close)...]
            return (inside, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        if entry.filter({ $0 == ":" }).count == 1, let colon = entry.firstIndex(of: ":"),
           let port = Int(entry[entry.index(after: colon)...]) {
            return (String(entry[..<colon]), port)
        }
        return (entry, nil)
    }

    private static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }
}

/// An IPv4 or IPv6 address as bytes (families are compared as written: no IPv4-mapped forms).
struct IPAddressBytes: Equatable {
    let bytes: [UInt8]

    init?(_ text: String) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
        } else if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
        } else {
            return nil
        }
    }

    /// Whether this address lies in `network`/`prefix` (same family only).
    func isIn(_ network: IPAddressBytes, prefix: Int) -> Bool {
        guard bytes.count == network.bytes.count, prefix >= 0, prefix <= bytes.count * 8 else { return false }
        var remaining = prefix
        for (mine, theirs) in zip(bytes, network.bytes) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if mine & mask != theirs & mask { return false }
            remaining -= bits
        }
        return true
    }
}
