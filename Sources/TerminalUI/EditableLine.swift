/// One line of editable text with a cursor: the editing core shared by `TextFieldState` and `TextAreaState`.
public struct EditableLine: Hashable, Sendable {
    /// The graphemes of the line; the cursor sits before `characters[cursor]`.
    public private(set) var characters: [Character]
    /// Cursor position as a grapheme index, `0...characters.count`.
    public var cursor: Int {
        didSet { cursor = Swift.min(Swift.max(0, cursor), characters.count) }
    }

    public init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(text)
        self.cursor = Swift.min(Swift.max(0, cursor ?? characters.count), characters.count)
    }

    public var text: String { String(characters) }
    /// Cells from the start of the line to the cursor.
    public var cursorCell: Int { DisplayWidth.of(String(characters[..<cursor])) }

    /// Inserts a grapheme at the cursor. A combining mark joins the grapheme before it, as it would on paper.
    public mutating func insert(_ character: Character) {
        if isCombining(character), cursor > 0 {
            let joined = String(characters[cursor - 1]) + String(character)
            if joined.count == 1 {
                characters[cursor - 1] = Character(joined)
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Inserts text at the cursor.
    public mutating func insert(contentsOf text: String) { for c in text { insert(c) } }

    public mutating func moveLeft() { cursor -= 1 }
    public mutating func moveRight() { cursor += 1 }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Deletes the grapheme before the cursor; false when at the start.
    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        characters.remove(at: cursor - 1)
        cursor -= 1
        return true
    }

    /// Deletes the grapheme under the cursor; false when at the end.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard cursor < characters.count else { return false }
        characters.remove(at: cursor)
        return true
    }

    /// Deletes from the start of the line to the cursor (Ctrl-U).
    public mutating func deleteToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    public mutating func deleteToEnd() { characters.removeSubrange(cursor...) }

    /// Deletes the word before the cursor and the spaces after it (Ctrl-W).
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Cuts the line at the cursor: this keeps the head, the tail is returned (Enter in a text area).
    public mutating func split() -> EditableLine {
        let tail = EditableLine(String(characters[cursor...]), cursor: 0)
        characters.removeSubrange(cursor...)
        return tail
    }

    /// Appends another line's text; the cursor stays where it was.
    public mutating func append(_ other: EditableLine) { characters += other.characters }

    /// Moves the cursor to the grapheme whose cells cover `cell` (or the end), for Up/Down.
    public mutating func moveCursor(toCell cell: Int) {
        var used = 0
        var index = 0
        while index < characters.count {
            let w = DisplayWidth.of(characters[index])
            if used + w > cell { break }
            used += w
            index += 1
        }
        cursor = index
    }

    /// Applies the editing keys common to one-line and multi-line fields. True if the key was used.
    public mutating func handleCommon(_ key: Key) -> Bool {
        switch key {
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .ctrl("a"): moveHome()
        case .end, .ctrl("e"): moveEnd()
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .ctrl("u"): deleteToStart()
        case .ctrl("k"): deleteToEnd()
        case .ctrl("w"): deleteWordBackward()
        case .character(let c) where !c.isNewline && DisplayWidth.of(c) > 0 || isCombining(c): insert(c)
        default: return false
        }
        return true
    }

    private func isCombining(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
