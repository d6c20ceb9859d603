import COpenSSL
import Foundation

/// An incremental SHA-256 of the bytes a writer puts into a file (OpenSSL's EVP digest), so a run
/// record can name each file's hash without reading the file again.
final class FileDigest {
    private let context: OpaquePointer?

    /// A fresh digest.
    init() {
        context = EVP_MD_CTX_new()
        if let context { EVP_DigestInit_ex(context, EVP_sha256(), nil) }
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds bytes.
    func update(_ base: UnsafeRawPointer, count: Int) {
        guard let context, count > 0 else { return }
        EVP_DigestUpdate(context, base, count)
    }

    /// The digest as 64 lower-case hex digits; the digest cannot be used afterwards.
    func finish() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard let context else { return "" }
        EVP_DigestFinal_ex(context, &bytes, &length)
        return Self.hex(bytes.prefix(Int(length)))
    }

    /// The SHA-256 of a whole file, read in 64 KiB chunks (for files patched after writing).
    static func ofFile(atPath path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let digest = FileDigest()
        while let chunk = try? handle.read(upToCount: 64 * 1024), !chunk.isEmpty {
            chunk.withUnsafeBytes { raw in digest.update(raw.baseAddress!, count: raw.count) }
        }
        return digest.finish()
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
