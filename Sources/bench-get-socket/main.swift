// bench-get-socket URL: one GET through RestClient on the socket transport, linked like `runbook`;
// runbook-bench times its whole process against bench-get-ahc (docs/performance.md, "Transports").
import Foundation
import Runbook

let url = URL(string: CommandLine.arguments.dropFirst().first ?? "")!
let client = RestClient(baseURL: url.deletingLastPathComponent(), transport: SocketHTTPTransport())
let response = try await client.get(url.lastPathComponent)
exit(response.status.code == 200 ? 0 : 1)
