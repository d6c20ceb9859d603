import CRunbookZlib
import Foundation

/// Decodes a response body by its `Content-Encoding` (`gzip`, `x-gzip`, `deflate` as zlib or raw
/// deflate, `identity`; a list is undone last coding first), streaming through zlib in 64 KiB
/// pieces and stopping as soon as the decoded size passes `limit`: a decompression bomb costs
/// at most `limit` plus one piece of memory.
enum ResponseBodyDecoder {
    /// The decoded body, or nil when there is nothing to decode (no coding, or only `identity`).
    static func decode(_ body: Data, contentEncoding: String?, limit: Int) throws(ResponseBodyError) -> Data? {
        guard let contentEncoding else { return nil }
        let codings = contentEncoding.split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        guard !codings.isEmpty else { return nil }
        var data = body
        for coding in codings.reversed() {
            switch coding {
            case "gzip", "x-gzip":
                data = try inflate(data, windowBits: 15 + 16, coding: coding, limit: limit)
            case "deflate":
                data = try inflate(data, windowBits: isZlibHeader(data) ? 15 : -15, coding: coding, limit: limit)
            default:
                throw ResponseBodyError(kind: .unknownEncoding, detail: coding, limit: limit)
            }
        }
        return data
    }

    /// Whether `data` starts with a zlib header (RFC 1950): method 8, and the check bits.
    static func isZlibHeader(_ data: Data) -> Bool {
        guard data.count >= 2 else { return false }
        let first = data[data.startIndex], second = data[data.startIndex + 1]
        return first & 0x0F == 8 && (UInt16(first) << 8 | UInt16(second)) % 31 == 0
    }

    static func inflate(_ input: Data, windowBits: Int32, coding: String, limit: Int) throws(ResponseBodyError) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ResponseBodyError(kind: .corrupt, detail: "\(coding): zlib could not start", limit: limit)
        }
        defer { inflateEnd(&stream) }
        var result = Data()
        var piece = [UInt8](repeating: 0, count: 64 * 1024)
        var bytes = [UInt8](input)
        let failure: ResponseBodyError? = bytes.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let status = piece.withUnsafeMutableBufferPointer { outBuffer -> Int32 in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = uInt(outBuffer.count)
                    let status = CRunbookZlib.inflate(&stream, Z_NO_FLUSH)
                    result.append(outBuffer.baseAddress!, count: outBuffer.count - Int(stream.avail_out))
                    return status
                }
                if result.count > limit {
                    return ResponseBodyError(kind: .decodedTooLarge, detail: coding, limit: limit)
                }
                if status == Z_STREAM_END {
                    guard stream.avail_in > 0, windowBits > 15 else { return nil }  // gzip members may follow
                    inflateReset(&stream)
                    continue
                }
                guard status == Z_OK else {
                    let what = status == Z_BUF_ERROR ? "the data is truncated" : "the data is corrupt"
                    return ResponseBodyError(kind: .corrupt, detail: "\(coding): \(what)", limit: limit)
                }
            }
        }
        if let failure { throw failure }
        return result
    }
}
