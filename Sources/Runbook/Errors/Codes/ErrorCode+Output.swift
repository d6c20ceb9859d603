/// `RB-OUT-…`: output files. Next free: RB-OUT-013.
extension ErrorCode {
    /// RB-OUT-001: A file cannot be written.
    public static let outputCannotWrite = ErrorCode(
        .output, 1, meaning: "A file cannot be written",
        fix: "Check that the folder exists and is writable and that the disk is not full")
    /// RB-OUT-002: A file cannot be read.
    public static let outputCannotRead = ErrorCode(
        .output, 2, meaning: "A file cannot be read",
        fix: "Check that the file exists and is readable")
    /// RB-OUT-003: An output file name would leave its folder or is not a plain name.
    public static let outputUnsafeName = ErrorCode(
        .output, 3, meaning: "An output file name would leave its folder or is not a plain name",
        fix: "Use a plain relative name inside the folder, without `..`, a leading `/` or NUL")
    /// RB-OUT-004: A file read back is not valid in its format.
    public static let outputInvalidContent = ErrorCode(
        .output, 4, meaning: "A file read back is not valid in its format",
        fix: "Fix the file, or regenerate it")
    /// RB-OUT-005: The data cannot be encoded in the file's format.
    public static let outputUnencodable = ErrorCode(
        .output, 5, meaning: "The data cannot be encoded in the file's format",
        fix: "Make every value encodable (no NaN or infinite numbers), or save in another format")
    /// RB-OUT-006: A compression level is out of range.
    public static let outputCompressionLevel = ErrorCode(
        .output, 6, meaning: "A compression level is out of range",
        fix: "Use a level from 0 (none) to 9 (best)")
    /// RB-OUT-007: The file name's extension does not fit the data being saved.
    public static let outputWrongFormat = ErrorCode(
        .output, 7, meaning: "The file name's extension does not fit the data being saved",
        fix: "Use the extension of the format, or the save method for that format")
    /// RB-OUT-008: An Excel sheet name is not allowed.
    public static let outputSheetName = ErrorCode(
        .output, 8, meaning: "An Excel sheet name is not allowed",
        fix: "Use a unique name of 1 to 31 characters without `/ \\ ? * [ ] :`")
    /// RB-OUT-009: A text is not a decimal number.
    public static let outputInvalidDecimal = ErrorCode(
        .output, 9, meaning: "A text is not a decimal number",
        fix: "Give digits with an optional leading '-' and an optional '.' and digits (no exponent, no separators)")
    /// RB-OUT-010: An Excel sheet would have more rows than Excel allows.
    public static let outputTooManyRows = ErrorCode(
        .output, 10, meaning: "An Excel sheet would have more rows than Excel allows",
        fix: "Split the data over several sheets, or write a CSV file")
    /// RB-OUT-011: A workbook has no sheets.
    public static let outputEmptyWorkbook = ErrorCode(
        .output, 11, meaning: "A workbook has no sheets",
        fix: "Add at least one sheet before the workbook is saved")
    /// RB-OUT-012: A CSV delimiter is not usable.
    public static let outputDelimiter = ErrorCode(
        .output, 12, meaning: "A CSV delimiter is not usable",
        fix: "Use a single ASCII character other than a quote or a line break")
}
