/// Maps a position inside a YAML scalar's value back to the file, so an error in a `when:` condition or a
/// template points at the very column. Works for plain, quoted, folded and literal scalars alike by matching
/// the value's non-blank characters, in order, against the file text from the scalar's start.
struct SourcePosition {
    private let lines: [[Unicode.Scalar]]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// File line and column (from 1) of `offset` in `value`, a scalar that starts at `line:column`.
    func locate(offset: Int, in value: String, line: Int, column: Int) -> (line: Int, column: Int) {
        let scalars = Array(value.unicodeScalars)
        var cursor = (line: line - 1, column: column - 1)
        var after = cursor
        for index in 0..<min(offset + 1, scalars.count) where !scalars[index].properties.isWhitespace {
            guard let found = find(scalars[index], from: cursor) else { return (line, column) }
            if index == offset { return (found.line + 1, found.column + 1) }
            cursor = (found.line, found.column + 1)
            after = cursor
        }
        return (after.line + 1, after.column + 1)
    }

    private func find(_ scalar: Unicode.Scalar, from start: (line: Int, column: Int)) -> (line: Int, column: Int)? {
        var (line, column) = start
        while line < lines.count {
            while column < lines[line].count {
                if lines[line][column] == scalar { return (line, column) }
                column += 1
            }
            line += 1
            column = 0
        }
        return nil
    }
}
