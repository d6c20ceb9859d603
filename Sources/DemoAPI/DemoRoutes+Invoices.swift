import Foundation
import LoopbackHTTPServer

extension DemoRoutes {
    /// `GET invoices` (paged, `$filter` on any text field).
    func installInvoices() {
        let store = store
        resource("GET", "invoices") { request in
            switch Self.query(request) {
            case .failure(let error):
                return DemoJSON.error(400, "BadRequest", error.message)
            case .success(let query):
                var invoices = store.invoices
                if let filter = query.filter {
                    guard Self.invoiceFields.contains(filter.field) else {
                        return DemoJSON.error(400, "BadRequest", "Invoices cannot be filtered on '\(filter.field)'")
                    }
                    invoices = invoices.filter { Self.field(filter.field, of: $0) == filter.value }
                }
                return page(invoices.map(\.json), query: query, request: request)
            }
        }
    }

    static let invoiceFields: Set<String> = ["number", "customerNumber", "customerName", "status", "invoiceDate", "dueDate"]

    static func field(_ name: String, of invoice: DemoInvoice) -> String? {
        switch name {
        case "number": invoice.number
        case "customerNumber": invoice.customerNumber
        case "customerName": invoice.customerName
        case "status": invoice.status
        case "invoiceDate": invoice.invoiceDate
        case "dueDate": invoice.dueDate
        default: nil
        }
    }
}
