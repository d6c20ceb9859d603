// docs: docs/writing-a-script.md#1
public import Runbook   // public: the script type is public (InternalImportsByDefault)

public struct OverdueInvoices: Script {
    public static let name = "overdue-invoices"          // the command name
    public static let summary = "Reminds customers of overdue invoices"
    public static let version = "1.0.0"                  // optional; in every run record ("unversioned" if absent)

    // The script's own options (swift-argument-parser).
    @Option(help: "Days overdue") var days = 30
    @Flag(help: "Include credit notes") var creditNotes = false

    // Optional: a JSON Schema for the script's own section `scripts.overdue-invoices`.
    public static let configSchema: String? = """
        {"type": "object", "additionalProperties": false,
         "properties": {"sender": {"type": "string", "format": "email", "default": "billing@example.com"}}}
        """

    public init() {}

    public func run(_ context: ScriptContext) async throws {
        let sender = try context.config.require(String.self, "scripts", Self.name, "sender")
        context.logger.info("Reminding customers \(days) days overdue, from \(sender)")
    }
}
// docs: end
