import Foundation

/// A customer of the demo ERP (`/api/v2.0/customers`). Its `number` is the key in paths:
/// `customers(C001)`. Every change bumps `version`, which is the ETag `W/"<version>"`.
public struct DemoCustomer: Sendable, Equatable, Encodable {
    /// The key (`C001`).
    public var number: String
    /// The display name.
    public var displayName: String
    /// The e-mail address.
    public var email: String
    /// The city.
    public var city: String
    /// The ISO country code.
    public var country: String
    /// The row version behind the ETag.
    public var version: Int

    /// Creates a customer.
    public init(number: String, displayName: String, email: String, city: String, country: String, version: Int = 1) {
        self.number = number
        self.displayName = displayName
        self.email = email
        self.city = city
        self.country = country
        self.version = version
    }

    /// The weak ETag of this version.
    public var etag: String { "W/\"\(version)\"" }

    /// The fields a client may set with POST or PATCH, by name.
    static let writableFields = ["displayName", "email", "city", "country"]

    /// The JSON object the API returns.
    var json: EntityJSON<Self> { EntityJSON(etag: etag, id: number, entity: self) }

    enum CodingKeys: String, CodingKey {
        case number, displayName, email, city, country
    }

    /// Sets a writable field; false when the name is not one.
    mutating func set(_ field: String, to value: String) -> Bool {
        switch field {
        case "displayName": displayName = value
        case "email": email = value
        case "city": city = value
        case "country": country = value
        default: return false
        }
        return true
    }
}

/// A posted sales invoice of the demo ERP (`/api/v2.0/invoices`, read-only, paged).
public struct DemoInvoice: Sendable, Equatable, Encodable {
    /// The invoice number (`INV-1001`).
    public var number: String
    /// The customer's number.
    public var customerNumber: String
    /// The customer's name.
    public var customerName: String
    /// `yyyy-MM-dd`.
    public var invoiceDate: String
    /// `yyyy-MM-dd`.
    public var dueDate: String
    /// `Open`, `Paid` or `Overdue`.
    public var status: String
    /// The amount without tax, in cents.
    public var amountCents: Int
    /// The tax, in cents.
    public var taxCents: Int

    /// The JSON object the API returns.
    var json: EntityJSON<Self> { EntityJSON(etag: "W/\"1\"", id: number, entity: self) }

    enum CodingKeys: String, CodingKey {
        case number, customerNumber, customerName, invoiceDate, dueDate, status, currencyCode
        case totalAmountExcludingTax, totalTaxAmount, totalAmountIncludingTax
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(customerNumber, forKey: .customerNumber)
        try container.encode(customerName, forKey: .customerName)
        try container.encode(invoiceDate, forKey: .invoiceDate)
        try container.encode(dueDate, forKey: .dueDate)
        try container.encode(status, forKey: .status)
        try container.encode("EUR", forKey: .currencyCode)
        try container.encode(Decimal(amountCents) / 100, forKey: .totalAmountExcludingTax)
        try container.encode(Decimal(taxCents) / 100, forKey: .totalTaxAmount)
        try container.encode(Decimal(amountCents + taxCents) / 100, forKey: .totalAmountIncludingTax)
    }
}

/// An item of the demo ERP (`/api/v2.0/items(ITEM-0001)`), the target of bulk price updates.
public struct DemoItem: Sendable, Equatable, Encodable {
    /// The key (`ITEM-0001`).
    public var number: String
    /// The unit price in cents.
    public var unitPriceCents: Int
    /// The row version behind the ETag.
    public var version: Int

    /// The weak ETag of this version.
    public var etag: String { "W/\"\(version)\"" }

    /// The JSON object the API returns.
    var json: EntityJSON<Self> { EntityJSON(etag: etag, id: number, entity: self) }

    enum CodingKeys: String, CodingKey {
        case number, unitPrice
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode(Decimal(unitPriceCents) / 100, forKey: .unitPrice)
    }
}
