import Foundation

extension TestWorkspace {
    /// The files a run wrote (relative path → content): every file outside `config/`, `schemas/`
    /// and `logs/`, less `inputs` (the files the test put there).
    func writtenFiles(excluding inputs: Set<String>) -> [String: Data] {
        var result: [String: Data] = [:]
        for path in files(in: "") where !inputs.contains(path) {
            let top = path.split(separator: "/").first.map(String.init) ?? path
            guard !["config", "schemas", "logs"].contains(top), let data = data(path) else { continue }
            result[path] = data
        }
        return result
    }
}
