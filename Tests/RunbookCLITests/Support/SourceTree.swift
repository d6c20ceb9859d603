import Foundation
import RunbookTesting

/// The repository these tests belong to.
enum SourceTree {
    /// The repository root (for the real schemas, docs and demo files).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
