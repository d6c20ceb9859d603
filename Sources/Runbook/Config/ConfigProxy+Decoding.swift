import JSONSchema

extension ConfigProxy {
    /// Decodes a section (or any value) as a `Decodable` type. A missing key or a wrong type is a
    /// `HelpfulError` naming the full key path and the failing value's `file:line:column`.
    ///
    /// ```swift
    /// struct Retry: Decodable { let maxRetries: Int; let backoffFactor: Double
    ///     enum CodingKeys: String, CodingKey { case maxRetries = "max-retries", backoffFactor = "backoff-factor" } }
    /// let retry = try config.decode(Retry.self, "script-behavior", "retry-strategy")
    /// ```
    public func decode<T: Decodable>(_ type: T.Type, _ path: String...) throws(HelpfulError) -> T {
        let section = try node(path)
        do {
            return try JSONNodeDecoder().decode(type, from: section)
        } catch let error as DecodingError {
            throw helpfulError(error, sectionPath: path, section: section)
        } catch let error as HelpfulError {
            throw error
        } catch let error as any HelpfulErrorConvertible {
            throw error.helpfulError
        } catch {
            throw HelpfulError(
                code: .configSectionUndecodable,
                problem: "Config section '\(keyPath(path))' could not be read: \(error)",
                solution: "Check the values in this section against the schema",
                location: sources.errorLocation(of: section.location, keyPath: keyPath(path)),
                exitCode: .configuration
            )
        }
    }

    private func helpfulError(_ error: DecodingError, sectionPath: [String], section: JSONNode) -> HelpfulError {
        let context: DecodingError.Context
        switch error {
        case .keyNotFound(let key, let keyContext):
            return missing(sectionPath + keyContext.codingPath.map(\.stringValue) + [key.stringValue])
        case .typeMismatch(_, let mismatchContext), .valueNotFound(_, let mismatchContext):
            context = mismatchContext
        case .dataCorrupted(let corruptContext):
            context = corruptContext
        @unknown default:
            return missing(sectionPath)
        }
        let relative = context.codingPath.map(\.stringValue)
        let failing = section.node(at: relative) ?? section
        let expected = context.debugDescription.hasPrefix("must be ")
            ? String(context.debugDescription.dropFirst("must be ".count)) : context.debugDescription
        return wrongType(failing, path: sectionPath + relative, expected: expected)
    }
}
