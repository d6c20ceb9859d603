/// Turns the text of `\p{...}` into something a ``ScalarSetBuilder`` can hold.
///
/// Accepts what ECMA-262 accepts in `u` mode, case-sensitively: General_Category values (`L`, `Letter`,
/// `Lu`, `digit`, ...) alone or as `General_Category=`/`gc=`; `Script=`/`sc=` and
/// `Script_Extensions=`/`scx=` with a script name or alias; and the binary properties.
enum UnicodePropertyResolver {
    /// A resolved property: a test answered per scalar, or a fixed list of ranges.
    enum Resolved: Sendable {
        /// Answered by `Unicode.Scalar.Properties`.
        case test(UnicodePropertyTest)
        /// Flat closed ranges `[low0, high0, ...]`.
        case ranges([UInt32])
    }

    /// The property `text` names (`"L"`, `"Script=Greek"`), or nil when it is not a valid ECMA-262 property.
    static func resolve(_ text: String) -> Resolved? {
        if let equals = text.firstIndex(of: "=") {
            let name = String(text[..<equals])
            let value = String(text[text.index(after: equals)...])
            switch name {
            case "General_Category", "gc":
                return generalCategories[value].map { .test(.generalCategory(mask: $0, negated: false)) }
            case "Script", "sc":
                return UnicodeScriptTable.ranges(ofScript: value, extensions: false).map { .ranges($0) }
            case "Script_Extensions", "scx":
                return UnicodeScriptTable.ranges(ofScript: value, extensions: true).map { .ranges($0) }
            default:
                return nil
            }
        }
        if let mask = generalCategories[text] { return .test(.generalCategory(mask: mask, negated: false)) }
        if let property = BinaryUnicodeProperty.named(text) { return .test(.binary(property, negated: false)) }
        switch text {
        case "ASCII": return .ranges([0, 0x7F])
        case "Any": return .ranges([0, 0x10FFFF])
        case "Assigned": return .test(.generalCategory(mask: GeneralCategoryMask.bit(.unassigned), negated: true))
        case "Regional_Indicator", "RI": return .ranges([0x1F1E6, 0x1F1FF])
        case "Emoji_Component", "EComp": return .ranges(UnicodeScriptTable.parse(UnicodeScriptTable.emojiComponent))
        case "Extended_Pictographic", "ExtPict":
            return .ranges(UnicodeScriptTable.parse(UnicodeScriptTable.extendedPictographic))
        default: return nil
        }
    }

    /// General_Category value names and aliases (PropertyValueAliases.txt) and their category masks.
    static let generalCategories: [String: UInt32] = {
        typealias G = GeneralCategoryMask
        let other = G.mask(.control, .format, .unassigned, .privateUse, .surrogate)
        let letter = G.mask(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter)
        let cased = G.mask(.uppercaseLetter, .lowercaseLetter, .titlecaseLetter)
        let mark = G.mask(.spacingMark, .enclosingMark, .nonspacingMark)
        let number = G.mask(.decimalNumber, .letterNumber, .otherNumber)
        let punctuation = G.mask(
            .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation,
            .initialPunctuation, .otherPunctuation, .openPunctuation)
        let symbol = G.mask(.currencySymbol, .modifierSymbol, .mathSymbol, .otherSymbol)
        let separator = G.mask(.lineSeparator, .paragraphSeparator, .spaceSeparator)
        let groups: [([String], UInt32)] = [
            (["C", "Other"], other), (["Cc", "Control", "cntrl"], G.bit(.control)),
            (["Cf", "Format"], G.bit(.format)), (["Cn", "Unassigned"], G.bit(.unassigned)),
            (["Co", "Private_Use"], G.bit(.privateUse)), (["Cs", "Surrogate"], G.bit(.surrogate)),
            (["L", "Letter"], letter), (["LC", "Cased_Letter"], cased),
            (["Ll", "Lowercase_Letter"], G.bit(.lowercaseLetter)), (["Lm", "Modifier_Letter"], G.bit(.modifierLetter)),
            (["Lo", "Other_Letter"], G.bit(.otherLetter)), (["Lt", "Titlecase_Letter"], G.bit(.titlecaseLetter)),
            (["Lu", "Uppercase_Letter"], G.bit(.uppercaseLetter)),
            (["M", "Mark", "Combining_Mark"], mark), (["Mc", "Spacing_Mark"], G.bit(.spacingMark)),
            (["Me", "Enclosing_Mark"], G.bit(.enclosingMark)), (["Mn", "Nonspacing_Mark"], G.bit(.nonspacingMark)),
            (["N", "Number"], number), (["Nd", "Decimal_Number", "digit"], G.bit(.decimalNumber)),
            (["Nl", "Letter_Number"], G.bit(.letterNumber)), (["No", "Other_Number"], G.bit(.otherNumber)),
            (["P", "Punctuation", "punct"], punctuation),
            (["Pc", "Connector_Punctuation"], G.bit(.connectorPunctuation)),
            (["Pd", "Dash_Punctuation"], G.bit(.dashPunctuation)),
            (["Pe", "Close_Punctuation"], G.bit(.closePunctuation)),
            (["Pf", "Final_Punctuation"], G.bit(.finalPunctuation)),
            (["Pi", "Initial_Punctuation"], G.bit(.initialPunctuation)),
            (["Po", "Other_Punctuation"], G.bit(.otherPunctuation)),
            (["Ps", "Open_Punctuation"], G.bit(.openPunctuation)),
            (["S", "Symbol"], symbol), (["Sc", "Currency_Symbol"], G.bit(.currencySymbol)),
            (["Sk", "Modifier_Symbol"], G.bit(.modifierSymbol)), (["Sm", "Math_Symbol"], G.bit(.mathSymbol)),
            (["So", "Other_Symbol"], G.bit(.otherSymbol)),
            (["Z", "Separator"], separator), (["Zl", "Line_Separator"], G.bit(.lineSeparator)),
            (["Zp", "Paragraph_Separator"], G.bit(.paragraphSeparator)),
            (["Zs", "Space_Separator"], G.bit(.spaceSeparator)),
        ]
        var table: [String: UInt32] = [:]
        for (names, mask) in groups {
            for name in names { table[name] = mask }
        }
        return table
    }()
}
