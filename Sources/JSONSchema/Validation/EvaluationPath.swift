/// One step of an instance path, materialised as a pointer token only when a violation is reported.
enum PathToken {
    case key(String)
    case index(Int)

    var token: String {
        switch self {
        case .key(let key): key
        case .index(let index): String(index)
        }
    }
}

/// A `$ref`/`$dynamicRef` crossing on the evaluation path.
struct ReferenceFrame {
    let referringNode: Int
    let keyword: String
    let target: Int
}
