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
    public var cursorCell: Int { cells(in: 0..<cursor) }

    /// Cells taken by the graphemes in `range`, measured one by one (no copy of the text).
    public func cells(in range: Range<Int>) -> Int {
        var total = 0
        for index in range { total += DisplayWidth.of(characters[index]) }
        return total
    }

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

    /// Inserts text at the cursor, as inserting its graphemes one by one would, in one move of the tail.
    public mutating func insert(contentsOf text: String) { insert(graphemes: Array(text)) }

    /// Inserts pasted text at the cursor: line breaks and tabs become spaces (one line holds no break),
    /// other control characters are dropped, as they are when typed.
    public mutating func paste(_ text: String) {
        insert(graphemes: text.compactMap { c in
            if c.isNewline || c == "\t" { return " " }
            return isTypable(c) ? c : nil
        })
    }

    /// Inserts graphemes at the cursor with the same joining of combining marks as `insert(_:)`, but
    /// moves the text after the cursor once, not once per grapheme.
    private mutating func insert(graphemes: [Character]) {
        var pending: [Character] = []
        pending.reserveCapacity(graphemes.count)
        for character in graphemes {
            if isCombining(character) {
                if let last = pending.last {
                    let joined = String(last) + String(character)
                    if joined.count == 1 {
                        pending[pending.count - 1] = Character(joined)
                        continue
                    }
                } else if cursor > 0 {
                    let joined = String(characters[cursor - 1]) + String(character)
                    if joined.count == 1 {
                        characters[cursor - 1] = Character(joined)
                        continue
                    }
                }
            }
            pending.append(character)
        }
        if cursor == characters.count {
            characters.append(contentsOf: pending)
        } else {
            characters.insert(contentsOf: pending, at: cursor)
        }
        cursor += pending.count
    }

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
        case .character(let c) where isTypable(c): insert(c)
        case .paste(let text): paste(text)
        default: return false
        }
        return true
    }

    /// Whether typing `c` inserts it: visible graphemes and combining marks, not line breaks or controls.
    public static func isTypable(_ c: Character) -> Bool {
        !c.isNewline && DisplayWidth.of(c) > 0 || isCombining(c)
    }

    private func isTypable(_ c: Character) -> Bool { Self.isTypable(c) }
    private func isCombining(_ c: Character) -> Bool { Self.isCombining(c) }

    private static func isCombining(_ c: Character) -> Bool {
        guard let first = c.unicodeScalars.first else { return false }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return false
        }
    }
}
