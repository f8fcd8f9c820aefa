/// Byte classes for the exporters' fast paths over UTF-8: most names and texts are plain ASCII and need no work.
extension UInt8 {
    var isASCIILetter: Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) }
    var isASCIIDigit: Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) }
    var isASCIIAlphanumeric: Bool { isASCIILetter || isASCIIDigit }
}
