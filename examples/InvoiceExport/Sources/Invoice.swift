import Foundation

/// A complete invoice, ready for the workbook.
struct Invoice: Sendable, Equatable {
    var number: String
    var customerNumber: String
    var customerName: String
    var invoiceDate: String
    var dueDate: String
    var status: String
    var currencyCode: String
    var amountExcludingTax: Decimal
    var taxAmount: Decimal
    var amountIncludingTax: Decimal

    /// Whether the invoice still has to be paid.
    var isOpen: Bool { status.lowercased() != "paid" }
}

/// An invoice as the API returned it: every member optional, so one incomplete invoice is a
/// failed result rather than a failed page.
struct RawInvoice: Decodable, Sendable {
    var number: String?
    var customerNumber: String?
    var customerName: String?
    var invoiceDate: String?
    var dueDate: String?
    var status: String?
    var currencyCode: String?
    var totalAmountExcludingTax: Decimal?
    var totalTaxAmount: Decimal?
    var totalAmountIncludingTax: Decimal?
    var id: String?

    /// Why an invoice cannot be exported.
    struct Problem: Error, Sendable {
        let text: String
    }

    enum CodingKeys: String, CodingKey {
        case number, customerNumber, customerName, invoiceDate, dueDate, status, currencyCode
        case totalAmountExcludingTax, totalTaxAmount, totalAmountIncludingTax, id
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) -> String? { (try? c.decodeIfPresent(String.self, forKey: key)) ?? nil }
        func amount(_ key: CodingKeys) -> Decimal? { (try? c.decodeIfPresent(Decimal.self, forKey: key)) ?? nil }
        number = text(.number)
        customerNumber = text(.customerNumber)
        customerName = text(.customerName)
        invoiceDate = text(.invoiceDate)
        dueDate = text(.dueDate)
        status = text(.status)
        currencyCode = text(.currencyCode)
        totalAmountExcludingTax = amount(.totalAmountExcludingTax)
        totalTaxAmount = amount(.totalTaxAmount)
        totalAmountIncludingTax = amount(.totalAmountIncludingTax)
        id = text(.id)
    }

    /// The invoice's number, else its id, else `unknown`.
    var identifier: String { number ?? id ?? "unknown" }

    /// The complete invoice, or what is missing.
    func validated() -> Result<Invoice, Problem> {
        let missing = [
            number == nil ? "number" : nil, customerNumber == nil ? "customerNumber" : nil,
            totalAmountIncludingTax == nil ? "totalAmountIncludingTax (a number)" : nil,
        ].compactMap { $0 }
        guard missing.isEmpty, let number, let customerNumber, let total = totalAmountIncludingTax else {
            return .failure(Problem(text: "invoice \(identifier) has no \(missing.joined(separator: ", "))"))
        }
        let tax = totalTaxAmount ?? 0
        return .success(Invoice(
            number: number, customerNumber: customerNumber, customerName: customerName ?? "",
            invoiceDate: invoiceDate ?? "", dueDate: dueDate ?? "", status: status ?? "",
            currencyCode: currencyCode ?? "", amountExcludingTax: totalAmountExcludingTax ?? total - tax,
            taxAmount: tax, amountIncludingTax: total))
    }
}
