// bench-get-ahc URL: one GET through RestClient on the AsyncHTTPClient transport, linked like
// `runbook`; runbook-bench times its whole process against bench-get-socket (docs/performance.md).
// bench-get-ahc URL COUNT [IN_FLIGHT [CA_FILE]]: bench/compare's transport rows (BenchLoop).
import BenchSupport
import Foundation
import Runbook
import RunbookAsyncHTTPClient

let arguments = Array(CommandLine.arguments.dropFirst())
if let loop = BenchLoop(arguments: arguments) {
    let transport = AsyncHTTPClientTransport(trustedCAFile: loop.caFile)
    let report = try await loop.run(loop.client(transport))
    try await transport.shutdown()
    print(report)
    exit(0)
}
let url = URL(string: arguments.first ?? "")!
let transport = AsyncHTTPClientTransport()
let client = RestClient(baseURL: url.deletingLastPathComponent(), transport: transport)
let response = try await client.get(url.lastPathComponent)
try await transport.shutdown()
exit(response.status.code == 200 ? 0 : 1)
