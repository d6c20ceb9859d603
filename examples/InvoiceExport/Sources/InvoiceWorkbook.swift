import Foundation
import Runbook

/// The two sheets of the export: `Summary` (per customer, sorted by customer number, then a
/// `Total` line) and `Details` (per invoice, in the order the API returned them).
struct InvoiceWorkbook {
    static let summaryHeader = ["Customer", "Customer name", "Invoices", "Excl. tax", "Incl. tax", "Open (incl. tax)"]
    static let detailsHeader = [
        "Invoice", "Customer", "Customer name", "Invoice date", "Due date", "Status", "Currency", "Excl. tax", "Tax",
        "Incl. tax",
    ]

    private struct Totals {
        var name = ""
        var count = 0
        var excluding: Decimal = 0
        var including: Decimal = 0
        var open: Decimal = 0

        mutating func add(_ invoice: Invoice) {
            count += 1
            excluding += invoice.amountExcludingTax
            including += invoice.amountIncludingTax
            if invoice.isOpen { open += invoice.amountIncludingTax }
        }

        func row(_ first: String, _ second: String) -> [TableCell] {
            [.text(first), .text(second), .integer(Int64(count)), InvoiceWorkbook.money(excluding),
             InvoiceWorkbook.money(including), InvoiceWorkbook.money(open)]
        }
    }

    let invoices: [Invoice]

    /// The number of distinct customers.
    var customerCount: Int { Set(invoices.map(\.customerNumber)).count }

    var summaryRows: [[TableCell]] {
        var perCustomer: [String: Totals] = [:]
        var total = Totals()
        for invoice in invoices {
            perCustomer[invoice.customerNumber, default: Totals(name: invoice.customerName)].add(invoice)
            total.add(invoice)
        }
        return perCustomer.keys.sorted().map { key in perCustomer[key]!.row(key, perCustomer[key]!.name) }
            + [total.row("Total", "")]
    }

    var detailRows: [[TableCell]] {
        invoices.map { invoice in
            [.text(invoice.number), .text(invoice.customerNumber), .text(invoice.customerName),
             .text(invoice.invoiceDate), .text(invoice.dueDate), .text(invoice.status), .text(invoice.currencyCode),
             Self.money(invoice.amountExcludingTax), Self.money(invoice.taxAmount), Self.money(invoice.amountIncludingTax)]
        }
    }

    var sheets: [XLSXSheet] {
        [XLSXSheet(name: "Summary", header: Self.summaryHeader, rows: summaryRows),
         XLSXSheet(name: "Details", header: Self.detailsHeader, rows: detailRows)]
    }

    /// A money cell: the exact decimal rounded to cents (`12967.20`), a number in the workbook.
    static func money(_ value: Decimal) -> TableCell {
        .decimal(DecimalNumber(value, scale: 2))
    }
}
