import Foundation
import RunbookTesting
import Testing

/// `.ci/run` and the install instructions cover every system library Package.swift links.
@Suite struct CIScriptTests {
    /// `(pkg-config name, apt package)` of every `.systemLibrary` in Package.swift.
    static func systemLibraries() throws -> [(pkgConfig: String, apt: String)] {
        let manifest = try String(contentsOf: SourceTree.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"pkgConfig: "([^"]+)",\s*providers: \[\.apt\(\["([^"]+)"\]\)"#)
        let range = NSRange(manifest.startIndex..., in: manifest)
        return pattern.matches(in: manifest, range: range).compactMap { match in
            guard let name = Range(match.range(at: 1), in: manifest), let apt = Range(match.range(at: 2), in: manifest) else { return nil }
            return (String(manifest[name]), String(manifest[apt]))
        }
    }

    @Test func ciInstallsEverySystemLibraryPackageSwiftNeeds() throws {
        let libraries = try Self.systemLibraries()
        #expect(libraries.map(\.apt).sorted() == ["libssl-dev", "libyaml-dev", "zlib1g-dev"])
        let script = try String(contentsOf: SourceTree.root.appendingPathComponent(".ci/run"), encoding: .utf8)
        for library in libraries {
            #expect(script.contains("pkg-config --exists \(library.pkgConfig) 2>/dev/null || need_packages+=(\(library.apt))"),
                    ".ci/run does not install \(library.apt) (pkg-config \(library.pkgConfig))")
        }
    }

    @Test(arguments: ["README.md", "docs/getting-started.md"])
    func installInstructionsNameEverySystemLibrary(file: String) throws {
        let text = try String(contentsOf: SourceTree.root.appendingPathComponent(file), encoding: .utf8)
        let aptLine = try #require(text.split(separator: "\n").first { $0.contains("apt-get install") })
        for library in try Self.systemLibraries() {
            #expect(aptLine.contains(library.apt), "\(file): the apt-get line does not name \(library.apt)")
        }
    }
}
