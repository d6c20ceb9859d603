import Foundation
import Runbook
import RunbookTesting

/// A throwaway project root with an output store on a manual clock.
struct TemporaryProject: ~Copyable {
    let root: URL
    let clock = ManualClock()

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-output-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var store: OutputStore { OutputStore(root: root, clock: clock) }

    func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    /// Every file name in a folder (hidden temp files included).
    func files(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted()
    }
}
