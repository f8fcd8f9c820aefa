/// An in-memory grid of cells that widgets draw into; the runtime diffs two of them to update the terminal.
public struct ScreenBuffer: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be after drawing, or nil to hide it.
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY = 0

    public init(size: Size, filling cell: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: cell, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(size: size) }

    /// Blank again at `size`, reusing the cells' storage when the size is the same (a frame drawn into last frame
    /// but one's buffer allocates nothing).
    public mutating func reset(size newSize: Size) {
        cursor = nil
        guard newSize == size else { return self = ScreenBuffer(size: newSize) }
        cells.withUnsafeMutableBufferPointer { $0.update(repeating: .blank) }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// Writes `text` from (x, y), clipped to `clip` (the whole buffer by default). Returns the cells used.
    @discardableResult
    public mutating func write(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? bounds).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return 0 }
        if let written = writePrintableASCII(text, x: x, y: y, style: style, area: area) { return written }
        var column = x
        for character in text {
            let width = DisplayWidth.of(character)
            if width == 0 { continue }
            if column + width > area.maxX { break }
            if column >= area.x {
                clearWide(at: column, y: y)
                self[column, y] = Cell(String(character), width: width, style: style)
                if width == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = .continuation(style: style)
                }
            }
            column += width
        }
        return column - x
    }

    /// The one-byte strings of printable ASCII, so a cell of it costs no grapheme breaking and no allocation.
    private static let printableASCII: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

    /// `write` for text of printable ASCII only (most of what is drawn: one cell per byte); nil for other text.
    private mutating func writePrintableASCII(_ text: some StringProtocol, x: Int, y: Int, style: Style, area: Rect) -> Int? {
        let utf8 = text.utf8
        let isPlain = utf8.withContiguousStorageIfAvailable { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
            ?? utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        guard isPlain else { return nil }
        var column = x
        for byte in utf8 {
            if column + 1 > area.maxX { break }
            if column >= area.x {
                clearWide(at: column, y: y)
                cells[y * size.width + column] = Cell(Self.printableASCII[Int(byte) - 0x20], width: 1, style: style)
            }
            column += 1
        }
        return column - x
    }

    /// Overwrites the cells from index `start` on with `new` (`PaneImages` putting a pane back).
    mutating func replaceCells(_ start: Int, with new: ArraySlice<Cell>) {
        cells.withUnsafeMutableBufferPointer { cells in
            for (offset, cell) in zip(start..., new) { cells[offset] = cell }
        }
    }

    /// Paints every cell of `rect` with a blank of `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(String(character), width: 1, style: style)
        for row in area.y..<area.maxY {
            let start = row * size.width
            for column in area.x..<area.maxX { cells[start + column] = cell }
        }
        // A wide grapheme just left of the area lost its right half; a continuation just right lost its left.
        for row in area.y..<area.maxY {
            if area.x > 0, self[area.x - 1, row].width == 2 { blank(x: area.x - 1, y: row) }
            if area.maxX < size.width, self[area.maxX, row].isContinuation { blank(x: area.maxX, y: row) }
        }
    }

    /// Changes the style of the cells in `rect` and keeps their text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for row in area.y..<area.maxY {
            for column in area.x..<area.maxX { change(&cells[row * size.width + column].style) }
        }
    }

    /// The text of each row, wide graphemes once, trailing spaces kept.
    public var lines: [String] {
        (0..<size.height).map { row in
            var line = ""
            for column in 0..<size.width {
                let cell = self[column, row]
                if !cell.isContinuation { line += cell.grapheme }
            }
            return line
        }
    }

    /// The rows as text with trailing spaces removed: what a test compares.
    public var trimmedLines: [String] {
        lines.map { line in
            var copy = line
            while copy.last == " " { copy.removeLast() }
            return copy
        }
    }

    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(cells)
    }

    /// Overwriting half of a wide grapheme blanks its other half, so no half-character is left behind.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", style: self[x - 1, y].style)
        } else if cell.width == 2, x + 1 < size.width {
            self[x + 1, y] = Cell(" ", style: cell.style)
        }
    }

    private mutating func blank(x: Int, y: Int) { self[x, y] = Cell(" ", style: self[x, y].style) }
}
