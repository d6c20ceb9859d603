import CRunbookZlib
import Foundation

/// Writes a ZIP archive entry by entry, each entry deflated as it is streamed (zlib, fast level)
/// into an `AtomicFileWriter`; sizes and CRC are patched into the local header when the entry
/// ends, so no entry is ever held in memory. ZIP64 is not supported (entries < 4 GiB).
final class ZipStreamWriter {
    private struct Finished {
        let name: [UInt8]
        let offset: UInt32
        let crc: UInt32
        let compressedSize: UInt32
        let size: UInt32
    }

    private let file: AtomicFileWriter
    private let level: Int32
    private var finished: [Finished] = []
    private var stream = z_stream()
    private var current: (name: [UInt8], offset: Int64, crc: uLong, size: Int64, compressedStart: Int64)?
    private var output = [UInt8](repeating: 0, count: 64 * 1024)
    /// The pending uncompressed bytes of the current entry; deflated in 64 KiB chunks.
    var pending: [UInt8] = []
    /// Screens the uncompressed bytes for secret values (set by `OutputStore.writeXLSX`).
    var screen: SecretScreen?

    init(file: AtomicFileWriter, level: Int32 = 1) {
        self.file = file
        self.level = level
        pending.reserveCapacity(128 * 1024)
    }

    func beginEntry(_ name: String) throws {
        precondition(current == nil, "an entry is already open")
        let nameBytes = Array(name.utf8)
        let offset = file.position
        try file.write(localHeader(name: nameBytes, crc: 0, compressedSize: 0, size: 0))
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw OutputError.cannotWrite(file.destination, reason: "zlib could not start")
        }
        current = (nameBytes, offset, crc32(0, nil, 0), 0, file.position)
    }

    /// Appends text to the current entry.
    func write(_ text: String) throws {
        var text = text
        text.withUTF8 { pending.append(contentsOf: $0) }
        if pending.count >= 64 * 1024 { try drain(finish: false) }
    }

    /// Deflates pending bytes once enough have gathered.
    func drainIfNeeded() throws {
        if pending.count >= 64 * 1024 { try drain(finish: false) }
    }

    private func drain(finish: Bool) throws {
        guard var entry = current else { return }
        try screen?.scan(pending)
        entry.size += Int64(pending.count)
        let count = pending.count
        try pending.withUnsafeMutableBufferPointer { input in
            entry.crc = crc32(entry.crc, input.baseAddress, uInt(count))
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(count)
            var status: Int32
            repeat {
                status = try output.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    let status = deflate(&stream, finish ? Z_FINISH : Z_NO_FLUSH)
                    let produced = out.count - Int(stream.avail_out)
                    try file.write(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[0..<produced])))
                    return status
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw OutputError.cannotWrite(file.destination, reason: "zlib failed (\(status))")
                }
            } while finish ? status != Z_STREAM_END : stream.avail_out == 0
        }
        pending.removeAll(keepingCapacity: true)
        current = entry
    }

    func endEntry() throws {
        try drain(finish: true)
        deflateEnd(&stream)
        guard let entry = current else { return }
        current = nil
        let compressed = file.position - entry.compressedStart
        guard entry.size < Int64(UInt32.max), compressed < Int64(UInt32.max), file.position < Int64(UInt32.max) else {
            throw OutputError.cannotWrite(file.destination, reason: "the file would exceed 4 GiB")
        }
        let record = Finished(name: entry.name, offset: UInt32(entry.offset), crc: UInt32(entry.crc),
                              compressedSize: UInt32(compressed), size: UInt32(entry.size))
        try file.patch(at: entry.offset, with: localHeader(name: entry.name, crc: record.crc,
                                                           compressedSize: record.compressedSize, size: record.size))
        finished.append(record)
    }

    /// Writes a small entry at once.
    func addEntry(_ name: String, text: String) throws {
        try beginEntry(name)
        try write(text)
        try endEntry()
    }

    /// Writes the central directory; the archive is complete.
    func finish() throws {
        let start = file.position
        for entry in finished {
            var bytes: [UInt8] = []
            bytes.appendLE32(0x0201_4b50)
            bytes.appendLE16(20)  // made by
            bytes.appendLE16(20)  // needed
            bytes.appendLE16(0x0800)  // UTF-8 names
            bytes.appendLE16(8)  // deflate
            bytes.appendLE16(0)  // time
            bytes.appendLE16(0x21)  // date 1980-01-01
            bytes.appendLE32(entry.crc)
            bytes.appendLE32(entry.compressedSize)
            bytes.appendLE32(entry.size)
            bytes.appendLE16(UInt16(entry.name.count))
            bytes.appendLE16(0)  // extra
            bytes.appendLE16(0)  // comment
            bytes.appendLE16(0)  // disk
            bytes.appendLE16(0)  // internal attributes
            bytes.appendLE32(0o100644 << 16)  // external attributes
            bytes.appendLE32(entry.offset)
            bytes.append(contentsOf: entry.name)
            try file.write(bytes)
        }
        let size = file.position - start
        var end: [UInt8] = []
        end.appendLE32(0x0605_4b50)
        end.appendLE16(0)
        end.appendLE16(0)
        end.appendLE16(UInt16(finished.count))
        end.appendLE16(UInt16(finished.count))
        end.appendLE32(UInt32(size))
        end.appendLE32(UInt32(start))
        end.appendLE16(0)
        try file.write(end)
    }

    private func localHeader(name: [UInt8], crc: UInt32, compressedSize: UInt32, size: UInt32) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLE32(0x0403_4b50)
        bytes.appendLE16(20)
        bytes.appendLE16(0x0800)
        bytes.appendLE16(8)
        bytes.appendLE16(0)
        bytes.appendLE16(0x21)
        bytes.appendLE32(crc)
        bytes.appendLE32(compressedSize)
        bytes.appendLE32(size)
        bytes.appendLE16(UInt16(name.count))
        bytes.appendLE16(0)
        bytes.append(contentsOf: name)
        return bytes
    }
}

extension Array where Element == UInt8 {
    mutating func appendLE16(_ value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func appendLE32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
