import TerminalUI

/// A design tab's items, made one at a time. The pane measures every item (it needs the total and where
/// each item starts) but styles and wraps only those on screen, so a tab of thousands opens at once.
protocol DesignItemList: Sendable {
    var count: Int { get }
    func item(_ index: Int) -> DesignItem
    /// Whether item `index` has a trace (can be selected and explained), without making it.
    func isSelectable(_ index: Int) -> Bool
    /// Adds the rows item `index` takes when wrapped at the tally's width.
    func measure(_ index: Int, into tally: inout RowTally)
    /// Whether item `index` heads the items after it (see `DesignItem.isHeading`), without making it.
    func isHeading(_ index: Int) -> Bool
    /// The design element item `index` shows, without making it.
    func id(_ index: Int) -> DesignItemID?
    /// Writes the text of item `index` that a filter searches.
    func search(_ index: Int, into text: inout SearchText)
}

extension DesignItemList {
    var all: [DesignItem] { (0..<count).map(item) }

    func isHeading(_ index: Int) -> Bool { item(index).isHeading }
    func id(_ index: Int) -> DesignItemID? { item(index).id }
    func search(_ index: Int, into text: inout SearchText) { text.add(item(index)) }
}

/// Items made in advance: for the tabs small enough that making them costs less than a frame.
struct BuiltItems: DesignItemList {
    let items: [DesignItem]

    var count: Int { items.count }
    func item(_ index: Int) -> DesignItem { items[index] }
    func isSelectable(_ index: Int) -> Bool { items[index].isSelectable }
    func isHeading(_ index: Int) -> Bool { items[index].isHeading }
    func id(_ index: Int) -> DesignItemID? { items[index].id }

    func measure(_ index: Int, into tally: inout RowTally) { tally.add(items[index]) }
    func search(_ index: Int, into text: inout SearchText) { text.add(items[index]) }
}

/// Where a large tab writes an item's lines, a piece at a time: kept as spans (`SpanLines`) or only
/// measured (`RowTally`), so one function describes an item for both, and measuring makes no spans.
protocol LineSink {
    /// Adds `text` in `style` to the line being written, in one span with the text before it when that
    /// has the same style.
    mutating func add(_ text: String, _ style: Style)
    /// Ends the line being written (an empty line when nothing was added).
    mutating func endLine()
    /// Adds each line of `text` (split at line feeds) after `indent`, all in `style`, as lines of their own.
    mutating func add(block text: String, indent: String, style: Style)
}

extension LineSink {
    mutating func add(_ text: String) { add(text, .plain) }
}

/// Keeps the lines, to show them.
struct SpanLines: LineSink {
    private(set) var lines: [[Span]] = []
    private var line: [Span] = []

    mutating func add(_ text: String, _ style: Style) {
        if let last = line.last, last.style == style {
            line[line.count - 1].text += text
        } else {
            line.append(Span(text, style))
        }
    }

    mutating func endLine() {
        lines.append(line)
        line = []
    }

    mutating func add(block text: String, indent: String, style: Style) {
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { [Span(indent + $0, style)] }
    }
}

/// Counts the lines' wrapped rows without keeping them; `rows` is the running total.
struct RowTally: LineSink {
    private var measure: WrapMeasure
    private(set) var rows = 0
    /// The line being written, as UTF-8, with the offset where each of its spans but the last ends.
    private var line: [UInt8] = []
    private var spanEnds: [Int] = []
    private var style: Style?

    init(width: Int) { measure = WrapMeasure(width: width) }

    mutating func add(_ piece: String, _ style: Style) {
        if let last = self.style, last != style { spanEnds.append(line.count) }
        self.style = style
        line.append(contentsOf: piece.utf8)
    }

    mutating func endLine() {
        defer {
            line.removeAll(keepingCapacity: true)
            spanEnds.removeAll(keepingCapacity: true)
            style = nil
        }
        guard line.count > measure.width else { // a cell takes at least a byte
            rows += 1
            return
        }
        let (line, spanEnds) = (line, spanEnds)
        line.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in spanEnds {
                measure.append(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
            measure.append(utf8: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        rows += measure.finishLine()
    }

    mutating func add(block text: String, indent: String, style: Style) {
        rows += measure.rows(ofLines: text, indent: indent)
    }

    /// Adds an item made in advance, its spans as they are.
    mutating func add(_ item: DesignItem) {
        for line in item.lines { rows += measure.rows(of: line) }
    }
}
