/// What the keywords of a schema evaluated, for `unevaluatedProperties` and `unevaluatedItems`.
struct Annotations {
    var allProperties = false
    var properties: Set<String> = []
    var allItems = false
    /// Items `0..<itemCount` were evaluated.
    var itemCount = 0
    var itemIndices: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        allProperties = allProperties || other.allProperties
        if !allProperties { properties.formUnion(other.properties) }
        allItems = allItems || other.allItems
        itemCount = max(itemCount, other.itemCount)
        if !allItems { itemIndices.formUnion(other.itemIndices) }
    }

    func evaluated(property key: String) -> Bool { allProperties || properties.contains(key) }
    func evaluated(item index: Int) -> Bool { allItems || index < itemCount || itemIndices.contains(index) }
}
