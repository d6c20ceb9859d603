import Foundation
import Runbook

/// Brings one customer in line with its CSV row: read by key, then create, change the fields
/// that differ (with the ETag it read), or leave it alone.
struct CustomerUpsert: Sendable {
    /// What happened to a row.
    enum Action: String, Sendable {
        case created, updated, unchanged, failed
        case wouldCreate = "would-create"
        case wouldUpdate = "would-update"
    }

    /// An action and its detail for the report.
    struct Outcome: Sendable {
        var action: Action
        var detail: String

        func record(in results: ProcessingResults, identifier: String) {
            switch action {
            case .created: results.created(identifier)
            case .updated: results.updated(identifier)
            case .failed: results.failed(identifier, reason: detail)
            case .unchanged, .wouldCreate, .wouldUpdate: results.skipped(identifier, reason: detail)
            }
        }
    }

    let api: RestClient
    let entityPath: String
    let keyField: String
    let isDryRun: Bool

    func apply(_ record: CustomerRecord) async throws -> Outcome {
        let path = "\(entityPath)(\(Self.encodeKey(record.key)))"
        let current: RestResponse?
        do {
            current = try await api.get(path)
        } catch let error as HTTPRequestError where error.kind == .status && error.status == 404 {
            current = nil
        }
        guard let current else {
            if isDryRun { return Outcome(action: .wouldCreate, detail: "dry run: would create") }
            _ = try await api.send(OrderedFields([(keyField, record.key)] + record.fields).request(.post, entityPath))
            return Outcome(action: .created, detail: "created")
        }
        let existing = try current.decode(TextFields.self).values
        let changes = record.fields.filter { existing[$0.name] != $0.value }
        guard !changes.isEmpty else { return Outcome(action: .unchanged, detail: "unchanged") }
        let names = changes.map(\.name).joined(separator: ", ")
        guard let etag = current.etag ?? existing["@odata.etag"] else {
            return Outcome(action: .failed, detail: "GET \(path) returned no ETag, so it cannot be changed safely")
        }
        if isDryRun { return Outcome(action: .wouldUpdate, detail: "dry run: would change \(names)") }
        var patch = OrderedFields(changes).request(.patch, path)
        patch.ifMatch = etag
        _ = try await api.send(patch)
        return Outcome(action: .updated, detail: "changed \(names)")
    }

    /// The key as a path segment: RFC 3986 unreserved characters as they are, the rest percent-encoded.
    static func encodeKey(_ key: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key
    }
}

/// A JSON object's scalar members as text (numbers and booleans as written, null and nested values left out).
struct TextFields: Decodable {
    let values: [String: String]

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        var values: [String: String] = [:]
        for key in container.allKeys {
            if let text = try? container.decode(String.self, forKey: key) {
                values[key.stringValue] = text
            } else if let flag = try? container.decode(Bool.self, forKey: key) {
                values[key.stringValue] = String(flag)
            } else if let number = try? container.decode(Decimal.self, forKey: key) {
                values[key.stringValue] = "\(number)"
            }
        }
        self.values = values
    }
}

/// A JSON object of text fields in the given order, so request bodies read like the CSV
/// (`JSONEncoder` does not keep the order of keys).
struct OrderedFields: Sendable {
    let fields: [(name: String, value: String)]

    init(_ fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    /// `{"number":"C003","displayName":"Litware Inc."}`.
    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        func quoted(_ text: String) -> String {
            (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        }
        return Data(("{" + fields.map { quoted($0.name) + ":" + quoted($0.value) }.joined(separator: ",") + "}").utf8)
    }

    /// A request sending these fields as its JSON body.
    func request(_ method: HTTPRequest.Method, _ path: String) -> RestRequest {
        RestRequest(method: method, path: path, headerFields: [.contentType: "application/json"], body: json)
    }
}
