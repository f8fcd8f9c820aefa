/// Counts the rows `WordWrap.wrap` gives a line, without building them: cheap enough to measure every
/// line of a document thousands of lines long. Feed a line's text one span at a time with `append`, then
/// take its row count with `finishLine()`; one measure serves any number of lines.
///
/// It replays `WordWrap`'s rules on widths alone, keeping only the pending token (a word or a run of
/// spaces), and reads most text as bytes (see `WrapMeasure+UTF8.swift`). `WrapMeasureTests` compares
/// the two on random text.
public struct WrapMeasure {
    public let width: Int

    /// Finished rows of the current line.
    private var rows = 0
    /// Characters in the row being filled (its indent included), and the cells they take.
    private var count = 0
    private var used = 0
    /// The hanging indent, in characters; settled when the line's second token starts.
    private var indent = 0
    /// Tokens started so far in the line.
    private(set) var tokens = 0
    /// The first token's length in characters when it is spaces starting with " ", else nil.
    private var leadingSpaces: Int?
    /// The pending token: spaces or a word, `pendingCount` characters taking `pendingWidth` cells.
    private(set) var inSpaces = false
    private(set) var pendingCount = 0
    private var pendingWidth = 0
    private var pendingStartsWithBlank = false
    /// Widths of the pending word's characters, kept only once one is not 1 cell wide.
    private var irregular: [UInt8] = []
    private(set) var isIrregular = false
    /// Whether the pending spaces follow a break, where `WordWrap` drops them.
    private var skipsSpaces = false

    public init(width: Int) { self.width = width }

    /// The rows of `line` at `width`: `WordWrap.wrap(line, width:).count`.
    public static func rows(of line: [Span], width: Int) -> Int {
        var measure = WrapMeasure(width: width)
        return measure.rows(of: line)
    }

    /// The rows of `line`, measured with this measure.
    public mutating func rows(of line: [Span]) -> Int {
        if line.reduce(0, { $0 + $1.text.utf8.count }) <= width { return 1 } // a cell takes at least a byte
        for span in line { append(span.text) }
        return finishLine()
    }

    /// The row count of the line appended so far; the measure is then ready for the next line.
    public mutating func finishLine() -> Int {
        endToken()
        let result = width > 0 ? rows + 1 : 1
        rows = 0; count = 0; used = 0; indent = 0; tokens = 0; leadingSpaces = nil
        return result
    }

    /// One character of `itemWidth` cells.
    mutating func add(width itemWidth: Int, isSpace: Bool, isBlank: Bool) {
        if pendingCount > 0, isSpace != inSpaces { endToken() }
        if pendingCount == 0 { startToken(spaces: isSpace, blank: isBlank) }
        if inSpaces {
            if !skipsSpaces, used + itemWidth <= width {
                count += 1
                used += itemWidth
            }
        } else if isIrregular || itemWidth != 1 {
            if !isIrregular {
                irregular.append(contentsOf: repeatElement(1, count: pendingCount))
                isIrregular = true
            }
            irregular.append(UInt8(itemWidth))
        }
        pendingCount += 1
        pendingWidth += itemWidth
    }

    /// `length` characters of one cell each, none a space.
    mutating func addWord(length: Int) {
        if pendingCount > 0, inSpaces { endToken() }
        if pendingCount == 0 { startToken(spaces: false, blank: false) }
        if isIrregular { irregular.append(contentsOf: repeatElement(1, count: length)) }
        pendingCount += length
        pendingWidth += length
    }

    /// A token starts: the indent is settled by the second one; spaces right after a break are dropped.
    private mutating func startToken(spaces: Bool, blank: Bool) {
        inSpaces = spaces
        pendingStartsWithBlank = blank
        tokens += 1
        if tokens == 2, let spaces = leadingSpaces, spaces <= width / 2 { indent = spaces }
        skipsSpaces = spaces && count == indent && rows > 0
    }

    /// The pending token ends: spaces are already placed; a word is placed now (breaking before it, or
    /// inside it when it is longer than a row).
    mutating func endToken() {
        defer {
            pendingCount = 0
            pendingWidth = 0
            if isIrregular { irregular.removeAll(keepingCapacity: true); isIrregular = false }
        }
        guard pendingCount > 0 else { return }
        if tokens == 1 { leadingSpaces = inSpaces && pendingStartsWithBlank ? pendingCount : nil }
        guard !inSpaces else { return }
        placeWord(length: pendingCount, width: pendingWidth, widths: isIrregular ? irregular : nil)
    }

    /// A word of `length` characters taking `wordWidth` cells; `widths` gives each character's when not all 1.
    private mutating func placeWord(length: Int, width wordWidth: Int, widths: [UInt8]?) {
        if used + wordWidth > width, canBreak { breakRow() }
        if used + wordWidth <= width {
            count += length
            used += wordWidth
            return
        }
        for index in 0..<length {
            let cells = widths.map { Int($0[index]) } ?? 1
            if used + cells > width, canBreak { breakRow() }
            count += 1
            used += cells
        }
    }

    /// Ends pending spaces and starts the word that `placePlain` begins with, settling the indent.
    mutating func startPlain() {
        endToken()
        if tokens < 2 {
            startToken(spaces: false, blank: false)
            tokens = 2 // the indent is settled: later tokens may go uncounted
        }
    }

    /// Places whole tokens of printable ASCII (`bytes[start..<end]`, starting with a word), row by row:
    /// it jumps to where the row is full and looks back for the word there, instead of reading every token.
    /// Needs `startPlain()` first; the tokens it places are not counted.
    mutating func placePlain(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        var position = start
        while position < end {
            if bytes[position] == 0x20 { // spaces: kept while they fit
                var next = position + 1
                while next < end, bytes[next] == 0x20 { next += 1 }
                if !(count == indent && rows > 0) {
                    let kept = min(next - position, max(0, width - used))
                    count += kept
                    used += kept
                }
                position = next
                continue
            }
            let room = width - used
            if room >= end - position { // the rest fits
                count += end - position
                used += end - position
                return
            }
            let full = position + max(0, room) // the first character that does not fit
            if full > position {
                if bytes[full] == 0x20 { // words up to there fit; the spaces from there on are dropped
                    count += full - position
                    used += full - position
                    position = full
                    continue
                }
                var wordStart = full
                while wordStart > position, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
                count += wordStart - position // the tokens before the word that does not fit
                used += wordStart - position
                position = wordStart
            }
            var wordEnd = position + 1
            while wordEnd < end, bytes[wordEnd] != 0x20 { wordEnd += 1 }
            placeWord(length: wordEnd - position, width: wordEnd - position, widths: nil)
            position = wordEnd
        }
    }

    /// `WordWrap`'s condition for breaking: the row holds more than its indent (or is the first row).
    private var canBreak: Bool { count > indent || rows == 0 && count > 0 }

    private mutating func breakRow() {
        rows += 1
        count = indent
        used = indent
    }
}
