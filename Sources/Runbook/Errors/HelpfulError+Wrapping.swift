/// Turning any error into the `HelpfulError` the user sees.
extension HelpfulError {
    /// The `HelpfulError` for any error: its own form when it is (or converts to) one, exit 130
    /// for cancellation, and a wrapped "unexpected error" otherwise, so errors from other
    /// libraries are never shown raw.
    public static func wrapping(_ error: any Error) -> HelpfulError {
        switch error {
        case let helpful as HelpfulError:
            return helpful
        case let convertible as any HelpfulErrorConvertible:
            return convertible.helpfulError
        case is CancellationError:
            return HelpfulError(
                code: .runInterrupted,
                problem: "The run was interrupted",
                solution: "Run it again when ready; results recorded so far were saved",
                exitCode: .interrupted
            )
        default:
            let type = String(reflecting: Swift.type(of: error))
            return HelpfulError(
                code: .runUnexpectedError,
                problem: "Unexpected error (\(type)): \(String(describing: error))",
                solution: "The script did not expect this failure. Run again with --log-level debug and read the log "
                    + "file in logs/; if the cause is in the script, turn it into a HelpfulError there",
                example: "runbook run <script> <org> <env> --log-level debug",
                exitCode: .scriptFailed
            )
        }
    }
}
