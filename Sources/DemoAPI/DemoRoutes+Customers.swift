import Foundation
import LoopbackHTTPServer

extension DemoRoutes {
    func installCustomers() {
        let store = store
        resource("GET", "customers") { request in
            switch Self.query(request) {
            case .failure(let error):
                return DemoJSON.error(400, "BadRequest", error.message)
            case .success(let query):
                var customers = store.customers
                if let filter = query.filter {
                    guard Self.customerFields.contains(filter.field) else {
                        return DemoJSON.error(400, "BadRequest", "Customers have no field '\(filter.field)'")
                    }
                    customers = customers.filter { Self.field(filter.field, of: $0) == filter.value }
                }
                return page(customers.map(\.json), query: query, request: request)
            }
        }
        resource("POST", "customers") { request in create(request) }
        for customer in store.customers { installCustomer(customer.number) }
    }

    /// `GET` and `PATCH customers(<number>)`.
    func installCustomer(_ number: String) {
        let store = store
        let segment = ODataQuery.keySegment("customers", number)
        resource("GET", segment) { _ in
            guard let customer = store.customer(number) else { return Self.notFound(number) }
            return DemoJSON.response(200, customer.json, headers: [("ETag", customer.etag)])
        }
        resource("PATCH", segment) { request in
            guard let fields = DemoJSON.stringFields(request.body) else {
                return DemoJSON.error(400, "BadRequest", "The body must be a JSON object of text fields")
            }
            guard let ifMatch = request.header("If-Match") else {
                return DemoJSON.error(428, "PreconditionRequired", "PATCH customers(\(number)) needs an If-Match header with the customer's ETag")
            }
            return store.withState { state in
                guard var customer = state.customers[number] else { return Self.notFound(number) }
                guard ifMatch == "*" || ifMatch == customer.etag else {
                    return DemoJSON.error(412, "PreconditionFailed",
                        "The ETag \(ifMatch) does not match the current version \(customer.etag) of customer \(number): read it again")
                }
                for (name, value) in fields.sorted(by: { $0.key < $1.key }) where !(name == "number" && value == number) {
                    guard customer.set(name, to: value) else {
                        return DemoJSON.error(400, "BadRequest", "Field '\(name)' cannot be changed; writable: "
                            + DemoCustomer.writableFields.joined(separator: ", "))
                    }
                }
                customer.version += 1
                state.customers[number] = customer
                return DemoJSON.response(200, customer.json, headers: [("ETag", customer.etag)])
            }
        }
    }

    private func create(_ request: LoopbackRequest) -> LoopbackResponse {
        guard let fields = DemoJSON.stringFields(request.body) else {
            return DemoJSON.error(400, "BadRequest", "The body must be a JSON object of text fields")
        }
        guard let number = fields["number"], !number.isEmpty else {
            return DemoJSON.error(400, "BadRequest", "A new customer needs a 'number'")
        }
        guard let name = fields["displayName"], !name.isEmpty else {
            return DemoJSON.error(400, "BadRequest", "Customer \(number) needs a 'displayName'")
        }
        var customer = DemoCustomer(number: number, displayName: name, email: "", city: "", country: "")
        for (field, value) in fields.sorted(by: { $0.key < $1.key }) where field != "number" {
            guard customer.set(field, to: value) else {
                return DemoJSON.error(400, "BadRequest", "Customers have no writable field '\(field)'")
            }
        }
        let created = store.withState { state -> Bool in
            guard state.customers[number] == nil else { return false }
            state.customers[number] = customer
            return true
        }
        guard created else { return DemoJSON.error(409, "Conflict", "Customer \(number) already exists") }
        installCustomer(number)
        return DemoJSON.response(201, customer.json, headers: [
            ("Location", ODataQuery.keySegment("customers", number)), ("ETag", customer.etag),
        ])
    }

    static func notFound(_ number: String) -> LoopbackResponse {
        DemoJSON.error(404, "NotFound", "Customer \(number) does not exist")
    }

    static let customerFields: Set<String> = ["number", "id", "displayName", "email", "city", "country"]

    static func field(_ name: String, of customer: DemoCustomer) -> String? {
        switch name {
        case "number", "id": customer.number
        case "displayName": customer.displayName
        case "email": customer.email
        case "city": customer.city
        case "country": customer.country
        default: nil
        }
    }
}
