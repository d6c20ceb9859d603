/// RFC 6570 URI templates.
extension FormatChecker {
    static func isURITemplate(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" {
                guard let close = scalars[index...].firstIndex(of: "}"), isExpression(scalars[(index + 1)..<close]) else { return false }
                index = close + 1
                continue
            }
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                      scalars[index + 2].properties.isASCIIHexDigit else { return false }
                index += 3
                continue
            }
            if scalar.value <= 0x20 || scalar.value == 0x7F || "\"%<>\\^`{|}".unicodeScalars.contains(scalar) { return false }
            index += 1
        }
        return true
    }

    private static func isExpression(_ body: ArraySlice<Unicode.Scalar>) -> Bool {
        var rest = body
        if let first = rest.first, "+#./;?&".unicodeScalars.contains(first) { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return false }
        for varspec in rest.split(separator: ",", omittingEmptySubsequences: false) {
            var name = varspec
            if varspec.last == "*" {
                name = varspec.dropLast()
            } else if let colon = varspec.firstIndex(of: ":") {
                let length = varspec[(colon + 1)...]
                guard (1...4).contains(length.count), length.first != "0",
                      length.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
                name = varspec[..<colon]
            }
            guard isVariableName(name) else { return false }
        }
        return true
    }

    private static func isVariableName(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !name.isEmpty, name.first != ".", name.last != "." else { return false }
        var index = name.startIndex
        var previousDot = false
        while index < name.endIndex {
            let scalar = name[index]
            if scalar == "%" {
                guard index + 2 < name.endIndex, name[index + 1].properties.isASCIIHexDigit,
                      name[index + 2].properties.isASCIIHexDigit else { return false }
                index += 3
                previousDot = false
                continue
            }
            if scalar == "." {
                if previousDot { return false }
                previousDot = true
            } else {
                guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" else { return false }
                previousDot = false
            }
            index += 1
        }
        return true
    }
}
