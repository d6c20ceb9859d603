import ArgumentParser
import Foundation
import Runbook

/// `runbook collect DIR… [--script NAME]`: merges the run records found under the folders (for
/// example copied back from Kubernetes pods) into a fleet record, one target per org/env (its
/// newest record), and prints the table. Exit code: the fleet's (0/2/1/75).
struct CollectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Merge run records found under folders into a fleet record.",
        discussion: "Finds every run record (*-results_*.json) under the folders; the newest per org/env becomes a target.")

    @Argument(help: "Folders to search (recursively) for run records.")
    var folders: [String] = []

    @Option(name: .long, help: "Only records of this script (needed when the folders hold several).")
    var script: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let environment = CLIContext.environment
        let root = environment.projectRoot(global.projectRoot)
        guard !folders.isEmpty else {
            throw FleetPlan.usage("Missing expected argument '<folders>'", "Name the folders that hold the run records")
        }
        var newest: [String: (record: RunRecord, path: String)] = [:]
        for folder in folders {
            let url = URL(fileURLWithPath: folder, relativeTo: environment.currentDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw HelpfulError(code: .fleetCollectNotAFolder,
                                   problem: "\(folder) is not a folder", solution: "Name folders that hold run records",
                                   example: "runbook collect pods/", location: .file(folder), exitCode: .usage)
            }
            for (record, path) in Self.records(under: url, root: root) where script == nil || record.script == script {
                let key = "\(record.org)/\(record.env)"
                if let known = newest[key], known.record.startedAt >= record.startedAt { continue }
                newest[key] = (record, path)
            }
        }
        let scripts = Set(newest.values.map(\.record.script))
        guard scripts.count == 1, let name = scripts.first else {
            throw HelpfulError(
                code: scripts.isEmpty ? .fleetCollectNoRecords : .fleetCollectSeveralScripts,
                problem: scripts.isEmpty ? "No run records found under \(folders.joined(separator: ", "))"
                    : "The folders hold records of several scripts: \(scripts.sorted().joined(separator: ", "))",
                solution: scripts.isEmpty ? "Check the folders (records are named {org}-{env}-{script}-results_<UTC>_<id>.json)"
                    : "Choose one with --script", example: "runbook collect pods/ --script \(scripts.sorted().first ?? "customer-sync")",
                exitCode: .usage)
        }
        let entries = newest.values.sorted { ($0.record.org, $0.record.env) < ($1.record.org, $1.record.env) }
            .enumerated().map { index, found in
                FleetRecord.Entry(
                    index: index, org: found.record.org, env: found.record.env, arguments: found.record.arguments,
                    status: .finished, runId: found.record.runId, outcome: found.record.outcome, exitCode: found.record.exitCode,
                    durationSeconds: found.record.durationSeconds, attempts: 1, counts: found.record.counts,
                    recordPath: found.path, error: found.record.error)
            }
        let now = environment.clock.now()
        let origin = RunOrigin.current(environment: environment.variables)
        let exitCode = FleetExitCode.code(for: entries, state: .finished)
        let record = FleetRecord(
            fleetId: RunID.generate(at: now), script: name, host: origin.host, user: origin.user,
            startedAt: entries.map { newest["\($0.org)/\($0.env)"]!.record.startedAt }.min() ?? now, finishedAt: now,
            state: .finished, exitCode: exitCode.rawValue, maxParallel: 1, targets: entries)
        let url = root.appendingPathComponent("output").appendingPathComponent(record.fileName)
        try FleetRecorder.write(record, to: url)
        environment.writeOut(FleetTable.text(record))
        environment.writeOut("Fleet record: output/\(record.fileName)\n")
        guard exitCode == .success else { throw ArgumentParser.ExitCode(exitCode.rawValue) }
    }

    /// The run records under `folder`: files named `…-results_….json` that decode as one.
    static func records(under folder: URL, root: URL) -> [(RunRecord, String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        let rootPath = root.standardizedFileURL.path + "/"
        let decoder = JSONDecoder()
        var found: [(RunRecord, String)] = []
        for case let relative as String in enumerator where relative.hasSuffix(".json") && relative.contains("-results_") {
            let url = folder.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let record = try? decoder.decode(RunRecord.self, from: data) else { continue }
            let path = url.path.hasPrefix(rootPath) ? String(url.path.dropFirst(rootPath.count)) : url.path
            found.append((record, path))
        }
        return found
    }
}
