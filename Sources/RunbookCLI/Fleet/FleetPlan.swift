import Foundation
import Runbook
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a `runbook fleet` will run, decided and checked before anything runs: the fleet record
/// (new, or the one `--resume` continues), the positions of the targets to run in it, and where
/// the record is written.
struct FleetPlan {
    /// The record the fleet starts from.
    var record: FleetRecord
    /// The positions in `record.targets` to run.
    var positions: [Int]
    /// Where the record is written.
    var url: URL
    /// The record's path as shown (relative to the project root when inside it).
    var displayPath: String

    init(command: FleetCommand, script: any Script.Type, root: URL, environment: CLIEnvironment, scriptArguments: [String]) throws(HelpfulError) {
        let sources = [command.targets != nil, command.orgs != nil || command.envs != nil, command.all,
                       command.rerunFailed != nil, command.resume != nil].filter { $0 }.count
        guard sources == 1 else {
            throw Self.usage(
                sources == 0 ? "No targets: give --targets, --orgs with --envs, --all, --rerun-failed or --resume"
                    : "Give only one of --targets, --orgs/--envs, --all, --rerun-failed and --resume",
                "Say which targets the fleet runs")
        }
        if let resume = command.resume {
            let url = URL(fileURLWithPath: resume, relativeTo: environment.currentDirectory).standardizedFileURL
            var record = try FleetRecord.read(url)
            try Self.checkScript(record, script: script, file: resume)
            try Self.checkNotRunning(record, file: resume)
            record.maxParallel = command.maxParallel
            positions = record.targets.indices.filter { record.targets[$0].status != .finished }
            self.record = record
            self.url = url
            displayPath = Self.display(url, root: root)
            return
        }
        let targets: [FleetTarget]
        if let file = command.targets {
            let url = URL(fileURLWithPath: file, relativeTo: environment.currentDirectory).standardizedFileURL
            targets = try FleetTargetsFile.load(url, projectRoot: root, displayPath: file, script: script, extraArguments: scriptArguments)
        } else if command.all {
            targets = try FleetTargetList.all(projectRoot: root, script: script, arguments: scriptArguments)
        } else if let rerun = command.rerunFailed {
            let url = URL(fileURLWithPath: rerun, relativeTo: environment.currentDirectory).standardizedFileURL
            let previous = try FleetRecord.read(url)
            try Self.checkScript(previous, script: script, file: rerun)
            targets = previous.targets.filter { !$0.succeeded }.map(\.target)
            guard !targets.isEmpty else {
                throw HelpfulError(
                    code: .fleetNothingToRerun,
                    problem: "Every target of \(rerun) succeeded: there is nothing to rerun",
                    solution: "Run the whole fleet again with --targets if that is what you want",
                    example: "runbook fleet \(script.name) --targets targets.yaml", location: .file(rerun), exitCode: .usage)
            }
        } else {
            guard let orgs = command.orgs, let envs = command.envs else {
                throw Self.usage("--orgs and --envs go together", "Give both: every org runs in every env")
            }
            targets = try FleetTargetList.crossProduct(orgs: orgs, envs: envs, projectRoot: root, script: script, arguments: scriptArguments)
        }
        let now = environment.clock.now()
        let origin = RunOrigin.current(environment: environment.variables)
        record = FleetRecord(
            fleetId: RunID.generate(at: now), script: script.name, host: origin.host, user: origin.user,
            coordinatorPid: getpid(), startedAt: now, maxParallel: command.maxParallel, targets: targets.map(FleetRecord.Entry.init))
        positions = Array(record.targets.indices)
        url = root.appendingPathComponent("output").appendingPathComponent(record.fileName)
        displayPath = "output/\(record.fileName)"
    }

    static func usage(_ problem: String, _ solution: String) -> HelpfulError {
        HelpfulError(code: .usageCommandLine,
                     problem: problem, solution: solution, example: "runbook fleet customer-sync --targets targets.yaml --max-parallel 4",
                     exitCode: .usage)
    }

    private static func checkScript(_ record: FleetRecord, script: any Script.Type, file: String) throws(HelpfulError) {
        guard record.script != script.name else { return }
        throw HelpfulError(
            code: .fleetRecordOfAnotherScript,
            problem: "\(file) is a fleet of \(record.script), not \(script.name)",
            solution: "Name the script the fleet ran", example: "runbook fleet \(record.script) --rerun-failed \(file)",
            location: .file(file), exitCode: .usage)
    }

    /// A record whose coordinator still runs on this host is not resumed (two coordinators would run the same targets).
    private static func checkNotRunning(_ record: FleetRecord, file: String) throws(HelpfulError) {
        guard record.state == .running, let pid = record.coordinatorPid, pid != getpid(),
              record.host == RunOrigin.current(environment: [:]).host, kill(pid, 0) == 0,
              let command = try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8), command.contains("fleet")
        else { return }
        throw HelpfulError(
            code: .fleetStillRunning,
            problem: "The fleet of \(file) is still running (coordinator pid \(pid))",
            solution: "Wait for it to end, or stop it (Ctrl-C, kill \(pid)) and resume then",
            location: .file(file), exitCode: .usage)
    }

    private static func display(_ url: URL, root: URL) -> String {
        let rootPath = root.standardizedFileURL.path + "/"
        return url.path.hasPrefix(rootPath) ? String(url.path.dropFirst(rootPath.count)) : url.path
    }
}
