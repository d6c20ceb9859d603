import Foundation
import Runbook

/// Writes the manifests as YAML through Runbook's own YAML writer: one multi-document stream
/// (`---` before each object) for standard output, or one file per object in a folder
/// (`configmap.yaml`, then `job.yaml` or `cronjob.yaml`), each written atomically.
struct ManifestWriter {
    let environment: CLIEnvironment

    /// The documents in order: the ConfigMap first, so `kubectl apply -f` creates it before the pods need it.
    func documents(_ manifests: KubernetesManifests) throws(HelpfulError) -> [(file: String, text: String)] {
        do {
            let configMap = ("configmap.yaml", try OutputStore.yamlText(manifests.configMap, name: "configmap.yaml"))
            if let cronJob = manifests.cronJob {
                return [configMap, ("cronjob.yaml", try OutputStore.yamlText(cronJob, name: "cronjob.yaml"))]
            }
            return [configMap, ("job.yaml", try OutputStore.yamlText(manifests.job, name: "job.yaml"))]
        } catch {
            throw HelpfulError.wrapping(error)
        }
    }

    /// The multi-document YAML stream.
    func stream(_ manifests: KubernetesManifests) throws(HelpfulError) -> String {
        try documents(manifests).map { "---\n" + $0.text }.joined()
    }

    /// Writes one file per object into `folder` (created if needed) and says which.
    func write(_ manifests: KubernetesManifests, to folder: URL, shown: String) throws(HelpfulError) {
        let documents = try documents(manifests)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for document in documents {
                try Data(document.text.utf8).write(to: folder.appendingPathComponent(document.file), options: .atomic)
            }
        } catch {
            throw HelpfulError(
                code: .outputCannotWrite,
                problem: "Cannot write the manifests to \(shown): \(error.localizedDescription)",
                solution: "Give a folder you can write to, or leave out --output to print them",
                location: .file(shown), exitCode: .usage)
        }
        let files = documents.map { (shown as NSString).appendingPathComponent($0.file) }
        environment.writeOut("Wrote \(files.joined(separator: ", ")) (\(manifests.targetCount) targets)\n")
    }
}
