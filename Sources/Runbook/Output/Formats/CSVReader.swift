/// Parses RFC 4180 CSV/TSV text into rows of fields: quoted fields (with doubled quotes and
/// embedded line breaks), CRLF or LF line ends, an optional UTF-8 byte-order mark.
struct CSVReader {
    let delimiter: UInt8

    enum Problem: Error, Equatable {
        /// A quoted field is not closed; the line where it starts.
        case unterminatedQuote(line: Int)
        /// A character follows a closing quote; the line.
        case textAfterQuote(line: Int)
    }

    func rows(_ bytes: [UInt8]) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        var atRowStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 34, field.isEmpty {
                let quoteLine = line
                index += 1
                var closed = false
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == 34 {
                        if index + 1 < bytes.count, bytes[index + 1] == 34 {
                            field.append(34)
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    if inner == 10 { line += 1 }
                    field.append(inner)
                    index += 1
                }
                guard closed else { throw Problem.unterminatedQuote(line: quoteLine) }
                if index < bytes.count, ![delimiter, 10, 13].contains(bytes[index]) {
                    throw Problem.textAfterQuote(line: line)
                }
                atRowStart = false
                continue
            }
            if byte == delimiter {
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                atRowStart = false
            } else if byte == 10 || byte == 13 {
                if byte == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                row.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                rows.append(row)
                row = []
                atRowStart = true
                line += 1
            } else {
                field.append(byte)
                atRowStart = false
            }
            index += 1
        }
        if !atRowStart || !field.isEmpty || !row.isEmpty {
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
        }
        return rows
    }
}
