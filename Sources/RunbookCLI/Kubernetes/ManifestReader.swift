import Foundation
import JSONSchema
import Runbook

/// Reads what `runbook kubernetes` wrote: a folder of manifests (`--output DIR`), one manifest
/// file, or the multi-document stream of standard output, and finds the Job (or the CronJob's job
/// template) and the ConfigMap its targets volume names.
struct ManifestReader {
    /// The Job to run and the targets file its pods read.
    struct Loaded: Sendable {
        var name: String
        var spec: JobSpec
        var configMaps: [String: ConfigMapObject]
    }

    let path: String
    let currentDirectory: URL

    func load() throws(HelpfulError) -> Loaded {
        let url = CLIEnvironment.resolve(path, in: currentDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw HelpfulError(code: .kubeManifestMissing,
                               problem: "No manifest at \(path)", solution: "Give the folder or file runbook kubernetes wrote",
                               example: "runbook kubernetes run-local k8s/", location: .file(path), exitCode: .usage)
        }
        var files = [(url, path)]
        if isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
            files = names.map { (url.appendingPathComponent($0), (path as NSString).appendingPathComponent($0)) }
        } else if FileManager.default.fileExists(atPath: url.deletingLastPathComponent().appendingPathComponent("configmap.yaml").path),
                  url.lastPathComponent != "configmap.yaml" {
            let folder = url.deletingLastPathComponent()
            files.append((folder.appendingPathComponent("configmap.yaml"), ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("configmap.yaml")))
        }
        var job: (String, JobSpec)?
        var configMaps: [String: ConfigMapObject] = [:]
        for (file, shown) in files {
            for document in try documents(file, shown: shown) {
                guard case .object(let object) = document.value, case .string(let kind)? = object["kind"]?.value else { continue }
                switch kind {
                case "Job":
                    let decoded = try decode(JobObject.self, document, shown: shown)
                    job = (decoded.metadata.name, decoded.spec)
                case "CronJob":
                    let decoded = try decode(CronJobObject.self, document, shown: shown)
                    job = (decoded.metadata.name, decoded.spec.jobTemplate.spec)
                case "ConfigMap":
                    let decoded = try decode(ConfigMapObject.self, document, shown: shown)
                    configMaps[decoded.metadata.name] = decoded
                default: continue
                }
            }
        }
        guard let job else {
            throw HelpfulError(code: .kubeManifestInvalid,
                               problem: "\(path) holds no Job or CronJob", solution: "Give what runbook kubernetes wrote",
                               example: "runbook kubernetes hello-world --targets targets.yaml --image runbook:1.0 --output k8s",
                               location: .file(path), exitCode: .usage)
        }
        return Loaded(name: job.0, spec: job.1, configMaps: configMaps)
    }

    /// The documents of one file: `---` lines (at column 0) separate them.
    private func documents(_ file: URL, shown: String) throws(HelpfulError) -> [JSONNode] {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw HelpfulError(code: .kubeManifestMissing,
                               problem: "Cannot read \(shown)", solution: "Check that it exists and is readable",
                               location: .file(shown), exitCode: .usage)
        }
        var parts: [[Substring]] = [[]]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" { parts.append([]) } else { parts[parts.count - 1].append(line) }
        }
        var nodes: [JSONNode] = []
        for part in parts where part.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }) {
            do {
                nodes.append(try ConfigDocumentReader().parse(Array(part.joined(separator: "\n").utf8), displayPath: shown, source: 1))
            } catch {
                var error = error
                error.exitCode = .usage
                throw error
            }
        }
        return nodes
    }

    private func decode<T: Decodable>(_ type: T.Type, _ node: JSONNode, shown: String) throws(HelpfulError) -> T {
        do {
            return try JSONNodeDecoder().decode(type, from: node)
        } catch {
            throw HelpfulError(
                code: .kubeManifestInvalid,
                problem: "\(shown) is not a manifest runbook kubernetes wrote: \(error)",
                solution: "Run the manifests runbook kubernetes writes (edit them with kubectl patch, not by hand, before run-local)",
                location: .file(shown), exitCode: .usage)
        }
    }
}
