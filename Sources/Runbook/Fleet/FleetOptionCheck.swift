import JSONSchema

/// Checks that the script accepts each target's options with the script's own argument parser
/// (the check `runbook run` makes before it runs), so a fleet with a misspelt option stops before
/// any target runs. Targets with the same arguments are parsed once.
struct FleetOptionCheck {
    /// The script the fleet runs.
    let script: any Script.Type
    /// Script options from the fleet's command line, given to every target after its own.
    let extraArguments: [String]

    /// Adds a problem, located at the offending option when the parser names it, for every target
    /// whose arguments the script refuses.
    func check(_ targets: [FleetTargetsFile.Located], root: JSONNode, problems: FleetTargetProblems) {
        var verdicts: [[String]: String?] = [:]
        for located in targets {
            let arguments = located.target.arguments + extraArguments
            let message: String?
            if let known = verdicts[arguments] {
                message = known
            } else {
                message = refusal(arguments)
                verdicts[arguments] = message
            }
            guard let message else { continue }
            let index = located.target.index
            // The option the parser's message names ("Unknown option '--limitt'"), if it is one of the file's.
            let named = located.options
                .filter { message.contains("--\($0.key)") }
                .max { $0.key.count < $1.key.count }
            problems.add(
                "targets[\(index)] (\(located.target.name)): \(script.name) does not accept these options: \(message)",
                at: named?.keyLocation ?? located.node.location,
                keyPath: named.map { "targets[\(index)].options.\($0.key)" } ?? "targets[\(index)]",
                solution: "Use the options `runbook run \(script.name) <org> <env> --help` lists (long names, without --)")
        }
    }

    /// The parser's message when the script refuses `arguments`, else nil.
    func refusal(_ arguments: [String]) -> String? {
        do {
            _ = try script.parse(arguments)
            return nil
        } catch {
            return script.message(for: error)
        }
    }
}
