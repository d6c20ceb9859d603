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
    /// The instance path's length when the reference was followed. Frames on the evaluation path are
    /// nested, so two of them with the same length stand at the same instance location.
    let pathDepth: Int
}
