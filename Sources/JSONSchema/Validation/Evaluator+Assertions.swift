/// Keywords that check the instance itself: type, const/enum, numbers, strings, sizes, required.
extension Evaluator {
    mutating func apply(_ keyword: CompiledKeyword, _ index: Int, _ instance: JSONNode, _ annotations: inout Annotations?) -> Bool {
        switch keyword.kind {
        case .type(let mask):
            if mask.admits(instance.value) { return true }
            report(index, "type", "must be \(Self.typeList(mask)), found \(ValueDescription.brief(instance.value))", instance.location)
            return false
        case .const(let expected):
            if instance.value.isJSONEqual(to: expected) { return true }
            report(index, "const", "must be \(ValueDescription.json(expected)), found \(ValueDescription.brief(instance.value))", instance.location)
            return false
        case .enumeration(let values, let strings, let set):
            if let strings {
                if case .string(let text) = instance.value {
                    if let set {
                        if set.contains(text), strings.contains(where: { JSONValue.sameScalars($0, text) }) { return true }
                    } else if strings.contains(where: { $0 == text && JSONValue.sameScalars($0, text) }) {
                        return true
                    }
                }
            } else if values.contains(where: { instance.value.isJSONEqual(to: $0) }) {
                return true
            }
            report(index, "enum", "must be one of \(values.map(ValueDescription.json).joined(separator: ", ")), found \(ValueDescription.brief(instance.value))", instance.location)
            return false
        case .minimum(let bound): return checkBound(index, keyword.name, instance.value, bound, instance, "≥") { $0 >= 0 }
        case .maximum(let bound): return checkBound(index, keyword.name, instance.value, bound, instance, "≤") { $0 <= 0 }
        case .exclusiveMinimum(let bound): return checkBound(index, keyword.name, instance.value, bound, instance, ">") { $0 > 0 }
        case .exclusiveMaximum(let bound): return checkBound(index, keyword.name, instance.value, bound, instance, "<") { $0 < 0 }
        case .multipleOf(let divisor):
            guard instance.value.doubleValue != nil else { return true }
            if Self.isMultiple(instance.value, of: divisor) { return true }
            report(index, "multipleOf", "must be a multiple of \(ValueDescription.brief(divisor)), found \(ValueDescription.brief(instance.value))", instance.location)
            return false
        case .minLength(let limit):
            guard case .string(let text) = instance.value else { return true }
            if text.utf8.count / 4 >= limit { return true }
            let length = text.unicodeScalars.count
            if length >= limit { return true }
            report(index, "minLength", "must be at least \(Self.plural(limit, "character")) long, found \(length)", instance.location)
            return false
        case .maxLength(let limit):
            guard case .string(let text) = instance.value else { return true }
            if text.utf8.count <= limit { return true }
            let length = text.unicodeScalars.count
            if length <= limit { return true }
            report(index, "maxLength", "must be at most \(Self.plural(limit, "character")) long, found \(length)", instance.location)
            return false
        case .pattern(let regex, let source):
            guard case .string(let text) = instance.value, !regex.matches(text) else { return true }
            report(index, "pattern", "must match pattern \(source)", instance.location)
            return false
        case .format(let name):
            guard case .string(let text) = instance.value, !FormatChecker.isValid(text, format: name) else { return true }
            report(index, "format", "must be a valid \(name), found \(ValueDescription.brief(instance.value))", instance.location)
            return false
        case .content(let encoding, let mediaType):
            guard case .string(let text) = instance.value else { return true }
            if let problem = ContentCheck.problem(text, encoding: encoding, mediaType: mediaType) {
                report(index, keyword.name, problem, instance.location)
                return false
            }
            return true
        case .minItems(let limit):
            guard case .array(let elements) = instance.value, elements.count < limit else { return true }
            report(index, "minItems", "must have at least \(Self.plural(limit, "item")), found \(elements.count)", instance.location)
            return false
        case .maxItems(let limit):
            guard case .array(let elements) = instance.value, elements.count > limit else { return true }
            report(index, "maxItems", "must have at most \(Self.plural(limit, "item")), found \(elements.count)", instance.location)
            return false
        case .uniqueItems:
            guard case .array(let elements) = instance.value, elements.count > 1 else { return true }
            for second in 1..<elements.count {
                for first in 0..<second where elements[first].value.isJSONEqual(to: elements[second].value) {
                    report(index, "uniqueItems", "must not contain duplicates: items \(first) and \(second) are equal", instance.location)
                    return false
                }
            }
            return true
        case .minProperties(let limit):
            guard case .object(let object) = instance.value, object.count < limit else { return true }
            report(index, "minProperties", "must have at least \(Self.plural(limit, "key")), found \(object.count)", instance.location)
            return false
        case .maxProperties(let limit):
            guard case .object(let object) = instance.value, object.count > limit else { return true }
            report(index, "maxProperties", "must have at most \(Self.plural(limit, "key")), found \(object.count)", instance.location)
            return false
        case .required(let names):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for name in names where object.index(of: name) == nil {
                valid = false
                if !reporting { return false }
                report(index, "required", "missing required key '\(name)'", instance.location)
            }
            return valid
        case .dependentRequired(let entries):
            guard case .object(let object) = instance.value else { return true }
            var valid = true
            for (trigger, names) in entries where object.index(of: trigger) != nil {
                for name in names where object.index(of: name) == nil {
                    valid = false
                    if !reporting { return false }
                    report(index, keyword.name, "missing key '\(name)', required when '\(trigger)' is present", instance.location)
                }
            }
            return valid
        default:
            return applyApplicator(keyword, index, instance, &annotations)
        }
    }

    private mutating func checkBound(
        _ index: Int, _ name: String, _ value: JSONValue, _ bound: JSONValue, _ instance: JSONNode, _ symbol: String,
        _ accepts: (Int) -> Bool
    ) -> Bool {
        guard value.doubleValue != nil else { return true }
        if accepts(NumberComparison.compare(value, bound)) { return true }
        report(index, name, "must be \(symbol) \(ValueDescription.brief(bound)), found \(ValueDescription.brief(value))", instance.location)
        return false
    }

    static func isMultiple(_ value: JSONValue, of divisor: JSONValue) -> Bool {
        if case .integer(let a) = value, case .integer(let b) = divisor { return a % b == 0 }
        if let exact = ExactDecimal(value).isMultiple(of: ExactDecimal(divisor)) { return exact }
        let quotient = (value.doubleValue ?? 0) / (divisor.doubleValue ?? 1)
        return quotient.isFinite ? quotient == quotient.rounded() : false
    }

    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `an integer`, `a string or null`, `an object, an array or null`.
    static func typeList(_ mask: TypeMask) -> String {
        let names = (TypeMask.names.dropFirst() + TypeMask.names.prefix(1)).filter { mask.contains($0.1) }.map { name -> String in
            switch name.0 {
            case "null": "null"
            case "integer", "object", "array": "an \(name.0)"
            default: "a \(name.0)"
            }
        }
        guard names.count > 1 else { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
