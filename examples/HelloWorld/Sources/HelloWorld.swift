public import Runbook

/// The example job that needs no network (work in progress).
public struct HelloWorld: Script {
    public static let name = "hello-world"
    public static let summary = "Reads data/hello-world/people.csv, greets everyone, writes a timestamped report"

    public init() {}

    public func run(_ context: ScriptContext) async throws {
        let greeting = try context.config.require(String.self, "scripts", "hello-world", "greeting")
        context.logger.info("\(greeting), \(context.org)/\(context.env)")
    }
}
