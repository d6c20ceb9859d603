/// RFC 3492 Punycode, for IDNA A-labels (`xn--…`).
enum Punycode {
    private static let base = 36, tmin = 1, tmax = 26, skew = 38, damp = 700

    private static func adapt(_ delta: Int, _ count: Int, _ first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tmin) * tmax) / 2 {
            delta /= base - tmin
            k += base
        }
        return k + (base - tmin + 1) * delta / (delta + skew)
    }

    private static func threshold(_ k: Int, _ bias: Int) -> Int {
        k <= bias ? tmin : (k >= bias + tmax ? tmax : k - bias)
    }

    /// Decodes the part after `xn--`; nil when malformed.
    static func decode(_ input: String) -> [Unicode.Scalar]? {
        let scalars = Array(input.unicodeScalars)
        guard scalars.allSatisfy(\.isASCII) else { return nil }
        var output: [UInt32] = []
        var position = 0
        if let delimiter = scalars.lastIndex(of: "-") {
            output = scalars[..<delimiter].map(\.value)
            position = delimiter + 1
        }
        var n = 128, i = 0, bias = 72
        while position < scalars.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < scalars.count else { return nil }
                let c = scalars[position].value
                position += 1
                let digit: Int
                switch c {
                case 0x61...0x7A: digit = Int(c - 0x61)
                case 0x41...0x5A: digit = Int(c - 0x41)
                case 0x30...0x39: digit = Int(c - 0x30) + 26
                default: return nil
                }
                let (product, o1) = digit.multipliedReportingOverflow(by: w)
                let (sum, o2) = i.addingReportingOverflow(product)
                guard !o1, !o2, sum < 0x11_0000 * 64 else { return nil }
                i = sum
                let t = threshold(k, bias)
                if digit < t { break }
                w *= base - t
                guard w < 0x11_0000 * 64 else { return nil }
                k += base
            }
            bias = adapt(i - oldI, output.count + 1, oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, Unicode.Scalar(UInt32(n)) != nil else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        return output.compactMap(Unicode.Scalar.init)
    }

    /// Encodes scalars (the part after `xn--`).
    static func encode(_ input: [Unicode.Scalar]) -> String {
        let values = input.map { Int($0.value) }
        var output = values.filter { $0 < 128 }.map { Character(Unicode.Scalar(UInt8($0))) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append("-") }
        var n = 128, delta = 0, bias = 72
        func digit(_ d: Int) -> Character { Character(Unicode.Scalar(UInt8(d < 26 ? d + 0x61 : d - 26 + 0x30))) }
        while handled < values.count {
            let m = values.filter { $0 >= n }.min()!
            delta += (m - n) * (handled + 1)
            n = m
            for c in values {
                if c < n { delta += 1 }
                if c == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = threshold(k, bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta += 1
            n += 1
        }
        return String(output)
    }
}
