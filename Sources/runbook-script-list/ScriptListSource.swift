/// The Swift source of a `runbook` executable's script list: one `import` per script module and
/// `knownScripts`, one `<Name>.self` per script (each script target's script type has the target's name).
enum ScriptListSource {
    /// The generated file for the script targets `scripts`, in name order.
    static func text(scripts: [String]) -> String {
        let names = scripts.sorted()
        var text = """
            // Generated at build time by the RunbookScriptList build tool plugin (Plugins/RunbookScriptList)
            // from the runbook target's script dependencies (examples/<Name> and scripts/<Name>). Not a tracked file.

            """
        text += (names + ["Runbook"]).sorted().map { "import \($0)\n" }.joined()
        text += "\nlet knownScripts: [any Script.Type] = [\n"
        text += names.map { "    \($0).self,\n" }.joined()
        text += "]\n"
        return text
    }
}
