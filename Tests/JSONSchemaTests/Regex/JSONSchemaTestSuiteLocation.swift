import Foundation

/// Where the JSON-Schema-Test-Suite `tests` folder is: `JSON_SCHEMA_TEST_SUITE` (the checkout or its
/// `tests` folder) or `../shared/jsts/tests` next to the package root.
enum JSONSchemaTestSuiteLocation {
    static var directory: URL {
        if let path = ProcessInfo.processInfo.environment["JSON_SCHEMA_TEST_SUITE"] {
            let root = URL(fileURLWithPath: path)
            let nested = root.appendingPathComponent("tests")
            return FileManager.default.fileExists(atPath: nested.path) ? nested : root
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/jsts/tests").standardizedFileURL
    }

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("draft2020-12/pattern.json").path)
    }
}
