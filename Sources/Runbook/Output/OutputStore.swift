public import Foundation
public import Logging

/// Reads and writes the project's files in its fixed folders (`OutputFolder`), atomically,
/// with safe names and optional UTC timestamps. A script reaches it from its context; the run's
/// store adds the run's short id to every timestamped name, so two runs never write the same file.
///
/// ```swift
/// let url = try store.saveJSON(report, to: .output, name: "report.json", timestamped: true)
/// // output/report_2025-01-25T143045Z_4c8e1f0a7b6d.json, written to a temp file then renamed
/// let customers = try store.loadCSV(from: .data, name: "customers.csv")
/// ```
public struct OutputStore: Sendable {
    /// The project root; folders are created under it on demand.
    public let root: URL
    /// The clock used for timestamped names.
    public let clock: any RunbookClock
    /// Where "Saved … to …" lines go (DEBUG), if anywhere.
    public let logger: Logger?
    /// The run whose files this store writes: its short id follows the timestamp in timestamped
    /// names. Nil for a store outside a run.
    public let runID: RunID?
    /// The run's redactor: a file that would hold one of its secret values (in any form) is
    /// refused with a `HelpfulError` naming the secret's key (see `SecretScreen`).
    public let redactor: Redactor?
    /// Where the files put in place are recorded for the run record (the run's store only).
    let fileLog: RunFileLog?
    /// The transaction this store stages its files in (the store `transaction` hands to its block).
    let transaction: OutputTransaction?
    /// Called at every step of a transaction's commit (crash tests kill the process there).
    package let transactionStepHook: (@Sendable (String) -> Void)?
    /// A subfolder of `output/` that stands in for `output/` (`acme-prod` for a target run by a fleet
    /// or in a Kubernetes pod: its outputs and run record go to `output/acme-prod/`); nil: `output/` itself.
    package var outputSubfolder: String?

    /// Creates a store under `root`.
    public init(root: URL, clock: any RunbookClock, logger: Logger? = nil, runID: RunID? = nil, redactor: Redactor? = nil) {
        self.init(root: root, clock: clock, logger: logger, runID: runID, redactor: redactor, recordsFiles: false)
    }

    /// Creates a store that, with `recordsFiles`, remembers every file it puts in place (path,
    /// size, SHA-256 computed while writing) for the run record.
    package init(
        root: URL, clock: any RunbookClock, logger: Logger? = nil, runID: RunID? = nil, redactor: Redactor? = nil,
        recordsFiles: Bool, transactionStepHook: (@Sendable (String) -> Void)? = nil
    ) {
        self.init(root: root, clock: clock, logger: logger, runID: runID, redactor: redactor,
                  fileLog: recordsFiles ? RunFileLog() : nil, transaction: nil, transactionStepHook: transactionStepHook)
    }

    init(root: URL, clock: any RunbookClock, logger: Logger?, runID: RunID?, redactor: Redactor?, fileLog: RunFileLog?,
         transaction: OutputTransaction?, transactionStepHook: (@Sendable (String) -> Void)?) {
        self.root = root
        self.clock = clock
        self.logger = logger
        self.runID = runID
        self.redactor = redactor
        self.fileLog = fileLog
        self.transaction = transaction
        self.transactionStepHook = transactionStepHook
    }

    /// The files this store (and its transactions) put in place so far, for the run record.
    public var writtenFiles: [RunRecord.WrittenFile] { fileLog?.files ?? [] }

    /// The transactions this store ran so far, for the run record.
    public var transactions: [RunRecord.Transaction] { fileLog?.transactions ?? [] }

    /// The folder's URL, created if missing.
    public func folderURL(_ folder: OutputFolder) throws -> URL {
        let url = root.appendingPathComponent(folderPath(folder), isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotWrite(url, reason: "cannot create the folder")
        }
        return url
    }

    /// The folder's path relative to the root: `output/acme-prod` for `.output` under an
    /// ``outputSubfolder``, else the folder's name.
    package func folderPath(_ folder: OutputFolder) -> String {
        guard folder == .output, let outputSubfolder else { return folder.rawValue }
        return folder.rawValue + "/" + outputSubfolder
    }

    /// The URL of `name` inside `folder` (subfolders allowed and created). Refuses names that are
    /// empty, absolute, contain NUL, or have a `..`/`.`/empty component.
    public func url(_ folder: OutputFolder, _ name: String) throws -> URL {
        try Self.validate(name: name, folder: folder)
        var url = try folderURL(folder)
        let components = name.split(separator: "/").map(String.init)
        for component in components.dropLast() { url.appendPathComponent(component, isDirectory: true) }
        if components.count > 1 {
            try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        return url.appendingPathComponent(components.last!)
    }

    /// `name` with `_YYYY-MM-DDTHHMMSSZ` (and, in a run, `_<short run id>`) inserted before its last
    /// extension (`report.json` → `report_2025-01-25T143045Z_4c8e1f0a7b6d.json`; `notes` →
    /// `notes_2025-01-25T143045Z_4c8e1f0a7b6d`; outside a run `report_2025-01-25T143045Z.json`).
    public func timestampedName(_ name: String) -> String {
        let stamp = UTCTimestamp.fileName(clock.now()) + (runID.map { "_" + $0.short } ?? "")
        return Self.insertTimestamp(stamp, into: name)
    }

    static func insertTimestamp(_ stamp: String, into name: String) -> String {
        let slash = name.lastIndex(of: "/").map { name.index(after: $0) } ?? name.startIndex
        let base = name[slash...]
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return name + "_" + stamp }
        return String(name[..<dot]) + "_" + stamp + String(name[dot...])
    }

