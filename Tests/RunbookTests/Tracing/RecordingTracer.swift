import Foundation
import Synchronization
import Tracing

/// An in-memory tracer for the tests: W3C ids, spans kept when they end, `traceparent` injected.
final class RecordingTracer: Tracer {
    struct SpanIDs: Sendable, Equatable {
        var traceID: String
        var spanID: String
    }

    enum SpanIDsKey: InstrumentationContextKey {
        typealias Value = SpanIDs
    }

    private let ended = Mutex<[RecordedSpan]>([])

    /// Spans that ended, in the order they ended.
    var finishedSpans: [RecordedSpan] { ended.withLock { $0 } }

    func startSpan<Instant: TracerInstant>(
        _ operationName: String, context: @autoclosure () -> InstrumentationContext, ofKind kind: SpanKind,
        at instant: @autoclosure () -> Instant, function: String, file fileID: String, line: UInt
    ) -> RecordedSpan {
        var child = context()
        let parent = child[SpanIDsKey.self]
        let ids = SpanIDs(traceID: parent?.traceID ?? Self.hex(16), spanID: Self.hex(8))
        child[SpanIDsKey.self] = ids
        return RecordedSpan(operationName: operationName, kind: kind, context: child, ids: ids,
                            parentSpanID: parent?.spanID, tracer: self)
    }

    func forceFlush() {}

    func inject<Carrier, Inject>(_ context: InstrumentationContext, into carrier: inout Carrier, using injector: Inject)
    where Inject: Injector, Carrier == Inject.Carrier {
        guard let ids = context[SpanIDsKey.self] else { return }
        injector.inject("00-\(ids.traceID)-\(ids.spanID)-01", forKey: "traceparent", into: &carrier)
    }

    func extract<Carrier, Extract>(_ carrier: Carrier, into context: inout InstrumentationContext, using extractor: Extract)
    where Extract: Extractor, Carrier == Extract.Carrier {}

    func finished(_ span: RecordedSpan) {
        ended.withLock { $0.append(span) }
    }

    static func hex(_ bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}

/// A span of the ``RecordingTracer``.
final class RecordedSpan: Span {
    private struct State {
        var operationName: String
        var attributes: SpanAttributes = [:]
        var status: SpanStatus?
        var errors: [String] = []
    }

    let kind: SpanKind
    let context: InstrumentationContext
    let ids: RecordingTracer.SpanIDs
    let parentSpanID: String?
    private let tracer: RecordingTracer
    private let state: Mutex<State>

    init(operationName: String, kind: SpanKind, context: InstrumentationContext, ids: RecordingTracer.SpanIDs,
         parentSpanID: String?, tracer: RecordingTracer) {
        self.kind = kind
        self.context = context
        self.ids = ids
        self.parentSpanID = parentSpanID
        self.tracer = tracer
        state = Mutex(State(operationName: operationName))
    }

    var operationName: String {
        get { state.withLock { $0.operationName } }
        set { state.withLock { $0.operationName = newValue } }
    }

    var attributes: SpanAttributes {
        get { state.withLock { $0.attributes } }
        set { state.withLock { $0.attributes = newValue } }
    }

    var status: SpanStatus? { state.withLock { $0.status } }
    var errors: [String] { state.withLock { $0.errors } }
    var isRecording: Bool { true }

    func setStatus(_ status: SpanStatus) { state.withLock { $0.status = status } }
    func addEvent(_ event: SpanEvent) {}
    func addLink(_ link: SpanLink) {}

    func recordError<Instant: TracerInstant>(_ error: any Error, attributes: SpanAttributes, at instant: @autoclosure () -> Instant) {
        state.withLock { $0.errors.append("\(error)") }
    }

    func end<Instant: TracerInstant>(at instant: @autoclosure () -> Instant) {
        tracer.finished(self)
    }

    /// A string attribute.
    func string(_ key: String) -> String? {
        if case .string(let value) = attributes.get(key) { return value }
        return nil
    }

    /// An integer attribute.
    func int(_ key: String) -> Int64? {
        if case .int64(let value) = attributes.get(key) { return value }
        return nil
    }
}
