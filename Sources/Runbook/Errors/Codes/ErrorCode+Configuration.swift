/// `RB-CFG-…`: configuration files, keys and values. Next free: RB-CFG-023.
extension ErrorCode {
    /// RB-CFG-001: There is no configuration file for the org/env.
    public static let configFileMissing = ErrorCode(
        .configuration, 1, meaning: "There is no configuration file for the org/env",
        fix: "Create `config/{org}-{env}-config.yaml` (or .yml, .json), e.g. by copying an existing one, or check the org and env spelling")
    /// RB-CFG-002: More than one file holds the same configuration (e.g. .yaml and .json).
    public static let configFileAmbiguous = ErrorCode(
        .configuration, 2, meaning: "More than one file holds the same configuration (e.g. .yaml and .json)",
        fix: "Keep exactly one of the files and delete or rename the others")
    /// RB-CFG-003: A configuration file is empty.
    public static let configFileEmpty = ErrorCode(
        .configuration, 3, meaning: "A configuration file is empty",
        fix: "Fill it in (copy a working configuration and adapt it), or delete it")
    /// RB-CFG-004: A configuration file is not a text file (it contains a NUL byte).
    public static let configFileNotText = ErrorCode(
        .configuration, 4, meaning: "A configuration file is not a text file (it contains a NUL byte)",
        fix: "Replace it with the real UTF-8 YAML or JSON document")
    /// RB-CFG-005: A configuration file holds only comments or null.
    public static let configFileWithoutDocument = ErrorCode(
        .configuration, 5, meaning: "A configuration file holds only comments or null",
        fix: "Write the configuration as a mapping of sections")
    /// RB-CFG-006: A configuration file is larger than the limit.
    public static let configFileTooLarge = ErrorCode(
        .configuration, 6, meaning: "A configuration file is larger than the limit",
        fix: "Keep settings in configuration files and move bulk data into `data/`")
    /// RB-CFG-007: A configuration file cannot be read.
    public static let configFileUnreadable = ErrorCode(
        .configuration, 7, meaning: "A configuration file cannot be read",
        fix: "Check that the file exists and is readable by the user running Runbook")
    /// RB-CFG-008: A configuration file is not valid YAML or JSON.
    public static let configSyntax = ErrorCode(
        .configuration, 8, meaning: "A configuration file is not valid YAML or JSON",
        fix: "Fix the syntax at the file:line:column shown")
    /// RB-CFG-009: A configuration document is not a mapping of sections.
    public static let configNotMapping = ErrorCode(
        .configuration, 9, meaning: "A configuration document is not a mapping of sections",
        fix: "Start the document with the `global` and `script-behavior` sections")
    /// RB-CFG-010: The configuration does not match its schema.
    public static let configSchemaViolation = ErrorCode(
        .configuration, 10, meaning: "The configuration does not match its schema",
        fix: "Fix every value listed (each with its file:line:column); `runbook validate <org> <env>` checks again")
    /// RB-CFG-011: A configuration key the script requires is missing.
    public static let configKeyMissing = ErrorCode(
        .configuration, 11, meaning: "A configuration key the script requires is missing",
        fix: "Add the key at the place shown, or make the script read it as optional")
    /// RB-CFG-012: A configuration key does not exist, but a similar one does.
    public static let configKeyMisspelled = ErrorCode(
        .configuration, 12, meaning: "A configuration key does not exist, but a similar one does",
        fix: "Fix the key name in the script or in the file (the error names the similar key)")
    /// RB-CFG-013: A configuration value has the wrong type.
    public static let configWrongType = ErrorCode(
        .configuration, 13, meaning: "A configuration value has the wrong type",
        fix: "Change the value at the file:line shown to the type named")
    /// RB-CFG-014: A configuration section cannot be decoded into the script's type.
    public static let configSectionUndecodable = ErrorCode(
        .configuration, 14, meaning: "A configuration section cannot be decoded into the script's type",
        fix: "Check the section's values against the schema and the type the script decodes")
    /// RB-CFG-015: A `RUNBOOK__…` environment variable does not name a configuration key.
    public static let configEnvironmentVariableName = ErrorCode(
        .configuration, 15, meaning: "A `RUNBOOK__…` environment variable does not name a configuration key",
        fix: "Separate the levels with double underscores: `RUNBOOK__<SECTION>__<KEY>`")
    /// RB-CFG-016: A `RUNBOOK__…` environment variable sets a key inside a value that is not a section.
    public static let configEnvironmentVariableTarget = ErrorCode(
        .configuration, 16, meaning: "A `RUNBOOK__…` environment variable sets a key inside a value that is not a section",
        fix: "Point the variable at a key inside a section, or unset it")
    /// RB-CFG-017: A URL in the configuration is not a usable http(s) URL.
    public static let configInvalidURL = ErrorCode(
        .configuration, 17, meaning: "A URL in the configuration is not a usable http(s) URL",
        fix: "Set it to an http(s) URL without credentials, e.g. `https://api.example.com/v2/`")
    /// RB-CFG-018: A token is required but the OAuth configuration is incomplete.
    public static let configOAuthIncomplete = ErrorCode(
        .configuration, 18, meaning: "A token is required but the OAuth configuration is incomplete",
        fix: "Add the missing OAuth settings and the client-secret, or an `az-token` secret")
    /// RB-CFG-019: The script asks for an API section that the configuration does not have.
    public static let configAPISectionMissing = ErrorCode(
        .configuration, 19, meaning: "The script asks for an API section that the configuration does not have",
        fix: "Add the `apis.<name>` section (with at least `api-base-url`), or use a configured name")
    /// RB-CFG-020: The redaction pattern file is invalid.
    public static let configRedactionPatterns = ErrorCode(
        .configuration, 20, meaning: "The redaction pattern file is invalid",
        fix: "Fix the entry shown, or delete the file to use the built-in patterns")
    /// RB-CFG-021: An org or env name is not a lower-case identifier.
    public static let configInvalidIdentifier = ErrorCode(
        .configuration, 21, meaning: "An org or env name is not a lower-case identifier",
        fix: "Use only a-z, 0-9, `-` and `_`, starting with a letter or digit (no dots, slashes or spaces)")
    /// RB-CFG-022: A configuration file is both an org/env file and another organisation's org layer.
    public static let configLayerAmbiguous = ErrorCode(
        .configuration, 22, meaning: "A configuration file is both an org/env file and the org layer of another organisation",
        fix: "Rename the organisation or the env: org and env names are joined with '-'")
}
