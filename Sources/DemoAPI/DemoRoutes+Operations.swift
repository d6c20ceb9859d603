import Foundation
import LoopbackHTTPServer

extension DemoRoutes {
    /// `POST jobs` → 202 with a relative `Location: jobs(<n>)`; `GET jobs(<n>)` answers 202
    /// (`Retry-After: 1`) `operationPolls` times, then 200 with the finished job.
    func installJobs() {
        let (store, polls) = (store, options.operationPolls)
        resource("POST", "jobs") { _ in
            let id = store.withState { state -> Int in
                let id = state.nextOperation
                state.nextOperation += 1
                state.operations[id] = polls
                return id
            }
            installJob(id)
            return DemoJSON.response(202, JobJSON(id: id, status: "Running"), headers: [
                ("Location", "jobs(\(id))"), ("Retry-After", "1"),
            ])
        }
    }

    private func installJob(_ id: Int) {
        let store = store
        resource("GET", "jobs(\(id))") { _ in
            let left = store.withState { state -> Int? in
                guard let left = state.operations[id] else { return nil }
                if left > 0 { state.operations[id] = left - 1 }
                return left
            }
            guard let left else { return DemoJSON.error(404, "NotFound", "Job \(id) does not exist") }
            if left > 0 {
                return DemoJSON.response(202, JobJSON(id: id, status: "Running"), headers: [("Retry-After", "1")])
            }
            return DemoJSON.response(200, JobJSON(id: id, status: "Completed"))
        }
    }
}

/// An async job as the API shows it.
struct JobJSON: Encodable, Sendable {
    let id: Int
    let status: String
}
