// The `runbook` executable: the command tree plus the scripts it knows.
import HelloWorld
import RunbookCLI

await RunbookMain.main(scripts: [HelloWorld.self])
