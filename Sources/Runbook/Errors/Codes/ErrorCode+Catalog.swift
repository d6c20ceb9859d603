// How to add an error code
// ------------------------
// 1. Reuse an existing code when the new error means the same thing as an existing one (a code
//    names a kind of error, not a call site). Otherwise pick the area (the file
//    ErrorCode+<Area>.swift; a new area also goes into `ErrorCode.Area.all`), take the code its
//    first line names as "Next free", and raise that line by one. Never renumber a code and never
//    reuse a number, not even one of a removed code: users search for codes in old logs and records.
// 2. Declare it there as `static let <name> = ErrorCode(.<area>, <number>, meaning: …, fix: …)`:
//    `meaning` is one line saying what went wrong; `fix` says what to do, in general.
// 3. Add it to `ErrorCode.all` below, in identifier order (`ErrorCodeCatalogTests` checks the
//    order, that no code is declared twice or missing from the list, that each is used, and that
//    every "Next free" is above the codes of its area).
// 4. Pass it to the error: `HelpfulError(code: .<name>, problem: …, solution: …)`
//    (`ErrorCodeCoverageTests` fails for any `HelpfulError(` in Sources/ without a `code:`).
// 5. Regenerate the reference: `swift run runbook docs errors > docs/errors.md`
//    (`ErrorCodeReferenceTests` compares it with the committed file byte for byte).

extension ErrorCode.Area {
    /// `CFG`: configuration files, keys and values.
    public static let configuration = ErrorCode.Area("CFG", title: "Configuration")
    /// `SEC`: secrets.
    public static let secrets = ErrorCode.Area("SEC", title: "Secrets")
    /// `USG`: the command line.
    public static let usage = ErrorCode.Area("USG", title: "Usage (command line)")
    /// `HTTP`: calls to an API.
    public static let http = ErrorCode.Area("HTTP", title: "HTTP calls")
    /// `OUT`: output files.
    public static let output = ErrorCode.Area("OUT", title: "Output files")
    /// `SCH`: JSON Schemas and `runbook validate --schema`.
    public static let schema = ErrorCode.Area("SCH", title: "Schemas")
    /// `RUN`: the run itself (logging, services, interruption, unexpected errors).
    public static let run = ErrorCode.Area("RUN", title: "Run pipeline")
    /// `SCR`: errors a script raises itself.
    public static let script = ErrorCode.Area("SCR", title: "Script errors")
    /// `TST`: the test harness (RunbookTesting).
    public static let testing = ErrorCode.Area("TST", title: "Test harness")
    /// `FLT`: fleets.
    public static let fleet = ErrorCode.Area("FLT", title: "Fleets")
    /// `KUBE`: Kubernetes manifests and pods.
    public static let kubernetes = ErrorCode.Area("KUBE", title: "Kubernetes")

    /// Every area Runbook uses, in the order of `docs/errors.md`.
    public static let all: [ErrorCode.Area] = [
        .configuration, .secrets, .usage, .http, .output, .schema, .run, .fleet, .kubernetes, .script, .testing,
    ]
}

extension ErrorCode {
    /// Every code Runbook raises, in identifier order: the source of `docs/errors.md`.
    public static let all: [ErrorCode] = [
        // CFG
        .configFileMissing, .configFileAmbiguous, .configFileEmpty, .configFileNotText, .configFileWithoutDocument,
        .configFileTooLarge, .configFileUnreadable, .configSyntax, .configNotMapping, .configSchemaViolation,
        .configKeyMissing, .configKeyMisspelled, .configWrongType, .configSectionUndecodable,
        .configEnvironmentVariableName, .configEnvironmentVariableTarget, .configInvalidURL, .configOAuthIncomplete,
        .configAPISectionMissing, .configRedactionPatterns, .configInvalidIdentifier, .configLayerAmbiguous,
        // FLT
        .fleetTargetsInvalid, .fleetTargetsWithoutConfiguration, .fleetTargetsUnreadable, .fleetNoConfigurations,
        .fleetNothingToRerun, .fleetRecordOfAnotherScript, .fleetStillRunning, .fleetRecordUnreadable, .fleetRecordInvalid,
        .fleetCollectNotAFolder, .fleetCollectNoRecords, .fleetCollectSeveralScripts, .fleetTargetWithoutRecord,
        .fleetTargetKilled, .fleetTargetNotStarted, .fleetTargetTimedOut,
        // HTTP
        .httpBadRequest, .httpUnauthorized, .httpForbidden, .httpNotFound, .httpConflict, .httpPreconditionFailed,
        .httpUnprocessable, .httpThrottled, .httpServerError, .httpOtherStatus, .httpTransport, .httpTimeout,
        .httpDeadlineExceeded, .httpAsyncTimeout, .httpInvalidResponse, .httpInvalidURL, .httpCircuitOpen,
        .httpTokenRequestFailed, .httpResponseTooLarge, .httpUndecodableBody, .httpRedirectRefused,
        .httpProxyVariableInvalid, .httpNetworkSettingInvalid,
        // KUBE
        .kubeSetting, .kubeManifestMissing, .kubeManifestInvalid, .kubeCannotStart, .kubeTargetIndexOutOfRange,
        .kubeTargetIndexMissing, .kubeTargetIndexInvalid,
        // OUT
        .outputCannotWrite, .outputCannotRead, .outputUnsafeName, .outputInvalidContent, .outputUnencodable,
        .outputCompressionLevel, .outputWrongFormat, .outputSheetName, .outputInvalidDecimal, .outputTooManyRows,
        .outputEmptyWorkbook, .outputDelimiter,
        // RUN
        .runInterrupted, .runUnexpectedError, .runLoggingUnavailable, .runServiceCycle, .runServiceMissing,
        .runLocked, .runLockUnavailable, .runSharedRateLimitUnavailable,
        // SCH
        .schemaMissing, .schemaInvalid, .schemaInfinitelyRecursive,
        // SCR
        .scriptRaised,
        // SEC
        .secretMissing, .secretsFileNotMapping, .secretNested, .secretInOutput, .secretFileMissing,
        .secretFileIsFolder, .secretFileTooLarge, .secretFileNotText, .secretFileUnreadable, .secretsFolderMissing,
        .secretFileName, .secretFileVariableEmpty, .secretProxyPasswordMissing, .secretClientKeyMissing,
        .secretClientKeyNotPEM,
        // TST
        .harnessWithoutProject, .harnessUnroutedRequests,
        // USG
        .usageCommandLine, .usageUnknownScript, .usageMissingArgument, .usageScriptOptions, .usageHistoryFilter,
        .usageNotAPackage, .usageInvalidScriptName, .usageScriptExists, .usageRegistryOption,
        .usageRunIdAmbiguous, .usageRunIdUnknown,
    ]
}
