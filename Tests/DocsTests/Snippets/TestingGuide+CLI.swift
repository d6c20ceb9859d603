// docs: docs/testing-a-script.md#5
import HelloWorld
import Runbook
import RunbookTesting
import Testing

@Test func validatesTheLayeredConfiguration() async throws {
    let workspace = try TestWorkspace()   // a temporary project: config/, and schemas/ copied from yours
    defer { workspace.remove() }
    try workspace.writeConfig("script-behavior:\n  retry-strategy: {max-retries: 5}\n", layer: .defaults)
    try workspace.writeConfig("global:\n  api-base-url: https://erp.example.com/api/\n", layer: .orgEnv, org: "demo", env: "test")

    let runbook = CLITester(scripts: [HelloWorld.self])
    try await runbook.expect(["validate", "demo", "test"], in: workspace, stdout: """
        ✅ demo/test: config/demo-test-config.yaml (merged with config/defaults.yaml) is valid (39 defaults filled in, 0 secrets)

        """)
    let missing = await runbook.run(["validate", "acme", "prod"], in: workspace)
    #expect(missing.exitCode == 78)
    #expect(missing.stderr.contains("config/acme-prod-config.yaml"))
}
// docs: end
