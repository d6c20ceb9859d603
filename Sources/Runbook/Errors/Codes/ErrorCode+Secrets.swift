/// `RB-SEC-…`: secrets. Next free: RB-SEC-005.
extension ErrorCode {
    /// RB-SEC-001: A secret the script requires is missing or empty.
    public static let secretMissing = ErrorCode(
        .secrets, 1, meaning: "A secret the script requires is missing or empty",
        fix: "Add it to `config/{org}-{env}-config-secrets.yaml`, or set `RUNBOOK_SECRET_<KEY>`")
    /// RB-SEC-002: The secrets file is not a flat mapping of names to values.
    public static let secretsFileNotMapping = ErrorCode(
        .secrets, 2, meaning: "The secrets file is not a flat mapping of names to values",
        fix: "Write one `name: value` pair per line")
    /// RB-SEC-003: A secret's value is a list or a section.
    public static let secretNested = ErrorCode(
        .secrets, 3, meaning: "A secret's value is a list or a section",
        fix: "Give each secret its own top-level key with a single value")
    /// RB-SEC-004: An output file would contain a secret, so Runbook refused to write it.
    public static let secretInOutput = ErrorCode(
        .secrets, 4, meaning: "An output file would contain a secret, so Runbook refused to write it",
        fix: "Leave the secret out of the data the script saves")
}
