public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically and durably: bytes go to a temporary file in the destination's folder
/// (`TemporaryFileName`) through a 64 KiB buffer, and `commit()` flushes it to disk (`fsync`),
/// renames it over the destination and flushes the folder, so after a crash or a power loss the
/// destination is the old file or the new one, never a mix. Until then the old file (or none)
/// stays in place; `abort()` (or an error in `OutputStore.writeAtomically`) removes the temporary
/// file.
///
/// Cancellation: between chunks, and before the rename, the writer checks whether the current
/// task is cancelled and throws `CancellationError` if so, so Ctrl-C stops a large write promptly
/// (the caller's `abort()` then removes the temporary file).
public final class AtomicFileWriter {
    /// The file that `commit()` replaces.
    public let destination: URL
    let temporaryPath: String
    private let sync: FileSync
    private var descriptor: Int32
    private var buffer: [UInt8]
    private var flushedBytes: Int64 = 0
    private let digest: FileDigest?
    private var patched = false
    /// The SHA-256 of the bytes, once `stage()` (or `commit()`) has run and hashing was asked for.
    private(set) var sha256: String?
    private static let chunkSize = 64 * 1024
    /// Screens every byte before it reaches the disk for the run's secret values (set by
    /// `OutputStore`; a writer of compressed data moves it to the uncompressed stream).
    var screen: SecretScreen?

    /// A writer for `destination`; `hashing` computes the SHA-256 of the bytes as they are written.
    init(destination: URL, sync: FileSync = .system, hashing: Bool = false) throws {
        self.destination = destination
        self.sync = sync
        digest = hashing ? FileDigest() : nil
        let folder = destination.deletingLastPathComponent().path
        temporaryPath = folder + "/" + TemporaryFileName.make(for: destination.lastPathComponent)
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

    /// Writes in chunks of at most 64 KiB, checking for cancellation before each.
    private func writeAll(_ base: UnsafeRawPointer, count: Int) throws {
        var offset = 0
        while offset < count {
            try Task.checkCancellation()
            let written = unistdWrite(descriptor, base + offset, min(count - offset, Self.chunkSize))
            guard written > 0 else {
                if written < 0, errno == EINTR { continue }
                throw OutputError.cannotWrite(destination, reason: String(cString: strerror(errno)))
            }
            digest?.update(base + offset, count: written)
            offset += written
        }
    }

    /// Overwrites bytes already written at `offset` (used to patch ZIP headers).
    func patch(at offset: Int64, with bytes: [UInt8]) throws {
        try flush()
        patched = true
        let written = bytes.withUnsafeBytes { raw in pwrite(descriptor, raw.baseAddress!, raw.count, off_t(offset)) }
        guard written == bytes.count else {
            throw OutputError.cannotWrite(destination, reason: String(cString: strerror(errno)))
        }
    }

    /// Flushes the bytes to disk, closes and renames the temporary file over the destination, then
    /// flushes the folder so the rename itself survives a power loss. Throws `CancellationError`,
    /// with the destination untouched, when the task is cancelled before the rename.
    func commit() throws {
        try stage()
        try publish()
    }

    /// The first half of `commit()`: flushes the bytes to disk and closes the temporary file, which
    /// stays where it is (an output transaction renames all its files once every one is staged).
    /// Throws `CancellationError` when the task is cancelled.
    func stage() throws {
        try flush()
        try Task.checkCancellation()
        guard sync.file(descriptor) == 0 else {
            throw OutputError.cannotWrite(destination, reason: "cannot flush to disk: " + String(cString: strerror(errno)))
        }
        if let digest {
            // A patched file (ZIP headers) no longer matches the bytes hashed on the way: hash it once more.
            sha256 = patched ? FileDigest.ofFile(atPath: temporaryPath) : digest.finish()
        }
        close(descriptor)
        descriptor = -1
    }

    /// The second half of `commit()`: renames the staged file over the destination and flushes the folder.
    func publish() throws {
        guard rename(temporaryPath, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw OutputError.cannotWrite(destination, reason: reason)
        }
        guard sync.folder(destination.deletingLastPathComponent().path) == 0 else {
            throw OutputError.cannotWrite(
                destination, reason: "the file is in place, but its folder cannot be flushed to disk: "
                    + String(cString: strerror(errno)))
        }
    }

    /// Closes and removes the temporary file; the destination is untouched.
    func abort() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
    }
}

/// How a writer makes its bytes durable: `fsync` of the file before the rename and of its folder
/// after. Tests observe the order through their own functions.
struct FileSync: Sendable {
    /// Flushes an open file; 0 on success, -1 with `errno` set otherwise.
    var file: @Sendable (Int32) -> Int32
    /// Flushes a folder's entries; 0 on success, -1 with `errno` set otherwise.
    var folder: @Sendable (String) -> Int32

    /// `fsync(2)` on the file and on the folder (a file system that cannot sync a folder,
    /// `EINVAL`, counts as done).
    static let system = FileSync(
        file: { descriptor in
            while true {
                let result = fsync(descriptor)
                if result == 0 || errno != EINTR { return result }
            }
        },
        folder: { path in
            let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { return -1 }
            defer { close(descriptor) }
            var result: Int32
            repeat { result = fsync(descriptor) } while result != 0 && errno == EINTR
            return result == 0 || errno == EINVAL ? 0 : -1
        })
}