    static func validate(name: String, folder: OutputFolder) throws {
        if name.isEmpty { throw OutputError.unsafeName(name, folder: folder, why: "is empty") }
        if name.contains("\u{0}") { throw OutputError.unsafeName(name, folder: folder, why: "contains a NUL character") }
        if name.hasPrefix("/") || name.hasPrefix("~") {
            throw OutputError.unsafeName(name, folder: folder, why: "is an absolute path")
        }
        if name.contains("\\") { throw OutputError.unsafeName(name, folder: folder, why: "contains a backslash") }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) {
            if component == ".." { throw OutputError.unsafeName(name, folder: folder, why: "would leave its folder") }
            if component.isEmpty || component == "." {
                throw OutputError.unsafeName(name, folder: folder, why: "has an empty or '.' path component")
            }
        }
    }

    /// Resolves the destination (timestamped on request) and writes it atomically: `body` writes
    /// into a temporary file that replaces the destination only when `body` returns.
    @discardableResult
    public func writeAtomically(to folder: OutputFolder, name: String, timestamped: Bool = false,
                                _ body: (AtomicFileWriter) throws -> Void) throws -> URL {
        let (writer, finalName) = try startAtomicWrite(folder, name, timestamped: timestamped)
        do {
            try body(writer)
        } catch {
            writer.abort()
            throw error
        }
        return try finishAtomicWrite(writer, folder, finalName)
    }

    /// The async form of `writeAtomically`, for bodies that await (rows from an `AsyncSequence`).
    @discardableResult
    public func writeAtomically(to folder: OutputFolder, name: String, timestamped: Bool = false,
                                _ body: (AtomicFileWriter) async throws -> Void) async throws -> URL {
        let (writer, finalName) = try startAtomicWrite(folder, name, timestamped: timestamped)
        do {
            try await body(writer)
        } catch {
            writer.abort()
            throw error
        }
        return try finishAtomicWrite(writer, folder, finalName)
    }

    /// The writer for a destination (timestamped on request), and the file name it will have.
    private func startAtomicWrite(_ folder: OutputFolder, _ name: String, timestamped: Bool) throws -> (AtomicFileWriter, String) {
        let finalName = timestamped ? timestampedName(name) : name
        let hashing = fileLog != nil || transaction != nil
        let writer = try AtomicFileWriter(destination: try url(folder, finalName), hashing: hashing)
        writer.screen = redactor?.screen(for: "\(folder.rawValue)/\(finalName)")
        return (writer, finalName)
    }

    /// Moves the finished file into place (the temporary file is removed if that fails) and logs it;
    /// in a transaction, only stages it (flushed to disk, renamed when the transaction commits).
    private func finishAtomicWrite(_ writer: AtomicFileWriter, _ folder: OutputFolder, _ finalName: String) throws -> URL {
        let path = folderPath(folder) + "/" + finalName
        do {
            if transaction != nil { try writer.stage() } else { try writer.commit() }
        } catch {
            writer.abort()
            throw error
        }
        let file = RunRecord.WrittenFile(path: path, bytes: writer.position, sha256: writer.sha256 ?? "")
        if let transaction {
            transaction.stage(file, temporaryPath: writer.temporaryPath, destination: writer.destination)
            logger?.debug("Staged \(path) (\(Self.formatSize(writer.position))) in transaction \(transaction.id)")
            transactionStepHook?("staged \(path)")
            return writer.destination
        }
        fileLog?.add(file)
        logger?.debug("Saved \(path) (\(Self.formatSize(writer.position)))")
        return writer.destination
    }

    /// Reads a whole file.
    public func loadData(from folder: OutputFolder, name: String) throws -> Data {
        let url = try url(folder, name)
        do {
            return try Data(contentsOf: url)
        } catch {
            let missing = !FileManager.default.fileExists(atPath: url.path)
            throw OutputError.cannotRead(url, reason: missing ? "no such file" : "\(error.localizedDescription)")
        }
    }

    /// `71 B`, `4.10 KB`, `1.20 MB`.
    static func formatSize(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1024
        var index = 0
        while value >= 1024, index < units.count - 1 { value /= 1024; index += 1 }
        return String(format: "%.2f %@", value, units[index])
    }
}
