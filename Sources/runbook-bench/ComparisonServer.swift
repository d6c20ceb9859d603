import Foundation
import LoopbackHTTPServer

/// The server of `bench/compare`'s HTTP rows: `runbook-bench serve` starts the loopback server (the one
/// demo-api is built on) with the one small route the benchmark requests, `GET /api/customers/42`,
/// prints `port <port>` and serves on 127.0.0.1 until it is killed.
enum ComparisonServer {
    static func run() throws -> Never {
        let server = LoopbackHTTPServer(recordsRequests: false)
        server.route("GET", "/api/customers/42") { _ in .json(200, HTTPBench.document) }
        try server.start()
        print("port \(server.port)")
        fflush(stdout)
        while true { sleep(3600) }
    }
}
