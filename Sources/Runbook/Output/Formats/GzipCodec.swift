import CRunbookZlib
import Foundation

/// gzip compression and decompression through the system zlib.
enum GzipCodec {
    /// Compresses `input` into a gzip stream at `level` (0-9), handing output chunks to `sink`.
    static func compress(_ input: [UInt8], level: Int32, into sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CodecError.failed("deflateInit2")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            var status: Int32 = Z_OK
            repeat {
                try output.withUnsafeMutableBufferPointer { outBuffer in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    status = deflate(&stream, Z_FINISH)
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw CodecError.failed("deflate \(status)")
                    }
                    try sink(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: outBuffer[0..<(outBuffer.count - Int(stream.avail_out))])))
                }
            } while status != Z_STREAM_END
        }
    }

    /// Decompresses a gzip (or zlib) stream; concatenated members are read in turn.
    static func decompress(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CodecError.failed("inflateInit2")
        }
        defer { inflateEnd(&stream) }
        var result: [UInt8] = []
        var output = [UInt8](repeating: 0, count: 64 * 1024)
        var input = input
        try input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let status = output.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let status = inflate(&stream, Z_NO_FLUSH)
                    result.append(contentsOf: outBuffer[0..<(outBuffer.count - Int(stream.avail_out))])
                    return status
                }
                if status == Z_STREAM_END {
                    if stream.avail_in == 0 { return }
                    inflateReset(&stream)
                    continue
                }
                guard status == Z_OK else {
                    throw CodecError.failed(status == Z_BUF_ERROR ? "the data is truncated" : "the data is corrupt")
                }
            }
        }
        return result
    }

    enum CodecError: Error {
        case failed(String)
    }
}
