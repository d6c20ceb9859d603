// bench-get-ahc URL: one GET through RestClient on the AsyncHTTPClient transport, linked like
// `runbook`; runbook-bench times its whole process against bench-get-socket (docs/performance.md).
import Foundation
import Runbook
import RunbookAsyncHTTPClient

let url = URL(string: CommandLine.arguments.dropFirst().first ?? "")!
let transport = AsyncHTTPClientTransport()
let client = RestClient(baseURL: url.deletingLastPathComponent(), transport: transport)
let response = try await client.get(url.lastPathComponent)
try await transport.shutdown()
exit(response.status.code == 200 ? 0 : 1)
