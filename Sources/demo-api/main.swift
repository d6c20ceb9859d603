// `demo-api`: the DemoAPI server on 127.0.0.1 until interrupted.
//
//     swift run demo-api [--port 8080] [--fail-rate 0.1] [--fail-status 503] [--slow-ms 200] [--require-token]
import ArgumentParser
import DemoAPI
import Foundation

struct DemoAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-api",
        abstract: "A local stand-in for an ERP's REST/OData API, under http://127.0.0.1:<port>/api/v2.0/.",
        discussion: "Change faults while it runs: curl -X POST 127.0.0.1:8080/_admin/faults -d '{\"fail-next\":20,\"fail-status\":503}'")

    @Option(help: "The port on 127.0.0.1.") var port: UInt16 = 8080
    @Option(help: "Share of requests (0-1) answered with --fail-status.") var failRate: Double = 0
    @Option(help: "The status of an injected failure (429 comes with Retry-After).") var failStatus: Int = 429
    @Option(help: "Retry-After seconds sent with an injected failure (0: none).") var retryAfter: Int = 1
    @Option(help: "Milliseconds to wait before every answer.") var slowMs: Int = 0
    @Flag(help: "Require a bearer token from /oauth2/v2.0/token (client demo-client, secret demo-secret).")
    var requireToken = false

    func run() throws {
        let faults = DemoFaults(failRate: failRate, failStatus: failStatus, retryAfter: retryAfter, slowMilliseconds: slowMs)
        let server = DemoAPIServer(options: DemoAPIOptions(port: port, faults: faults, requiresToken: requireToken))
        do {
            try server.start()
        } catch {
            throw ValidationError("Cannot start the demo API: \(error). Is another process using port \(port)? Try --port 8081")
        }
        FileHandle.standardError.write(Data("demo-api listening on \(server.apiBaseURL.absoluteString) (Ctrl-C to stop)\n".utf8))
        while true { sleep(3600) }
    }
}

DemoAPICommand.main()
