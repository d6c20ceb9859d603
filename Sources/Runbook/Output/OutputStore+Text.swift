import Foundation

extension OutputStore {
    /// The YAML text `saveYAML` writes for `value` (block style, keys in `Encodable` order, one
    /// document), for a caller that writes it elsewhere: the CLI's Kubernetes manifests.
    package static func yamlText(_ value: some Encodable, name: String) throws -> String {
        let tree = try encodeTree(value, name: name, format: "YAML")
        do {
            return try YAMLTextWriter().text(tree)
        } catch {
            throw HelpfulError(code: .outputUnencodable,
                               problem: "Cannot write \(name) as YAML: \(error)",
                               solution: "Report this as a bug")
        }
    }

    /// The JSON text `saveJSON` writes for `value`, without the final newline.
    package static func jsonText(_ value: some Encodable, pretty: Bool, name: String) throws -> String {
        String(decoding: try encodeJSON(value, options: JSONOutputOptions(pretty: pretty), name: name), as: UTF8.self)
    }
}
