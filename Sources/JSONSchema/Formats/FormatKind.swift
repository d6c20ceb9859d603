/// The `format` names the validator checks, resolved once when a schema is compiled so that the hot
/// path dispatches on a small integer instead of comparing strings.
enum FormatKind: UInt8, Sendable {
    case dateTime, date, time, duration, email, idnEmail, hostname, idnHostname, ipv4, ipv6
    case uri, uriReference, iri, iriReference, uriTemplate, uuid, jsonPointer, relativeJSONPointer, regex
    /// A format this validator does not know (always accepted).
    case unknown

    init(name: String) {
        switch name {
        case "date-time": self = .dateTime
        case "date": self = .date
        case "time": self = .time
        case "duration": self = .duration
        case "email": self = .email
        case "idn-email": self = .idnEmail
        case "hostname": self = .hostname
        case "idn-hostname": self = .idnHostname
        case "ipv4": self = .ipv4
        case "ipv6": self = .ipv6
        case "uri": self = .uri
        case "uri-reference": self = .uriReference
        case "iri": self = .iri
        case "iri-reference": self = .iriReference
        case "uri-template": self = .uriTemplate
        case "uuid": self = .uuid
        case "json-pointer": self = .jsonPointer
        case "relative-json-pointer": self = .relativeJSONPointer
        case "regex": self = .regex
        default: self = .unknown
        }
    }
}
