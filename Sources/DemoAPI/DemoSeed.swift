/// How much data the demo API starts with. Everything is derived from the counts, so two servers
/// with the same seed serve identical data.
///
/// | data | key | default count |
/// |---|---|---|
/// | customers | `C001` … | 8 |
/// | invoices | `INV-1001` … | 120 (customers in turn, dates from 2025-01-02) |
/// | items | `ITEM-0001` … | 2000 |
public struct DemoSeed: Sendable, Equatable {
    /// Seeded customers (at most 8 distinct names; numbers continue past them).
    public var customers: Int
    /// Seeded invoices.
    public var invoices: Int
    /// Seeded items.
    public var items: Int

    /// Creates a seed.
    public init(customers: Int = 8, invoices: Int = 120, items: Int = 2000) {
        self.customers = max(0, customers)
        self.invoices = max(0, invoices)
        self.items = max(0, items)
    }

    static let companies: [(name: String, city: String, country: String)] = [
        ("Adatum Corporation", "Oslo", "NO"), ("Trey Research", "Stockholm", "SE"),
        ("School of Fine Art", "Copenhagen", "DK"), ("Alpine Ski House", "Innsbruck", "AT"),
        ("Relecloud", "Dublin", "IE"), ("Coho Winery", "Porto", "PT"),
        ("Fabrikam Inc.", "Lyon", "FR"), ("Northwind Traders", "Leeds", "GB"),
    ]

    /// `C001`, `C002`, …
    public static func customerNumber(_ index: Int) -> String {
        "C" + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index)
    }

    /// `ITEM-0001`, …
    public static func itemNumber(_ index: Int) -> String {
        "ITEM-" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
    }

    func makeState() -> DemoStore.State {
        var state = DemoStore.State()
        for index in 0..<customers {
            let company = Self.companies[index % Self.companies.count]
            let number = Self.customerNumber(index + 1)
            let slug = company.name.lowercased().filter { $0.isLetter }
            state.customers[number] = DemoCustomer(
                number: number, displayName: company.name, email: "billing@\(slug).example",
                city: company.city, country: company.country)
        }
        let statuses = ["Paid", "Open", "Paid", "Overdue", "Open"]
        for index in 0..<invoices {
            let customerIndex = customers == 0 ? 0 : index % customers
            let company = Self.companies[customerIndex % Self.companies.count]
            let amount = 10_000 + (index * 7_919) % 240_000
            state.invoices.append(DemoInvoice(
                number: "INV-\(1001 + index)", customerNumber: Self.customerNumber(customerIndex + 1),
                customerName: company.name, invoiceDate: Self.date(dayOfYear: 2 + index % 360),
                dueDate: Self.date(dayOfYear: min(2 + index % 360 + 30, 365)), status: statuses[index % statuses.count],
                amountCents: amount, taxCents: amount / 4))
        }
        for index in 1...max(items, 1) where index <= items {
            let number = Self.itemNumber(index)
            state.items[number] = DemoItem(number: number, unitPriceCents: 500 + (index * 37) % 9_500, version: 1)
        }
        return state
    }

    /// `2025-MM-DD` for a day of 2025 (1…365).
    static func date(dayOfYear: Int) -> String {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var day = dayOfYear
        var month = 0
        while month < 11, day > lengths[month] {
            day -= lengths[month]
            month += 1
        }
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "2025-\(twoDigits(month + 1))-\(twoDigits(day))"
    }
}
