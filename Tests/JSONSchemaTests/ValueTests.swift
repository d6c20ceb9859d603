import JSONSchema
import Testing

@Test func objectLookupReturnsMemberValue() {
    let object = JSONObject([.init(key: "a", value: JSONNode(.integer(1)))])
    guard case .integer(1)? = object["a"]?.value else {
        Issue.record("expected integer 1")
        return
    }
    #expect(object["b"] == nil)
}
