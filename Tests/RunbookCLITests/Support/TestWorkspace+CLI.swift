import Foundation
import HelloWorld
import Runbook
import RunbookTesting

extension TestWorkspace {
    /// A workspace for the CLI tests: the repository's configuration schema (unless `copySchema` is
    /// false) and its demo `data/` folder.
    static func cli(copySchema: Bool = true) throws -> TestWorkspace {
        try TestWorkspace(copying: (copySchema ? [ConfigSchemaSet.mainSchemaPath] : []) + ["data"], from: SourceTree.root)
    }
}

extension CLITester {
    /// `runbook` knowing hello-world, without colour.
    static let helloWorld = CLITester(scripts: [HelloWorld.self])
}
