public import Foundation
import JSONSchema

/// The targets of the shorthands: `--orgs a,b --envs test,prod` (the cross product, orgs outer)
/// and `--all` (every org/env with a configuration file). Checked like a targets file: invalid
/// names and options the script refuses are usage errors (64), a missing configuration 78.
public enum FleetTargetList {
    /// The cross product of `orgs` and `envs` (comma-separated lists), each target with `arguments`.
    public static func crossProduct(
        orgs: String, envs: String, projectRoot: URL, script: (any Script.Type)?, arguments: [String] = []
    ) throws(HelpfulError) -> [FleetTarget] {
        let problems = FleetTargetProblems(file: "command line")
        let orgNames = split(orgs, role: "org", problems: problems)
        let envNames = split(envs, role: "env", problems: problems)
        try problems.throwIfAny(exitCode: .usage)
        var targets: [FleetTarget] = []
        for org in orgNames {
            for env in envNames {
                targets.append(FleetTarget(org: org, env: env, arguments: [], index: targets.count))
            }
        }
        try check(targets, projectRoot: projectRoot, script: script, arguments: arguments, checksConfigurations: true)
        return targets
    }

    /// Every org/env that has a configuration file (`ConfigFileDiscovery.allConfigurations`), sorted.
    public static func all(projectRoot: URL, script: (any Script.Type)?, arguments: [String] = []) throws(HelpfulError) -> [FleetTarget] {
        let targets = ConfigFileDiscovery(projectRoot: projectRoot).allConfigurations().enumerated().map {
            FleetTarget(org: $0.element.org, env: $0.element.env, arguments: [], index: $0.offset)
        }
        guard !targets.isEmpty else {
            throw HelpfulError(
                code: .fleetNoConfigurations,
                problem: "--all found no configurations in config/", solution: "Run from the project root, or create a configuration",
                example: "runbook validate --all", location: .file("config/"), exitCode: .configuration)
        }
        try check(targets, projectRoot: projectRoot, script: script, arguments: arguments, checksConfigurations: false)
        return targets
    }

    private static func split(_ list: String, role: String, problems: FleetTargetProblems) -> [String] {
        var names: [String] = []
        for name in list.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if !ConfigIdentifier.isValid(name) {
                problems.add("--\(role)s: invalid \(role) '\(name.debugEscaped)': use a lower-case identifier", at: .unknown, keyPath: nil)
            } else if !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    private static func check(
        _ targets: [FleetTarget], projectRoot: URL, script: (any Script.Type)?, arguments: [String], checksConfigurations: Bool
    ) throws(HelpfulError) {
        if let script, let message = FleetOptionCheck(script: script, extraArguments: arguments).refusal(arguments) {
            throw HelpfulError(
                code: .usageScriptOptions,
                problem: "\(script.name) does not accept these options: \(message)",
                solution: "Use the options `runbook run \(script.name) <org> <env> --help` lists",
                example: "runbook fleet \(script.name) --all --help",
                location: ErrorLocation(origin: "command line"), exitCode: .usage)
        }
        guard checksConfigurations else { return }
        let discovery = ConfigFileDiscovery(projectRoot: projectRoot)
        let problems = FleetTargetProblems(file: "command line")
        for target in targets {
            do {
                _ = try discovery.configFile(org: target.org, env: target.env)
            } catch {
                problems.add("\(target.name): \(error.problem)", at: .unknown, keyPath: nil, solution: error.solution)
            }
        }
        try problems.throwIfAny(exitCode: .configuration)
    }
}
