import TerminalUI

/// Finds box pictures drawn wrong in lines of screen text. A box is `┌─…─┐` with `│ … │` below it at the
/// same columns and `└─…─┘` below that. A corner that belongs to no such box, a box with text in its
/// border, or two boxes sharing a cell, is a problem: that is what a picture wrapped or clipped by a
/// narrower pane looks like (`│ load-balancer │ │ CDN │` under a top border that broke elsewhere). A box cut
/// by the last line (the view scrolls on) is not a problem.
public enum BoxPictureCheck {
    /// Each problem as "row y, column x: what is wrong"; empty when every box is whole.
    /// - Parameter columns: only these cell columns of each line are looked at (a pane's inside).
    public static func problems(in lines: [String], columns: Range<Int>? = nil) -> [String] {
        let grid = lines.map { line -> [String] in
            let all = cells(line)
            guard let columns else { return all }
            return Array(all[min(columns.lowerBound, all.count)..<min(columns.upperBound, all.count)])
        }
        func at(_ x: Int, _ y: Int) -> String { grid.indices.contains(y) && grid[y].indices.contains(x) ? grid[y][x] : " " }
        var claimed: [Int: Set<Int>] = [:]
        var problems: [String] = []
        func claim(_ x: Int, _ y: Int) {
            if claimed[y, default: []].contains(x) { problems.append("row \(y), column \(x): two boxes share this cell") }
            claimed[y, default: []].insert(x)
        }
        for (y, row) in grid.enumerated() {
            for (x, cell) in row.enumerated() where cell == "┌" {
                var right = x + 1
                while at(right, y) == "─" { right += 1 }
                guard at(right, y) == "┐", right > x + 1 else {
                    problems.append("row \(y), column \(x): ┌ not closed by ─…┐ (found \(at(right, y)))")
                    continue
                }
                // A box whose lower rows fall below the last line is cut by the view's bottom edge (it scrolls),
                // not torn: what shows of it must still be whole.
                if y + 1 == grid.count || (y + 2 == grid.count && at(x, y + 1) == "│" && at(right, y + 1) == "│") {
                    for dy in 0..<(grid.count - y) {
                        for dx in x...right where dy == 0 || dx == x || dx == right { claim(dx, y + dy) }
                    }
                    continue
                }
                guard at(x, y + 1) == "│", at(right, y + 1) == "│" else {
                    problems.append("row \(y + 1), columns \(x)/\(right): the box's sides are not under its corners")
                    continue
                }
                let inside = (x + 1)..<right
                if let wrong = inside.first(where: { boxCharacters.contains(at($0, y + 1)) }) {
                    problems.append("row \(y + 1), column \(wrong): a border inside a box")
                }
                guard at(x, y + 2) == "└", at(right, y + 2) == "┘", inside.allSatisfy({ at($0, y + 2) == "─" }) else {
                    problems.append("row \(y + 2), columns \(x)…\(right): no └─…─┘ under the box")
                    continue
                }
                for dy in 0...2 {
                    for dx in x...right where dy != 1 || dx == x || dx == right { claim(dx, y + dy) }
                }
            }
        }
        for (y, row) in grid.enumerated() {
            for (x, cell) in row.enumerated() where corners.contains(cell) && !claimed[y, default: []].contains(x) {
                problems.append("row \(y), column \(x): a stray \(cell)")
            }
        }
        return problems
    }

    private static let corners: Set<String> = ["┌", "┐", "└", "┘"]
    private static let boxCharacters: Set<String> = ["┌", "┐", "└", "┘", "│", "─"]

    /// A line as one string per cell; a wide character is followed by an empty cell.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        for character in line {
            cells.append(String(character))
            if DisplayWidth.of(String(character)) == 2 { cells.append("") }
        }
        return cells
    }
}
