import Foundation

extension CLIEnvironment {
    /// A path given on the command line: absolute as it is, else under the current directory.
    func resolvedPath(_ path: String) -> URL {
        Self.resolve(path, in: currentDirectory)
    }

    /// `path` absolute as it is, else under `directory` (whether or not that URL ends in a slash,
    /// which `URL(fileURLWithPath:relativeTo:)` depends on).
    static func resolve(_ path: String, in directory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }
}
