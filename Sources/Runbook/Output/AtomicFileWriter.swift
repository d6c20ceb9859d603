public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: bytes go to a temporary file in the destination's folder through a
/// 64 KiB buffer, and `commit()` renames it over the destination. Until then the old file (or
/// none) stays in place; `abort()` (or an error in `OutputStore.writeAtomically`) removes the
/// temporary file.
public final class AtomicFileWriter {
    /// The file that `commit()` replaces.
    public let destination: URL
    let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8]
    private var flushedBytes: Int64 = 0
    private static let chunkSize = 64 * 1024
    /// Screens every byte before it reaches the disk for the run's secret values (set by
    /// `OutputStore`; a writer of compressed data moves it to the uncompressed stream).
    var screen: SecretScreen?

    init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent().path
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        temporaryPath = folder + "/." + destination.lastPathComponent + ".tmp-" + suffix
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputError.cannotWrite(destination, reason: String(cString: strerror(errno)))
        }
        buffer = []
        buffer.reserveCapacity(Self.chunkSize * 2)
    }

    deinit {
        if descriptor >= 0 { abort() }
    }

    /// Bytes written so far (flushed and buffered).
    public var position: Int64 { flushedBytes + Int64(buffer.count) }

    /// Appends bytes.
    public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= Self.chunkSize, let base = bytes.baseAddress else {
            buffer.append(contentsOf: bytes)
            if buffer.count >= Self.chunkSize { try flush() }
            return
        }
        try flush()
        try screen?.scan(bytes)
        try writeAll(base, count: bytes.count)
        flushedBytes += Int64(bytes.count)
    }

    /// Appends a string's UTF-8 bytes.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Direct access to the pending buffer for fast formatters; call `flushIfNeeded()` after.
    func withBuffer<T>(_ body: (inout [UInt8]) throws -> T) rethrows -> T {
        try body(&buffer)
    }

    /// Flushes when the buffer holds a chunk or more.
    func flushIfNeeded() throws {
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Writes the buffered bytes to the temporary file.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try screen?.scan(buffer)
        try buffer.withUnsafeBytes { raw in try writeAll(raw.baseAddress!, count: raw.count) }
        flushedBytes += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ base: UnsafeRawPointer, count: Int) throws {
        var offset = 0
        while offset < count {
            let written = unistdWrite(descriptor, base + offset, count - offset)
            guard written > 0 else {
                throw OutputError.cannotWrite(destination, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Overwrites bytes already written at `offset` (used to patch ZIP headers).
    func patch(at offset: Int64, with bytes: [UInt8]) throws {
        try flush()
        let written = bytes.withUnsafeBytes { raw in pwrite(descriptor, raw.baseAddress!, raw.count, off_t(offset)) }
        guard written == bytes.count else {
            throw OutputError.cannotWrite(destination, reason: String(cString: strerror(errno)))
        }
    }

    /// Flushes, closes and renames the temporary file over the destination.
    func commit() throws {
        try flush()
        close(descriptor)
        descriptor = -1
        guard rename(temporaryPath, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError.cannotWrite(destination, reason: reason)
        }
    }

    /// Closes and removes the temporary file; the destination is untouched.
    func abort() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }
}
