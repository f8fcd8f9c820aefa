import Foundation

/// A stored answer. Numbers are stored plain (no unit); the question carries the unit.
public enum AnswerValue: Hashable, Sendable, Codable {
    case text(String)
    case number(Double)
    case choice(String)
    case choices([String])
    case list([String])

    /// The answer as a number, when it is one.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The selected values of a choice or multi-choice answer, or a list's items.
    public var values: [String] {
        switch self {
        case .choice(let value): return [value]
        case .choices(let values), .list(let values): return values
        case .text(let text): return [text]
        case .number(let n): return [NumberFormat.plain(n)]
        }
    }

    /// True when the answer says nothing (empty text, no selection, empty list).
    public var isEmpty: Bool {
        switch self {
        case .text(let text): return text.trimmingCharacters(in: .whitespaces).isEmpty
        case .number: return false
        case .choice(let value): return value.isEmpty
        case .choices(let values), .list(let values): return values.isEmpty
        }
    }
}

/// Number formatting shared by the model, the design pane and the session file.
public enum NumberFormat {
    /// A figure as a count: rounded toward zero and held to ±`Int.max` (a `Double` beyond it, or not finite, would
    /// trap in `Int(_:)`); nan is 0.
    public static func count(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        if value >= 9.2e18 { return Int.max }
        if value <= -9.2e18 { return Int.min }
        return Int(value)
    }

    /// `1500` → "1500", `2.5` → "2.5": no trailing ".0", no exponent for ordinary sizes.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // 9.3e+18 and 1e-300, not 19 digits of noise or "0."
        if !value.isFinite || abs(value) >= 1e15 || abs(value) < 1e-6 { return String(value) }
        var text = String(value)
        if text.contains("e") { text = String(format: "%.6f", value) }
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `25000` → "25k", `1_200_000` → "1.2M": for figures shown to people.
    public static func compact(_ value: Double) -> String {
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
        for (size, suffix) in units where abs(value) >= size {
            return oneDecimal(value / size) + suffix
        }
        if value != 0, abs(value) < 0.95 {  // 0.023, not 0: a small figure is still a figure
            if abs(value) < 1e-12 { return plain(value) }  // 1e-300: its scale would overflow to inf (and inf / inf is nan)
            let scale = pow(10, 1 - floor(log10(abs(value))))
            return plain((value * scale).rounded() / scale)
        }
        return oneDecimal(value)
    }

    /// At most one decimal, none when it is zero.
    public static func oneDecimal(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return plain(rounded)
    }

    /// `1 instance`, `3 instances`: a count with its noun in the right number (`plural` when not just `noun` + s).
    public static func counted(_ value: Double, _ noun: String, plural: String? = nil) -> String {
        plain(value) + " " + (value == 1 ? noun : plural ?? noun + "s")
    }
}
