import RunbookTesting
import Testing

/// The TLS tests' certificates: one ``LoopbackCertificates`` set (the conformance suite's
/// recipe), made once per test run, synchronously so that suites can gate on it.
enum TestCertificates {
    /// Made on first use; nil when the `openssl` tool is missing or fails.
    static let shared: LoopbackCertificates? = try? LoopbackCertificates.makeBlocking()

    /// Why TLS tests are skipped when ``shared`` is nil.
    static let skipReason: Comment = "needs the openssl command-line tool to make test certificates (apt-get install openssl)"
}
