// The `runbook` executable: the command tree plus the scripts it knows (`knownScripts`, generated at
// build time from its script dependencies by Plugins/RunbookScriptList).
import RunbookCLI

await RunbookMain.main(scripts: knownScripts)
