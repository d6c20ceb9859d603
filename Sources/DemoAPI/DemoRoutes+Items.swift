import Foundation
import LoopbackHTTPServer

extension DemoRoutes {
    /// `PATCH items(<number>)` with `{"unitPrice": 12.5}` for every seeded item (`If-Match` optional).
    func installItems() {
        let store = store
        for index in 1...max(options.seed.items, 1) where index <= options.seed.items {
            let number = DemoSeed.itemNumber(index)
            resource("PATCH", ODataQuery.keySegment("items", number)) { request in
                guard let fields = DemoJSON.stringFields(request.body), fields.count == 1,
                      let text = fields["unitPrice"], let price = Decimal(string: text), price >= 0
                else {
                    return DemoJSON.error(400, "BadRequest", "The body must be {\"unitPrice\": <number ≥ 0>}")
                }
                let ifMatch = request.header("If-Match")
                return store.withState { state in
                    guard var item = state.items[number] else {
                        return DemoJSON.error(404, "NotFound", "Item \(number) does not exist")
                    }
                    if let ifMatch, ifMatch != "*", ifMatch != item.etag {
                        return DemoJSON.error(412, "PreconditionFailed",
                                              "The ETag \(ifMatch) does not match the current version \(item.etag) of item \(number)")
                    }
                    item.unitPriceCents = NSDecimalNumber(decimal: price * 100).intValue
                    item.version += 1
                    state.items[number] = item
                    return DemoJSON.response(200, item.json, headers: [("ETag", item.etag)])
                }
            }
        }
    }
}
