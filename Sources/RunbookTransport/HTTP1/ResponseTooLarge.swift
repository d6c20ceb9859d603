/// A response body over the exchange's ``AttemptDeadline/maximumBodyBytes``: refused from its
/// `Content-Length`, or stopped as soon as chunks or a read-to-close body pass it. The client
/// reports it in its own terms (Runbook: `ResponseBodyError` kind `.tooLarge`).
package struct ResponseTooLarge: Error, Sendable {
    /// What was too large, e.g. `Content-Length 5000000`.
    package var detail: String
    /// The limit in bytes.
    package var limit: Int

    /// Creates the error.
    package init(_ detail: String, limit: Int) {
        self.detail = detail
        self.limit = limit
    }
}
