public import Foundation

extension ConfigFileDiscovery {
    /// `config/defaults.{yaml,yml,json}` (every org and env), if there is one; more than one throws.
    public func defaultsFile() throws(HelpfulError) -> Found? {
        let found = candidates("defaults")
        guard found.count <= 1 else { throw ambiguous(found) }
        return found.first
    }

    /// `config/{org}-config.{yaml,yml,json}` (one org, every env), if there is one; more than one throws.
    public func orgFile(org: String) throws(HelpfulError) -> Found? {
        let found = candidates("\(org)-config")
        guard found.count <= 1 else { throw ambiguous(found) }
        return found.first
    }

    /// The files of the org/env's layers, lowest first: `defaults` and `org` when they exist, then
    /// `org-env` (required). Throws (exit 78) when the org/env file is missing, when a layer has more
    /// than one file, or when the org/env file is also the org layer of other configurations
    /// (`config/big-corp-config.yaml` is big/corp's file, but also the org layer of big-corp when
    /// `config/big-corp-prod-config.yaml` exists).
    public func layerFiles(org: String, env: String) throws(HelpfulError) -> [(layer: ConfigLayer, file: Found)] {
        let orgEnv = try configFile(org: org, env: env)
        let stem = "\(org)-\(env)"
        if let other = configFileNames().first(where: { $0.stem.hasPrefix(stem + "-") }) {
            throw HelpfulError(
                code: .configLayerAmbiguous,
                problem: "\(orgEnv.displayPath) is ambiguous: it is the configuration of \(org)/\(env), and also the "
                    + "org layer of the organisation '\(stem)' (config/\(other.name) exists)",
                solution: "Org and env names are joined with '-', so rename one of them: give the organisation "
                    + "'\(stem)' another name, or \(org)/\(env) another env name",
                example: "ls config/\(stem)-*-config.*",
                location: .file(orgEnv.displayPath),
                exitCode: .configuration
            )
        }
        var layers: [(layer: ConfigLayer, file: Found)] = []
        if let defaults = try defaultsFile() { layers.append((.defaults, defaults)) }
        if let orgFile = try orgFile(org: org) { layers.append((.org, orgFile)) }
        layers.append((.orgEnv, orgEnv))
        return layers
    }

    /// The names in `config/` that end in `-config.{yaml,yml,json}`, sorted, with their stem (the
    /// name without `-config.ext`).
    func configFileNames() -> [(name: String, stem: String)] {
        let folder = projectRoot.appendingPathComponent("config")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().compactMap { name in
            guard let ext = Self.extensions.first(where: { name.hasSuffix("-config.\($0)") }) else { return nil }
            return (name, String(name.dropLast("-config.\(ext)".count)))
        }
    }

    /// The stems that are the org layer of another file: every prefix of a stem that ends before one
    /// of its `-` (`acme-prod-eu` makes `acme` and `acme-prod` org layers).
    static func orgLayerStems(_ stems: [String]) -> Set<String> {
        var prefixes: Set<String> = []
        for stem in stems {
            for index in stem.indices where stem[index] == "-" { prefixes.insert(String(stem[..<index])) }
        }
        return prefixes
    }
}
