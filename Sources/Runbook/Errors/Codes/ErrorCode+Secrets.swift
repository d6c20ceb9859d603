/// `RB-SEC-…`: secrets. Next free: RB-SEC-016.
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
    /// RB-SEC-005: A secret file does not exist.
    public static let secretFileMissing = ErrorCode(
        .secrets, 5, meaning: "A secret file does not exist",
        fix: "Create it (one secret per file, its content is the value), or fix the path")
    /// RB-SEC-006: A secret file is a folder.
    public static let secretFileIsFolder = ErrorCode(
        .secrets, 6, meaning: "A secret file is a folder",
        fix: "Point at a file whose content is the value")
    /// RB-SEC-007: A secret file is larger than the limit.
    public static let secretFileTooLarge = ErrorCode(
        .secrets, 7, meaning: "A secret file is larger than the limit",
        fix: "A secret file holds one value: check that the path names the right file")
    /// RB-SEC-008: A secret file is not UTF-8 text.
    public static let secretFileNotText = ErrorCode(
        .secrets, 8, meaning: "A secret file is not UTF-8 text",
        fix: "Store the value as text (base64 for binary values)")
    /// RB-SEC-009: A secret file or the secrets folder cannot be read.
    public static let secretFileUnreadable = ErrorCode(
        .secrets, 9, meaning: "A secret file or the secrets folder cannot be read",
        fix: "Check that it exists and that the user running Runbook may read it")
    /// RB-SEC-010: The secrets folder does not exist or is not a folder.
    public static let secretsFolderMissing = ErrorCode(
        .secrets, 10, meaning: "The secrets folder (`--secrets-dir`, `RUNBOOK_SECRETS_DIR`) does not exist or is not a folder",
        fix: "Point it at the folder holding one folder per org/env, each with one file per secret, or unset it")
    /// RB-SEC-011: A file in the secrets folder is not named like a secret key.
    public static let secretFileName = ErrorCode(
        .secrets, 11, meaning: "A file in the secrets folder is not named like a secret key",
        fix: "Name each file after its key: lower-case letters, digits, '-' and '_'")
    /// RB-SEC-012: A `RUNBOOK_SECRET_<KEY>_FILE` variable is empty.
    public static let secretFileVariableEmpty = ErrorCode(
        .secrets, 12, meaning: "A `RUNBOOK_SECRET_<KEY>_FILE` variable is empty",
        fix: "Set it to the path of the file holding the secret, or unset it")
    /// RB-SEC-013: The proxy has a user but its password secret is missing.
    public static let secretProxyPasswordMissing = ErrorCode(
        .secrets, 13, meaning: "A proxy has a user but the secret with its password is missing",
        fix: "Add the password to the secrets as `proxy-password` (or the name in `proxy.password-secret`)")
    /// RB-SEC-014: A client certificate is configured but its private key secret is missing.
    public static let secretClientKeyMissing = ErrorCode(
        .secrets, 14, meaning: "A client certificate is configured but the secret with its private key is missing",
        fix: "Add the key's PEM text to the secrets as `tls-client-key` (or the name in `tls.client-key-secret`)")
    /// RB-SEC-015: The client key secret is not an unencrypted PEM private key.
    public static let secretClientKeyNotPEM = ErrorCode(
        .secrets, 15, meaning: "The client certificate's key secret is not an unencrypted PEM private key",
        fix: "Store the key as PEM text without a passphrase (`openssl pkey -in encrypted.key -out key.pem`)")
}
