// The `runbook` executable: the command tree plus the scripts it knows (ScriptList.swift).
import RunbookCLI

await RunbookMain.main(scripts: knownScripts)
