// bench-get-socket URL: one GET through RestClient on the socket transport, linked like `runbook`;
// runbook-bench times its whole process against bench-get-ahc (docs/performance.md, "Transports").
// bench-get-socket URL COUNT [IN_FLIGHT [CA_FILE]]: bench/compare's transport rows (BenchLoop).
import BenchSupport
import Foundation
import Runbook

let arguments = Array(CommandLine.arguments.dropFirst())
if let loop = BenchLoop(arguments: arguments) {
    print(try await loop.run(loop.client(SocketHTTPTransport(trustedCAFile: loop.caFile))))
    exit(0)
}
let url = URL(string: arguments.first ?? "")!
let client = RestClient(baseURL: url.deletingLastPathComponent(), transport: SocketHTTPTransport())
let response = try await client.get(url.lastPathComponent)
exit(response.status.code == 200 ? 0 : 1)
