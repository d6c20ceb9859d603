import JSONSchema

extension ScriptContext {
    /// The REST client for `global.api-base-url` (no name) or for the section `apis.<name>`, with
    /// retries, rate limiting, circuit breaking, timeouts and OAuth as configured.
    ///
    /// ```swift
    /// let erp = try context.restClient()
    /// let crm = try context.restClient("crm")     // apis.crm in the configuration
    /// ```
    public func restClient(_ name: String? = nil) throws -> RestClient {
        if let name, !services.isRegistered(RestClient.self, name: name) {
            let known = (config.root.node(at: ["apis"])?.value.objectValue?.keys ?? []).sorted()
            throw HelpfulError(
                code: .configAPISectionMissing,
                problem: "No API section 'apis.\(name)' in \(config.file)",
                solution: "Add the section (with at least api-base-url), or use one of: "
                    + (known.isEmpty ? "none configured" : known.joined(separator: ", ")),
                example: "apis:\n  \(name):\n    api-base-url: https://api.example.com/",
                location: ErrorLocation(file: config.file, keyPath: "apis.\(name)"),
                exitCode: .configuration)
        }
        return try services.resolve(RestClient.self, name: name)
    }
}
