/// The ECMA-262 binary Unicode properties that `Unicode.Scalar.Properties` answers directly.
///
/// Properties Swift does not expose (`ASCII`, `Any`, `Assigned`, `Emoji_Component`, `Extended_Pictographic`,
/// `Regional_Indicator`) are resolved to ranges or category masks by ``UnicodePropertyResolver``.
enum BinaryUnicodeProperty: String, Sendable, CaseIterable {
    case alphabetic = "Alphabetic", asciiHexDigit = "ASCII_Hex_Digit", bidiControl = "Bidi_Control"
    case bidiMirrored = "Bidi_Mirrored", caseIgnorable = "Case_Ignorable", cased = "Cased"
    case changesWhenCasefolded = "Changes_When_Casefolded", changesWhenCasemapped = "Changes_When_Casemapped"
    case changesWhenLowercased = "Changes_When_Lowercased"
    case changesWhenNFKCCasefolded = "Changes_When_NFKC_Casefolded"
    case changesWhenTitlecased = "Changes_When_Titlecased", changesWhenUppercased = "Changes_When_Uppercased"
    case dash = "Dash", defaultIgnorableCodePoint = "Default_Ignorable_Code_Point", deprecated = "Deprecated"
    case diacritic = "Diacritic", emoji = "Emoji", emojiModifier = "Emoji_Modifier"
    case emojiModifierBase = "Emoji_Modifier_Base", emojiPresentation = "Emoji_Presentation"
    case extender = "Extender", graphemeBase = "Grapheme_Base", graphemeExtend = "Grapheme_Extend"
    case hexDigit = "Hex_Digit", idsBinaryOperator = "IDS_Binary_Operator"
    case idsTrinaryOperator = "IDS_Trinary_Operator", idContinue = "ID_Continue", idStart = "ID_Start"
    case ideographic = "Ideographic", joinControl = "Join_Control"
    case logicalOrderException = "Logical_Order_Exception", lowercase = "Lowercase", math = "Math"
    case noncharacterCodePoint = "Noncharacter_Code_Point", patternSyntax = "Pattern_Syntax"
    case patternWhiteSpace = "Pattern_White_Space", quotationMark = "Quotation_Mark", radical = "Radical"
    case sentenceTerminal = "Sentence_Terminal", softDotted = "Soft_Dotted"
    case terminalPunctuation = "Terminal_Punctuation", unifiedIdeograph = "Unified_Ideograph"
    case uppercase = "Uppercase", variationSelector = "Variation_Selector", whiteSpace = "White_Space"
    case xidContinue = "XID_Continue", xidStart = "XID_Start"

    /// The short aliases ECMA-262 accepts besides the canonical names.
    static let aliases: [String: BinaryUnicodeProperty] = [
        "Alpha": .alphabetic, "AHex": .asciiHexDigit, "Bidi_C": .bidiControl, "Bidi_M": .bidiMirrored,
        "CI": .caseIgnorable, "CWCF": .changesWhenCasefolded, "CWCM": .changesWhenCasemapped,
        "CWL": .changesWhenLowercased, "CWKCF": .changesWhenNFKCCasefolded, "CWT": .changesWhenTitlecased,
        "CWU": .changesWhenUppercased, "DI": .defaultIgnorableCodePoint, "Dep": .deprecated,
        "Dia": .diacritic, "EMod": .emojiModifier, "EBase": .emojiModifierBase, "EPres": .emojiPresentation,
        "Ext": .extender, "Gr_Base": .graphemeBase, "Gr_Ext": .graphemeExtend, "Hex": .hexDigit,
        "IDSB": .idsBinaryOperator, "IDST": .idsTrinaryOperator, "IDC": .idContinue, "IDS": .idStart,
        "Ideo": .ideographic, "Join_C": .joinControl, "LOE": .logicalOrderException, "Lower": .lowercase,
        "NChar": .noncharacterCodePoint, "Pat_Syn": .patternSyntax, "Pat_WS": .patternWhiteSpace,
        "QMark": .quotationMark, "STerm": .sentenceTerminal, "SD": .softDotted, "Term": .terminalPunctuation,
        "UIdeo": .unifiedIdeograph, "Upper": .uppercase, "VS": .variationSelector, "space": .whiteSpace,
        "XIDC": .xidContinue, "XIDS": .xidStart,
    ]

    /// The property named `name` (canonical name or alias, case-sensitive as ECMA-262 requires).
    static func named(_ name: String) -> BinaryUnicodeProperty? {
        BinaryUnicodeProperty(rawValue: name) ?? aliases[name]
    }

    /// Whether a scalar with `properties` has this property.
    func holds(for properties: Unicode.Scalar.Properties) -> Bool {
        switch self {
        case .alphabetic: properties.isAlphabetic
        case .asciiHexDigit: properties.isASCIIHexDigit
        case .bidiControl: properties.isBidiControl
        case .bidiMirrored: properties.isBidiMirrored
        case .caseIgnorable: properties.isCaseIgnorable
        case .cased: properties.isCased
        case .changesWhenCasefolded: properties.changesWhenCaseFolded
        case .changesWhenCasemapped: properties.changesWhenCaseMapped
        case .changesWhenLowercased: properties.changesWhenLowercased
        case .changesWhenNFKCCasefolded: properties.changesWhenNFKCCaseFolded
        case .changesWhenTitlecased: properties.changesWhenTitlecased
        case .changesWhenUppercased: properties.changesWhenUppercased
        case .dash: properties.isDash
        case .defaultIgnorableCodePoint: properties.isDefaultIgnorableCodePoint
        case .deprecated: properties.isDeprecated
        case .diacritic: properties.isDiacritic
        case .emoji: properties.isEmoji
        case .emojiModifier: properties.isEmojiModifier
        case .emojiModifierBase: properties.isEmojiModifierBase
        case .emojiPresentation: properties.isEmojiPresentation
        case .extender: properties.isExtender
        case .graphemeBase: properties.isGraphemeBase
        case .graphemeExtend: properties.isGraphemeExtend
        case .hexDigit: properties.isHexDigit
        case .idsBinaryOperator: properties.isIDSBinaryOperator
        case .idsTrinaryOperator: properties.isIDSTrinaryOperator
        case .idContinue: properties.isIDContinue
        case .idStart: properties.isIDStart
        case .ideographic: properties.isIdeographic
        case .joinControl: properties.isJoinControl
        case .logicalOrderException: properties.isLogicalOrderException
        case .lowercase: properties.isLowercase
        case .math: properties.isMath
        case .noncharacterCodePoint: properties.isNoncharacterCodePoint
        case .patternSyntax: properties.isPatternSyntax
        case .patternWhiteSpace: properties.isPatternWhitespace
        case .quotationMark: properties.isQuotationMark
        case .radical: properties.isRadical
        case .sentenceTerminal: properties.isSentenceTerminal
        case .softDotted: properties.isSoftDotted
        case .terminalPunctuation: properties.isTerminalPunctuation
        case .unifiedIdeograph: properties.isUnifiedIdeograph
        case .uppercase: properties.isUppercase
        case .variationSelector: properties.isVariationSelector
        case .whiteSpace: properties.isWhitespace
        case .xidContinue: properties.isXIDContinue
        case .xidStart: properties.isXIDStart
        }
    }
}
