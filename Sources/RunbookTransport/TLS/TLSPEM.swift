import COpenSSL
package import Foundation

/// PEM checks done when settings are read, so a bad file fails with its key path before a request.
package enum TLSPEM {
    /// How many X.509 certificates the PEM data holds (0 when none parse).
    package static func certificateCount(_ data: Data) -> Int {
        data.withUnsafeBytes { raw -> Int in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return 0 }
            defer { BIO_free(bio) }
            var count = 0
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                X509_free(certificate)
                count += 1
            }
            ERR_clear_error()
            return count
        }
    }

    /// Whether `pem` is an unencrypted private key OpenSSL can read.
    package static func isPrivateKey(_ pem: String) -> Bool {
        guard let key = privateKey(pem) else { return false }
        EVP_PKEY_free(key)
        return true
    }

    /// The private key parsed from memory (the caller frees it); nil when it is not one, or encrypted.
    package static func privateKey(_ pem: String) -> OpaquePointer? {
        var bytes = Array(pem.utf8)
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return bytes.withUnsafeBytes { raw -> OpaquePointer? in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            // An empty passphrase callback: an encrypted key fails instead of prompting on the terminal.
            let key = PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
            ERR_clear_error()
            return key
        }
    }
}
