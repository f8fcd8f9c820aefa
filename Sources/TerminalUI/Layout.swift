/// Which way `Layout.split` cuts a rectangle.
public enum Direction: Hashable, Sendable {
    /// Side by side: the parts share the width.
    case horizontal
    /// Stacked: the parts share the height.
    case vertical
}

/// How much of the split axis one part wants.
public enum Constraint: Hashable, Sendable {
    /// Exactly `n` cells (less only when the rect is too small).
    case fixed(Int)
    /// `p` percent of the whole length, rounded down.
    case percent(Int)
    /// At least `n` cells; shares what is left (like `.fill(1)`) only when no part is `.fill`.
    case min(Int)
    /// A share of what is left after fixed, percent and min parts, proportional to `weight`.
    case fill(Int)
}

/// Splits rectangles into panes by constraints.
public enum Layout {
    /// Cuts `rect` along `direction` into one rect per constraint. Fixed, percent and min lengths are
    /// granted first, in order, while space lasts; lengths are never negative and always sum exactly to
    /// the rect's length (when no part can grow, the rest goes to the last part).
    public static func split(_ rect: Rect, _ direction: Direction, _ constraints: [Constraint]) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = direction == .horizontal ? rect.width : rect.height
        let lengths = distribute(total, constraints)
        var offset = 0
        return lengths.map { length in
            defer { offset += length }
            switch direction {
            case .horizontal: return Rect(x: rect.x + offset, y: rect.y, width: length, height: rect.height)
            case .vertical: return Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: length)
            }
        }
    }

    /// The length of each part; their sum is `total`.
    public static func distribute(_ total: Int, _ constraints: [Constraint]) -> [Int] {
        let total = max(0, total)
        // First pass: what each part asks for outright, granted in order while space lasts.
        var lengths = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n), .min(let n): return max(0, n)
            case .percent(let p): return total * min(100, max(0, p)) / 100
            case .fill: return 0
            }
        }
        var remaining = total
        for index in lengths.indices {
            lengths[index] = min(lengths[index], remaining)
            remaining -= lengths[index]
        }
        // Second pass: the rest by weight among `.fill` parts, or among `.min` parts when there is no fill.
        let hasFill = constraints.contains { if case .fill = $0 { return true } else { return false } }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let w): return max(0, w)
            case .min: return hasFill ? 0 : 1
            default: return 0
            }
        }
        let weightSum = weights.reduce(0, +)
        if remaining > 0 {
            if weightSum > 0 {
                var given = 0
                for index in lengths.indices where weights[index] > 0 {
                    let share = remaining * weights[index] / weightSum
                    lengths[index] += share
                    given += share
                }
                // Cells lost to rounding go one each to the first growable parts.
                var leftover = remaining - given
                for index in lengths.indices where weights[index] > 0 && leftover > 0 {
                    lengths[index] += 1
                    leftover -= 1
                }
            } else {
                lengths[lengths.count - 1] += remaining
            }
        }
        return lengths
    }
}
