import Foundation
import Runbook

/// One record: an item and its new unit price (or why the CSV line is unusable).
struct PriceUpdate: Sendable, Equatable {
    var number: String
    var unitPrice: Decimal
    var problem: String?

    /// `ITEM-0001` … `ITEM-<count>` with prices from 5.00 to 94.99, the same on every run.
    static func generate(count: Int) -> [PriceUpdate] {
        (1...max(count, 1)).prefix(count).map { index in
            let digits = String(index)
            let number = "ITEM-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            return PriceUpdate(number: number, unitPrice: Decimal(500 + (index * 53) % 9_000) / 100)
        }
    }

    /// Reads `number,unitPrice` rows; a row without a number or with a price that is not a
    /// number ≥ 0 becomes a record with a problem (a failed result).
    static func load(_ rows: [[String]], name: String) throws -> [PriceUpdate] {
        guard let header = rows.first, let numberIndex = header.firstIndex(of: "number"),
              let priceIndex = header.firstIndex(of: "unitPrice")
        else {
            throw HelpfulError(
                problem: "\(name) needs the columns 'number' and 'unitPrice'",
                solution: "Give the CSV a header line naming both columns",
                example: "number,unitPrice\nITEM-0001,12.50", location: .file(name, line: 1, column: 1))
        }
        return rows.dropFirst().enumerated().compactMap { offset, row in
            guard !(row.count == 1 && row[0].isEmpty) else { return nil }
            let line = offset + 2
            let number = numberIndex < row.count ? row[numberIndex] : ""
            let text = priceIndex < row.count ? row[priceIndex] : ""
            guard !number.isEmpty else { return PriceUpdate(number: "line-\(line)", unitPrice: 0, problem: "line \(line) has no number") }
            guard let price = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), price >= 0,
                  text.allSatisfy({ $0.isNumber || $0 == "." })
            else {
                return PriceUpdate(number: number, unitPrice: 0, problem: "line \(line): unitPrice '\(text)' is not a number ≥ 0")
            }
            return PriceUpdate(number: number, unitPrice: price)
        }
    }
}

/// Applies one price update and records its result; only an open circuit breaker (or
/// cancellation) escapes as an error.
struct PriceUpdateWorker: Sendable {
    let api: RestClient
    let entityPath: String
    let isDryRun: Bool
    let results: ProcessingResults

    private struct Body: Encodable, Sendable {
        let unitPrice: Decimal
    }

    func apply(_ record: PriceUpdate) async throws {
        let identifier = "\(entityPath)/\(record.number)"
        if let problem = record.problem {
            results.failed(identifier, reason: problem)
            return
        }
        if isDryRun {
            results.skipped(identifier, reason: "dry run: would set unitPrice \(record.unitPrice)")
            return
        }
        let key = Self.encodeKey(record.number)
        do {
            try await api.patch(
                "\(entityPath)(\(key))", json: Body(unitPrice: record.unitPrice),
                idempotencyKey: "bulk-update-\(key)-\(record.unitPrice)")
            results.updated(identifier)
        } catch let error as HTTPRequestError {
            results.failed(identifier, reason: error.helpfulError.problem)
        }
    }

    /// RFC 3986 unreserved characters as they are, the rest percent-encoded.
    static func encodeKey(_ key: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return key.addingPercentEncoding(withAllowedCharacters: allowed) ?? key
    }
}
