import Foundation
@testable import Runbook
import Testing

/// The SHA-256 a run record names for each file: the FIPS 180-4 / NIST vectors, whatever the
/// sizes of the writes that fed it.
@Suite struct FileDigestTests {
    static let vectors: [(message: [UInt8], sha256: String)] = [
        ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (Array(repeating: UInt8(ascii: "a"), count: 1_000_000),
         "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test(arguments: [1, 3, 63, 64, 65, 4096, 1_000_000])
    func vectorsInChunksOf(_ chunk: Int) {
        for vector in Self.vectors {
            let digest = FileDigest()
            var offset = 0
            vector.message.withUnsafeBytes { raw in
                while offset < raw.count {
                    let count = min(chunk, raw.count - offset)
                    digest.update(raw.baseAddress! + offset, count: count)
                    offset += count
                }
            }
            #expect(digest.finish() == vector.sha256, "\(vector.message.count) bytes in chunks of \(chunk)")
        }
    }
}
