import Foundation

/// The cells each pane drew last, kept with the inputs they were drawn from (its key): a frame whose key for a pane
/// is unchanged copies those cells instead of drawing the pane again. Typing into an answer changes only the field,
/// so the method pane, the question list and the design pane cost a copy, not a layout.
///
/// A key must hold everything the pane's drawing reads; a test draws every frame of long key sequences both ways.
public final class PaneImages: @unchecked Sendable {
    private struct Image {
        /// Whether a key is the one the cells were drawn from.
        var isDrawn: (Any) -> Bool
        var rect: Rect
        var cells: [Cell]
        /// Where the pane put the cursor (a focused text field), if it did.
        var cursor: (x: Int, y: Int)?
    }

    private let lock = NSLock()
    private var images: [String: Image] = [:]
    private let keeps: Bool

    /// - Parameter keeping: false keeps nothing, so every pane is drawn every time (tests compare against it).
    public init(keeping: Bool = true) { keeps = keeping }

    /// Draws pane `name` into `rect` with `draw`, or copies what it drew last when `key` and `rect` are the same.
    public func draw<Key: Equatable>(_ name: String, key: Key, in rect: Rect, buffer: inout ScreenBuffer,
                                     _ draw: (inout ScreenBuffer) -> Void) {
        let area = rect.intersection(buffer.bounds)
        if let image = lock.withLock({ images[name] }), image.rect == area, !area.isEmpty, image.isDrawn(key) {
            buffer.paste(image.cells, in: area)
            if let cursor = image.cursor { buffer.cursor = cursor }
            return
        }
        let cursorBefore = buffer.cursor
        draw(&buffer)
        let cursor = buffer.cursor.flatMap { now in
            cursorBefore.map { $0.x == now.x && $0.y == now.y } == true ? nil : now
        }
        guard keeps else { return }
        let image = Image(isDrawn: { ($0 as? Key) == key }, rect: area, cells: buffer.cells(in: area), cursor: cursor)
        lock.withLock { images[name] = image }
    }
}

extension ScreenBuffer {
    /// The cells of `rect` (inside the buffer), row by row.
    public func cells(in rect: Rect) -> [Cell] {
        var copied: [Cell] = []
        copied.reserveCapacity(max(0, rect.width * rect.height))
        for row in rect.y..<rect.maxY {
            copied += cells[(row * size.width + rect.x)..<(row * size.width + rect.maxX)]
        }
        return copied
    }

    /// Puts back cells taken by `cells(in:)` from a rect of the same size.
    public mutating func paste(_ copied: [Cell], in rect: Rect) {
        guard copied.count == rect.width * rect.height else { return }
        for (index, row) in (rect.y..<rect.maxY).enumerated() {
            replaceCells(row * size.width + rect.x, with: copied[(index * rect.width)..<((index + 1) * rect.width)])
        }
    }
}
