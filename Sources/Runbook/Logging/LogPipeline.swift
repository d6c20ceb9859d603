import Foundation
import Logging

/// The shared part of every handler of a run: redact once, stamp the time, fan out to sinks.
final class LogPipeline: Sendable {
    let redactor: Redactor
    let clock: any RunbookClock
    let sinks: [any LogSink]

    init(redactor: Redactor, clock: any RunbookClock, sinks: [any LogSink]) {
        self.redactor = redactor
        self.clock = clock
        self.sinks = sinks
    }

    func emit(level: Logger.Level, label: String, message: String, error: (any Error)?, metadata: Logger.Metadata) {
        guard sinks.contains(where: { $0.minimumLevel <= level }) else { return }
        var metadata = metadata
        let verbatim = metadata.removeValue(forKey: RunLogging.verbatimMetadataKey) != nil
        let text = verbatim ? redactor.redactSecrets(message) : redactor.redact(message)
        var pairs: [(key: String, value: String)] = metadata.sorted { $0.key < $1.key }.map { key, value in
            (key, redactor.redact(value.description))
        }
        if let error {
            let description: String
            if let helpful = error as? any HelpfulErrorConvertible {
                description = redactor.redact(helpful.helpfulError.problem)
            } else {
                description = redactor.redact(String(describing: error))
            }
            pairs.append(("error", description))
        }
        let record = LogRecord(date: clock.now(), level: level, label: redactor.redactSecrets(label),
                               message: text, metadata: pairs)
        for sink in sinks where sink.minimumLevel <= level {
            sink.write(record)
        }
    }
}
