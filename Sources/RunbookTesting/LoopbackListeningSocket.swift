import RunbookTransport

/// A TCP socket listening on 127.0.0.1 at a port the system picks. Connections to it complete (the
/// kernel queues them in the backlog) even when nobody calls `accept`: a server that never answers,
/// or the listening half of a test server. The caller closes the descriptor.
///
/// ```swift
/// let (descriptor, port) = try LoopbackListeningSocket.open()
/// defer { close(descriptor) }
/// ```
public enum LoopbackListeningSocket {
    /// Why the socket could not be opened.
    public struct Failed: Error, CustomStringConvertible {
        /// The system call that failed.
        public var call: String
        /// Its `errno`.
        public var errno: Int32

        public var description: String { "\(call) on 127.0.0.1 failed (errno \(errno))" }
    }

    /// Opens the socket (``RunbookTransport``'s `ListeningSocket`, the one the loopback servers
    /// use); returns its descriptor and port.
    public static func open() throws(Failed) -> (descriptor: Int32, port: UInt16) {
        do {
            return try ListeningSocket.open()
        } catch {
            throw Failed(call: error.call, errno: error.errno)
        }
    }
}
