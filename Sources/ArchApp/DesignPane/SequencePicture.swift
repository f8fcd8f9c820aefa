import ArchModel
import TerminalUI

/// A flow drawn as a sequence diagram: the participants as column headers with a lifeline under each,
/// and one arrow per message, its text on the row above. A call is `──▶`, an asynchronous message
/// `──▷`, a reply dashed `◀╌╌`. Laid out for a width; `lines` is nil when the participants do not fit
/// (the tab then lists the messages instead).
///
/// ```
///     Client      api-gateway     Orders
///       │              │             │
///       │ POST /v1/orders            │
///       │─────────────▶│             │
///       │              │ POST /v1/orders (authenticated)
///       │              │────────────▶│
///       │              │ 201 Created │
///       │              │◀╌╌╌╌╌╌╌╌╌╌╌╌│
/// ```
struct SequencePicture {
    let diagram: SequenceDiagram
    let width: Int

    /// Fewest cells from one lifeline to the next: a name of 9 cells, an arrow of 8.
    static let minimumColumn = 10
    /// Most cells from one lifeline to the next, so a wide pane does not stretch a small flow.
    static let maximumColumn = 30
    /// What the arrows mean, shown above the diagrams: one line, or one per arrow when that does not fit.
    static func legend(width: Int) -> DesignItem {
        let parts = ["──▶ call", "──▷ asynchronous message", "◀╌╌ reply"]
        let line = parts.joined(separator: "   ")
        let lines = DisplayWidth.of(line) <= width ? [line] : parts
        return DesignItem(title: "legend", lines: lines.map { [Span($0, DesignStyle.note)] } + [[]], trace: nil)
    }

    private static let lifelineStyle = DesignStyle.note
    private static let arrowStyle = Style(foreground: .cyan)

    /// The header, the lifelines and two rows per message; nil when the participants do not fit the width.
    var lines: [[Span]]? {
        let names = participants
        guard !names.isEmpty, !diagram.messages.isEmpty else { return nil }
        let column = min(Self.maximumColumn, width / names.count)
        guard column >= Self.minimumColumn else { return nil }
        let lifelines = names.indices.map { column / 2 + $0 * column }
        let position = Dictionary(names.enumerated().map { ($0.element, lifelines[$0.offset]) }, uniquingKeysWith: { first, _ in first })
        let blank = Canvas(width: width, lifelines: lifelines)

        var header = Canvas(width: width, lifelines: [])
        // Cut names keep their ends when cutting the end would make two headers alike (`Lending service` and
        // `Lending DB` as `Lend…vice` and `Lending DB`, not `Lending…` twice).
        let cut = names.map { DisplayWidth.truncate($0, to: column - 1) }
        let clash = Set(cut.filter { text in cut.filter { $0 == text }.count > 1 })
        for (index, (name, x)) in zip(names, lifelines).enumerated() {
            let shown = clash.contains(cut[index]) ? Self.middleCut(name, to: column - 1) : cut[index]
            header.put(shown, at: x - DisplayWidth.of(shown) / 2, style: .bold)
        }
        var rows = [header.spans, blank.spans]
        for message in diagram.messages {
            guard let from = position[message.from], let to = position[message.to] else { return nil }
            var label = blank, arrow = blank
            let left = min(from, to), right = max(from, to)
            if from == to {
                label.put(DisplayWidth.truncate("↺ " + message.text, to: width - left - 2), at: left + 2, style: .plain)
                rows.append(label.spans)
                continue
            }
            label.put(DisplayWidth.truncate(message.text, to: width - left - 2), at: left + 2, style: .plain)
            let line: Character = message.isReply ? "╌" : "─"
            for x in (left + 1)..<right { arrow.put(String(line), at: x, style: Self.arrowStyle) }
            let head = from < to ? (message.isAsync ? "▷" : "▶") : (message.isAsync ? "◁" : "◀")
            arrow.put(head, at: from < to ? right - 1 : left + 1, style: Self.arrowStyle)
            rows += [label.spans, arrow.spans]
        }
        rows.append(blank.spans)
        return rows
    }

    /// The diagram's participants, and any a message names that the list left out, in order of appearance.
    private var participants: [String] {
        var names: [String] = []
        for name in diagram.participants + diagram.messages.flatMap({ [$0.from, $0.to] }) where !names.contains(name) {
            names.append(name)
        }
        return names
    }
}

/// One row of a picture as cells, so wide characters and lines crossing a lifeline land in the right column.
private struct Canvas {
    /// Each cell's grapheme ("" behind a wide one) and style.
    private var cells: [(text: String, style: Style)]

    init(width: Int, lifelines: [Int]) {
        cells = Array(repeating: (" ", .plain), count: max(0, width))
        for x in lifelines { put("│", at: x, style: DesignStyle.note) }
    }

    /// Writes `text` from column `x`, dropping what falls outside the row.
    mutating func put(_ text: String, at x: Int, style: Style) {
        var column = max(0, x)
        for character in text {
            let cellWidth = max(1, DisplayWidth.of(String(character)))
            guard column + cellWidth <= cells.count else { break }
            if cells[column].text.isEmpty, column > 0 { cells[column - 1] = (" ", cells[column - 1].style) }
            if column + cellWidth < cells.count, cells[column + cellWidth].text.isEmpty { cells[column + cellWidth] = (" ", .plain) }
            cells[column] = (String(character), style)
            if cellWidth == 2 { cells[column + 1] = ("", style) }
            column += cellWidth
        }
    }

    /// The row as spans of equal style, trailing blanks dropped.
    var spans: [Span] {
        var end = cells.count
        while end > 0, cells[end - 1].text == " " { end -= 1 }
        var spans: [Span] = []
        for cell in cells[..<end] where !cell.text.isEmpty {
            if let last = spans.last, last.style == cell.style {
                spans[spans.count - 1] = Span(last.text + cell.text, last.style)
            } else {
                spans.append(Span(cell.text, cell.style))
            }
        }
        return spans
    }
}

extension SequencePicture {
    /// `name` cut in the middle to `width` cells: its start and end with `…` between.
    static func middleCut(_ name: String, to width: Int) -> String {
        guard DisplayWidth.of(name) > width, width >= 3 else { return DisplayWidth.truncate(name, to: width) }
        let characters = Array(name)
        let tail = (width - 1) / 2, head = width - 1 - tail
        let start = DisplayWidth.prefix(String(characters), fitting: head)
        var end = ""
        for character in characters.reversed() {
            guard DisplayWidth.of(String(character) + end) <= tail else { break }
            end = String(character) + end
        }
        return start + "…" + end
    }
}
