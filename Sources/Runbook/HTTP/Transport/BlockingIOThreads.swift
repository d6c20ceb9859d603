import Foundation
import Synchronization

/// Dedicated threads for blocking socket calls, so they never hold one of Swift concurrency's
/// cooperative threads (2 on a 2-core machine) and never depend on Dispatch's pool, which on
/// Linux does not grow past the core count for blocked work: 16 slow requests would run two
/// at a time. Threads are started on demand up to `maximumThreads`, then reused, and end after
/// 10 s without work; beyond `maximumThreads` jobs wait in order.
final class BlockingIOThreads: Sendable {
    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var head = 0
        var threads = 0
        var idle = 0
    }

    private static let idleLifetime = DispatchTimeInterval.seconds(10)
    private let maximumThreads: Int
    private let state = Mutex(State())
    private let wakeups = DispatchSemaphore(value: 0)

    init(maximumThreads: Int) {
        self.maximumThreads = max(1, maximumThreads)
    }

    /// Runs `work` on one of the threads and returns its result.
    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit { continuation.resume(returning: work()) }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        let startThread = state.withLock { state -> Bool in
            state.jobs.append(job)
            if state.idle > 0 {
                state.idle -= 1
                return false
            }
            guard state.threads < maximumThreads else { return false }
            state.threads += 1
            return true
        }
        if startThread {
            let thread = Thread { [self] in work() }
            thread.name = "runbook.http.socket-io"
            thread.stackSize = 256 * 1024
            thread.start()
        }
        wakeups.signal()
    }

    private func work() {
        while true {
            if wakeups.wait(timeout: .now() + Self.idleLifetime) == .timedOut {
                // Leave only if an unreserved idle slot exists: a reserved one has a job coming.
                let leaves = state.withLock { state -> Bool in
                    guard state.idle > 0 else { return false }
                    state.idle -= 1
                    state.threads -= 1
                    return true
                }
                if leaves { return }
                continue
            }
            let job = state.withLock { state -> (@Sendable () -> Void)? in
                guard state.head < state.jobs.count else { return nil }
                let job = state.jobs[state.head]
                state.head += 1
                if state.head == state.jobs.count {
                    state.jobs.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                return job
            }
            job?()
            state.withLock { $0.idle += 1 }
        }
    }
}
