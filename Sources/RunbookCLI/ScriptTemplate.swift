/// The text of a new script and its test.
enum ScriptTemplate {
    static func source(scriptName: String, type: String) -> String {
        """
        public import Runbook

        /// <#One sentence: what this script does, for whom, and what it changes.#>
        ///
        /// Run it with `runbook run \(scriptName) <org> <env>`; test it with `swift test --filter \(type)Tests`.
        public struct \(type): Script {
            /// The name used on the command line.
            public static let name = "\(scriptName)"
            /// Shown by `runbook list`.
            public static let summary = "TODO: say what \(scriptName) does"

            // Script options come from swift-argument-parser, e.g.:
            // @Option(help: "Process at most this many records") var limit: Int?

            public init() {}

            /// The business logic. Everything else comes from the context:
            /// - `context.config.require(Int.self, "script-behavior", "batch-handling", "read-batch-size")`
            /// - `context.secrets.require("client-secret")`
            /// - `context.logger.info("…")` (secrets are redacted)
            /// - `context.isDryRun`: read and report, but change nothing
            /// Throw a `HelpfulError` for anything the user can fix.
            public func run(_ context: ScriptContext) async throws {
                context.logger.info("\(scriptName) running for \\(context.org)/\\(context.env)")
            }
        }

        """
    }

    static func test(scriptName: String, type: String) -> String {
        """
        import \(type)
        import Runbook
        import RunbookTesting
        import Testing

        /// Runs \(scriptName) in-process against an inline configuration: no network, no real time.
        @Test func \(type.prefix(1).lowercased() + type.dropFirst())Succeeds() async throws {
            let harness = ScriptHarness(\(type).self)
            let result = await harness.run()
            #expect(result.exitCode == .success, "\\(result.renderedError ?? "")")
        }

        """
    }
}
