package import Foundation

/// A response as read off a connection: its parsed head and complete body. The client turns it
/// into its own response type (Runbook's `HTTPTransportResponse`).
package struct HTTP1Response: Sendable {
    /// Status, header fields and framing.
    package var head: HTTP1Message.Head
    /// The body bytes (empty when there is none).
    package var body: Data

    /// Creates a response.
    package init(head: HTTP1Message.Head, body: Data) {
        self.head = head
        self.body = body
    }
}
