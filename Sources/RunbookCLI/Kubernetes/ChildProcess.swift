import Foundation
import Runbook

/// A child process whose standard output and error go to a file, awaited without blocking a
/// thread (its termination handler resumes the caller).
struct ChildProcess: Sendable {
    let executable: URL
    let arguments: [String]
    let directory: URL
    let environment: [String: String]
    let output: URL

    /// Runs the process to its end and returns its exit status (128 + N when killed by signal N).
    func run() async throws(HelpfulError) -> Int32 {
        let handle: FileHandle
        do {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            handle = try FileHandle(forWritingTo: output)
        } catch {
            throw HelpfulError(code: .outputCannotWrite,
                               problem: "Cannot create \(output.path): \(error.localizedDescription)",
                               solution: "Check that the folder is writable", location: .file(output.path))
        }
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        let started: Bool = await withCheckedContinuation { continuation in
            process.terminationHandler = { _ in continuation.resume(returning: true) }
            do { try process.run() } catch { continuation.resume(returning: false) }
        }
        guard started else {
            throw HelpfulError(
                code: .kubeCannotStart,
                problem: "Cannot start \(executable.path)",
                solution: "Give the runbook executable with --runbook (swift build builds .build/debug/runbook)",
                example: "runbook kubernetes run-local k8s --runbook .build/debug/runbook", exitCode: .usage)
        }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
