import Foundation

/// Dedicated threads for blocking socket calls, so they never hold one of Swift concurrency's
/// cooperative threads (2 on a 2-core machine) and never depend on Dispatch's pool, which on
/// Linux does not grow past the core count for blocked work: 16 slow requests would run two
/// at a time. Threads are started on demand up to `maximumThreads`, then reused, and end after
/// 10 s without work; beyond `maximumThreads` jobs wait in order.
///
/// One lock and one condition guard the queue and the counts: a job is queued, and a thread is
/// started only when no thread is waiting for work, so a queued job always has a thread that will
/// take it (a waiting one, a running one when it finishes, or a new one).
final class BlockingIOThreads: @unchecked Sendable {
    private static let idleLifetime: TimeInterval = 10
    private let maximumThreads: Int
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var waiting = 0

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
        condition.lock()
        jobs.append(job)
        let queued = jobs.count - head
        let startThread = queued > waiting && threads < maximumThreads
        if startThread { threads += 1 }
        condition.signal()
        condition.unlock()
        if startThread {
            let thread = Thread { [self] in work() }
            thread.name = "runbook.http.socket-io"
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    private func work() {
        condition.lock()
        while true {
            while head == jobs.count {
                waiting += 1
                let woken = condition.wait(until: Date(timeIntervalSinceNow: Self.idleLifetime))
                waiting -= 1
                if !woken && head == jobs.count {
                    threads -= 1
                    condition.unlock()
                    return
                }
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
