public import Runbook

/// The GET loop of the HTTP benchmarks (runbook-bench and bench-probe).
public enum BenchRequests {
    /// `count` GETs of `customers/42` through `client`, spread over `inFlight` concurrent tasks.
    public static func getAll(_ client: RestClient, count: Int, inFlight: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<inFlight {
                let share = count / inFlight + (worker < count % inFlight ? 1 : 0)
                group.addTask {
                    for _ in 0..<share { _ = try await client.get("customers/42") }
                }
            }
            try await group.waitForAll()
        }
    }
}
