import Foundation
import Runbook

/// Where a pod's compact run record goes: `--termination-log PATH`, else `/dev/termination-log`
/// when it exists and can be written (it does in a Kubernetes container; elsewhere it is skipped
/// without a word). A path that was given and cannot be written is a warning, never a failure of the run.
struct TerminationLog {
    /// Kubernetes' default `terminationMessagePath`.
    static let defaultPath = "/dev/termination-log"

    /// `--termination-log`, when given.
    let path: String?

    func write(_ message: TerminationMessage, environment: CLIEnvironment) {
        let data = Data(message.line().utf8)
        guard let path else {
            // The kubelet's file: written in place (it is a bind mount and cannot be replaced).
            guard FileManager.default.isWritableFile(atPath: Self.defaultPath),
                  let handle = FileHandle(forWritingAtPath: Self.defaultPath) else { return }
            try? handle.truncate(atOffset: 0)
            try? handle.write(contentsOf: data)
            try? handle.close()
            return
        }
        let url = environment.resolvedPath(path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            environment.writeError("⚠️  Cannot write the termination log \(path): \(error.localizedDescription); the run's exit code is unchanged\n")
        }
    }
}
