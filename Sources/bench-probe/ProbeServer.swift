import Foundation
import LoopbackHTTPServer

/// The server of `bench/compare`'s HTTP rows: `bench-probe serve` starts the loopback server (the one
/// demo-api is built on) with the one small route the benchmark requests, `GET /api/customers/42`,
/// prints `port <port>` and serves on 127.0.0.1 until it is killed.
enum ProbeServer {
    /// The response body, the same document nginx serves in the nginx row.
    static let document = #"{"id":42,"name":"Acme AS","city":"Oslo","active":true,"balance":1234.5}"#

    static func run() throws -> Never {
        let server = LoopbackHTTPServer(recordsRequests: false)
        server.route("GET", "/api/customers/42") { _ in .json(200, document) }
        try server.start()
        FileHandle.standardOutput.write(Data("port \(server.port)\n".utf8))
        while true { sleep(3600) }
    }
}
