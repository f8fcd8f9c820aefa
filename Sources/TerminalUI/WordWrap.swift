/// Breaks styled lines into rows no wider than a number of cells, at spaces where possible.
public enum WordWrap {
    /// The rows of `line` at `width` cells. An empty line gives one empty row; a word wider than
    /// `width` is cut by cells; spaces at a break are dropped. Rows after the first keep the line's
    /// leading indentation (a hanging indent), as long as that leaves half the width for text.
    public static func wrap(_ line: [Span], width: Int) -> [[Span]] {
        guard width > 0 else { return [[]] }
        // Most lines fit: a cell never takes fewer UTF-8 bytes than it is wide, so a line with no more bytes
        // than `width` fits without looking at a single character.
        if line.reduce(0, { $0 + $1.text.utf8.count }) <= width, !line.contains(where: { $0.text.contains("\n") }) {
            return [line]
        }
        let allTokens = tokens(line)
        var indent: [StyledCharacter] = []
        if let first = allTokens.first, first.first?.character == " ", first.count <= width / 2, allTokens.count > 1 {
            indent = first.map { _ in StyledCharacter(character: " ", style: .plain, width: 1) }
        }
        var rows: [[StyledCharacter]] = []
        var current: [StyledCharacter] = []
        var used = 0

        func breakRow() {
            while current.count > indent.count, current.last?.character == " " { current.removeLast() }
            rows.append(current)
            current = indent
            used = indent.count
        }

        for token in allTokens {
            let tokenWidth = token.reduce(0) { $0 + $1.width }
            if let first = token.first?.character, isSpace(first) {
                if current.count == indent.count && !rows.isEmpty { continue }
                for item in token where used + item.width <= width {
                    current.append(item)
                    used += item.width
                }
                continue
            }
            if used + tokenWidth > width, current.count > indent.count || rows.isEmpty && !current.isEmpty { breakRow() }
            for item in token {
                if used + item.width > width, current.count > indent.count || rows.isEmpty && !current.isEmpty { breakRow() }
                current.append(item)
                used += item.width
            }
        }
        while current.last?.character == " " { current.removeLast() }
        rows.append(current)
        return rows.map(spans)
    }

    /// Plain text wrapped to `width`, one string per row.
    public static func wrap(_ text: String, width: Int) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { wrap([Span(String($0))], width: width) }
            .map(\.plainText)
    }

    /// Spaces and tabs break lines; an ASCII check first, since this runs for every character wrapped.
    static func isSpace(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii == 0x20 || ascii == 0x09 }
        return character.isWhitespace
    }

    private struct StyledCharacter {
        var character: Character
        var style: Style
        var width: Int
    }

    /// Runs of spaces and runs of everything else, with their styles.
    private static func tokens(_ line: [Span]) -> [[StyledCharacter]] {
        var result: [[StyledCharacter]] = []
        for span in line {
            for character in span.text {
                let item = StyledCharacter(character: character, style: span.style, width: DisplayWidth.of(character))
                if let last = result.last?.last, isSpace(last.character) == isSpace(character) {
                    result[result.count - 1].append(item)
                } else {
                    result.append([item])
                }
            }
        }
        return result
    }

    private static func spans(_ row: [StyledCharacter]) -> [Span] {
        var result: [Span] = []
        for item in row {
            if let last = result.last, last.style == item.style {
                result[result.count - 1].text.append(item.character)
            } else {
                result.append(Span(String(item.character), item.style))
            }
        }
        return result
    }
}
