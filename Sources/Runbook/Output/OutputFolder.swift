/// The project folders Runbook reads from and writes to (the anchor's `Dir` categories), each
/// created on demand under the project root.
public enum OutputFolder: String, Sendable, CaseIterable, Codable {
    /// `config/`: configuration and secrets files.
    case config
    /// `data/`: input files.
    case data
    /// `files/`: external files used as they are.
    case files
    /// `generated_payloads/`: machine-made payloads awaiting review.
    case generatedPayloads = "generated_payloads"
    /// `logs/`: one log file per run.
    case logs
    /// `output/`: reports and results files.
    case output
    /// `payloads/`: payloads ready to send.
    case payloads
    /// `schemas/`: JSON schemas.
    case schemas
    /// `tmp/`: temporary files.
    case tmp
    /// `wsdl/`: SOAP definitions.
    case wsdl
}
