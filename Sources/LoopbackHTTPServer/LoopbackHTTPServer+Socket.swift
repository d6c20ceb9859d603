import RunbookTransport

/// Why the server could not start.
public struct LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// What failed, with `errno`.
    public var description: String
}

extension LoopbackHTTPServer {
    /// A socket listening on 127.0.0.1:`port` (0: the system picks) and the port it is bound to.
    static func listen(port: UInt16) throws -> (descriptor: Int32, port: UInt16) {
        do {
            return try ListeningSocket.open(port: port, backlog: 512)
        } catch {
            switch error.call {
            case "socket": throw LoopbackServerError(description: "socket() failed: errno \(error.errno)")
            case "getsockname": throw LoopbackServerError(description: "getsockname() failed: errno \(error.errno)")
            default: throw LoopbackServerError(description: "cannot listen on 127.0.0.1:\(port): errno \(error.errno)")
            }
        }
    }
}
