import Foundation
import HTTPTypes
import JSONSchema

/// Reads one page: its items, and the link to the next page if the service gives one.
enum PageParser {
    struct Envelope: Decodable {
        var value: [DecodedJSON]
        var nextLink: String?

        enum CodingKeys: String, CodingKey {
            case value
            case nextLink = "@odata.nextLink"
        }
    }

    struct Parsed {
        var page: RestPage
        var nextLink: URL?
    }

    static func parse(_ response: RestResponse, number: Int, stripsODataKeys: Bool) throws -> Parsed {
        let invalid = { (detail: String) in
            HTTPRequestError(kind: .invalidResponse, method: "GET", url: RedactedURL.string(response.url, secrets: nil),
                             status: response.status.code, detail: "page \(number) \(detail)")
        }
        let items: [JSONValue]
        var nextText: String?
        let wrapped: Bool
        if let list = try? JSONDecoder().decode([DecodedJSON].self, from: response.body) {
            items = list.map(\.value)
            wrapped = false
        } else if let envelope = try? JSONDecoder().decode(Envelope.self, from: response.body) {
            items = envelope.value.map(\.value)
            nextText = envelope.nextLink
            wrapped = true
        } else {
            throw invalid("has neither a 'value' array nor a top-level array of JSON")
        }
        if nextText == nil { nextText = linkNext(response.headerFields[values: HTTPField.Name("Link")!]) }
        let page = RestPage(
            number: number, url: response.url,
            items: stripsODataKeys ? items.map(DecodedJSON.stripODataKeys) : items,
            body: response.body, itemsAreWrapped: wrapped)
        var nextLink: URL?
        if let nextText {
            guard let url = RequestURL.resolve(nextText, against: response.url) else {
                throw invalid("has an invalid next link")
            }
            nextLink = url
        }
        return Parsed(page: page, nextLink: nextLink)
    }

    /// The `rel="next"` target of `Link` header values (RFC 8288).
    static func linkNext(_ values: [String]) -> String? {
        for part in values.flatMap({ $0.split(separator: ",") }) {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let isNext = pieces.dropFirst().contains { parameter in
                let normalized = parameter.replacingOccurrences(of: " ", with: "").lowercased()
                return normalized == "rel=\"next\"" || normalized == "rel=next"
            }
            if isNext { return String(target.dropFirst().dropLast()) }
        }
        return nil
    }
}
