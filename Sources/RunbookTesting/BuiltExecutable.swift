public import Foundation

/// An executable of the package, built beside the test bundle: `swift build --build-tests` (which
/// `swift test` runs first) builds every executable product into the same folder as the tests.
/// For tests that run a real process: the `runbook` runner, a crash helper, a demo server.
///
/// ```swift
/// let runbook = try BuiltExecutable.url(named: "runbook")
/// ```
public enum BuiltExecutable {
    /// The executable `name` beside the running test bundle (or in the package's `.build/debug`);
    /// an error saying how to build it when there is none.
    public static func url(named name: String) throws -> URL {
        let packageBuild = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(".build/debug")
        let candidates = [Bundle.main.bundleURL.deletingLastPathComponent(),
                          Bundle.main.executableURL?.deletingLastPathComponent(), packageBuild]
        for case let folder? in candidates {
            let url = folder.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(name) (run swift build --build-tests)"])
    }
}
