import Foundation
import JSONSchema

/// Just enough of JSON Schema to decide the suite's regex cases without the real validator: `pattern`
/// (with an optional `"type": "string"`), and `patternProperties` whose subschemas are booleans or use only
/// `type` / `maximum`, optionally with `"additionalProperties": false` and `"type": "object"`.
enum SuiteSchema {
    /// Whether `data` is valid against `schema`, or nil when the case is out of scope (skipped).
    static func expectation(_ schema: [String: Any], _ data: Any) throws -> Bool? {
        let keys = Set(schema.keys).subtracting(["$schema"])
        if let pattern = schema["pattern"] as? String {
            guard keys.isSubset(of: ["pattern", "type"]), (schema["type"] as? String ?? "string") == "string",
                let string = data as? String
            else { return nil }
            return try ECMARegex(pattern).matches(string)
        }
        guard let properties = schema["patternProperties"] as? [String: Any],
            keys.isSubset(of: ["patternProperties", "additionalProperties", "type"]),
            (schema["type"] as? String ?? "object") == "object",
            let object = data as? [String: Any]
        else { return nil }
        let closed = (schema["additionalProperties"] as? Bool) == false
        if schema["additionalProperties"] != nil, !closed { return nil }
        let compiled = try properties.map { (try ECMARegex($0.key), $0.value) }
        for (key, value) in object {
            var matchedAny = false
            for (regex, subschema) in compiled where regex.matches(key) {
                matchedAny = true
                guard let accepted = accepts(subschema, value) else { return nil }
                if !accepted { return false }
            }
            if closed, !matchedAny { return false }
        }
        return true
    }

    /// Whether a boolean or `type`/`maximum` subschema accepts `value`; nil when out of scope.
    private static func accepts(_ subschema: Any, _ value: Any) -> Bool? {
        if let flag = subschema as? Bool, !(subschema is [String: Any]) { return flag }
        guard let object = subschema as? [String: Any], Set(object.keys).isSubset(of: ["type", "maximum"]) else {
            return nil
        }
        if let type = object["type"] as? String, kind(of: value) != type,
            !(type == "number" && kind(of: value) == "integer")
        {
            return false
        }
        if let maximum = object["maximum"] as? Double, let number = value as? Double, !isBool(value) {
            return number <= maximum
        }
        return true
    }

    private static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "string"
        case _ where isBool(value): return "boolean"
        case let number as NSNumber:
            return number.doubleValue.rounded() == number.doubleValue ? "integer" : "number"
        case is [Any]: return "array"
        default: return "object"
        }
    }
}
