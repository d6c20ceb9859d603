/// Internationalised host names (IDNA2008, RFC 5890-5893): label syntax, the RFC 5892 exceptions and
/// contextual rules, and the Bidi rule. Code point classes are approximated from Unicode properties.
enum IDNHostname {
    static let separators: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]

    static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        let labels = scalars.split(omittingEmptySubsequences: false) { separators.contains($0) }
        var uLabels: [[Unicode.Scalar]] = []
        var asciiLength = labels.count - 1
        for label in labels {
            guard !label.isEmpty else { return false }
            let lower = String(String.UnicodeScalarView(label)).lowercased()
            if label.allSatisfy(\.isASCII) {
                guard label.count <= 63 else { return false }
                asciiLength += label.count
                if lower.hasPrefix("xn--") {
                    guard let decoded = decodeALabel(lower) else { return false }
                    uLabels.append(decoded)
                } else {
                    guard isLDH(Array(label)) else { return false }
                    uLabels.append(Array(label))
                }
            } else {
                let aLabel = "xn--" + Punycode.encode(Array(label))
                guard aLabel.count <= 63 else { return false }
                asciiLength += aLabel.count
                uLabels.append(Array(label))
            }
        }
        guard asciiLength <= 253 else { return false }
        guard uLabels.allSatisfy(isValidULabel) else { return false }
        return passesBidiRule(uLabels)
    }

    /// Whether an `xn--` label decodes to a valid, canonical U-label.
    static func isValidALabel(_ label: String) -> Bool {
        guard let decoded = decodeALabel(label.lowercased()) else { return false }
        return isValidULabel(decoded) && passesBidiRule([decoded])
    }

    private static func decodeALabel(_ lower: String) -> [Unicode.Scalar]? {
        let encoded = String(lower.dropFirst(4))
        guard let decoded = Punycode.decode(encoded), !decoded.allSatisfy(\.isASCII),
              Punycode.encode(decoded) == encoded else { return nil }
        return decoded
    }

    private static func isLDH(_ label: [Unicode.Scalar]) -> Bool {
        guard label.first != "-", label.last != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        return label.allSatisfy { ASCIIClass.isAlphanumeric($0) || $0 == "-" }
    }

    static func isValidULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, label.last != "-", first != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        if isMark(first) { return false }
        let hasArabicIndic = label.contains { (0x660...0x669).contains($0.value) }
        let hasExtended = label.contains { (0x6F0...0x6F9).contains($0.value) }
        if hasArabicIndic && hasExtended { return false }
        for (index, scalar) in label.enumerated() {
            let before = index > 0 ? label[index - 1] : nil
            let after = index + 1 < label.count ? label[index + 1] : nil
            switch scalar.value {
            case 0xDF, 0x3C2, 0x6FD, 0x6FE, 0xF0B, 0x3007: continue
            case 0x640, 0x7FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return false
            case 0xB7: if before != "l" || after != "l" { return false }
            case 0x375: if after.map(isGreek) != true { return false }
            case 0x5F3, 0x5F4: if before.map(isHebrew) != true { return false }
            case 0x30FB:
                if !label.contains(where: { $0.value != 0x30FB && (isKana($0) || isHan($0)) }) { return false }
            case 0x200D: if before?.properties.canonicalCombiningClass.rawValue != 9 { return false }
            case 0x200C:
                if before?.properties.canonicalCombiningClass.rawValue == 9 { continue }
                if !zeroWidthNonJoinerJoins(label, index) { return false }
            default:
                if !isPermitted(scalar) { return false }
            }
        }
        return true
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isPermitted(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ASCIIClass.isAlphanumeric(scalar) || scalar == "-" }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber: return true
        default: return false
        }
    }

    private static func isGreek(_ s: Unicode.Scalar) -> Bool { (0x370...0x3FF).contains(s.value) || (0x1F00...0x1FFF).contains(s.value) }
    private static func isHebrew(_ s: Unicode.Scalar) -> Bool { (0x590...0x5FF).contains(s.value) }
    private static func isKana(_ s: Unicode.Scalar) -> Bool { (0x3040...0x30FF).contains(s.value) || (0x31F0...0x31FF).contains(s.value) }
    private static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value) || (0x20000...0x3FFFF).contains(s.value)
    }

    /// RFC 5892 appendix A.1: `(L|D) T* ZWNJ T* (R|D)` by joining type (Arabic-script letters join both ways).
    private static func zeroWidthNonJoinerJoins(_ label: [Unicode.Scalar], _ index: Int) -> Bool {
        func joins(_ scalar: Unicode.Scalar) -> Bool { isArabicLike(scalar) && !isMark(scalar) && scalar.properties.isAlphabetic }
        var left = index - 1
        while left >= 0, isMark(label[left]) { left -= 1 }
        var right = index + 1
        while right < label.count, isMark(label[right]) { right += 1 }
        return left >= 0 && right < label.count && joins(label[left]) && joins(label[right])
    }

    private static func isArabicLike(_ s: Unicode.Scalar) -> Bool {
        (0x600...0x6FF).contains(s.value) || (0x700...0x74F).contains(s.value) || (0x750...0x77F).contains(s.value)
            || (0x8A0...0x8FF).contains(s.value) || (0xFB50...0xFDFF).contains(s.value) || (0xFE70...0xFEFF).contains(s.value)
    }

    private enum BidiClass { case l, r, al, an, en, nsm, other }

    private static func bidiClass(_ s: Unicode.Scalar) -> BidiClass {
        if (0x30...0x39).contains(s.value) || (0x6F0...0x6F9).contains(s.value) { return .en }
        if (0x660...0x669).contains(s.value) || s.value == 0x66B || s.value == 0x66C { return .an }
        if isMark(s) && s.properties.generalCategory != .spacingMark { return .nsm }
        if isHebrew(s) || (0x7C0...0x7FF).contains(s.value) || (0xFB1D...0xFB4F).contains(s.value) { return .r }
        if isArabicLike(s) { return .al }
        if s.properties.isAlphabetic || s.properties.generalCategory == .spacingMark { return .l }
        return .other
    }

    /// RFC 5893: applies when any label has right-to-left characters.
    static func passesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let isBidiDomain = labels.contains { $0.contains { [.r, .al, .an].contains(bidiClass($0)) } }
        guard isBidiDomain else { return true }
        for label in labels {
            let classes = label.map(bidiClass)
            guard let first = classes.first else { return false }
            let trimmed = classes.reversed().drop { $0 == .nsm }
            guard let last = trimmed.first else { return false }
            switch first {
            case .r, .al:
                if classes.contains(.l) { return false }
                if ![.r, .al, .en, .an].contains(last) { return false }
                if classes.contains(.en) && classes.contains(.an) { return false }
            case .l:
                if classes.contains(where: { [.r, .al, .an].contains($0) }) { return false }
                if ![.l, .en].contains(last) { return false }
            default:
                return false
            }
        }
        return true
    }
}
