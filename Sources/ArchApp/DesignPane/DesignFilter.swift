import TerminalUI

/// The design pane's filter (`/`): the text typed, and whether it is still being typed. It applies to every tab
/// until cleared (Esc), so one word follows an entity through the API, Schema and Findings tabs.
public struct DesignFilter: Hashable, Sendable {
    public var field: TextFieldState
    /// True while typing (the keys go into the text); false once Enter kept it (the keys move again).
    public var isTyping: Bool

    public init(_ text: String = "", isTyping: Bool = true) {
        field = TextFieldState(text)
        self.isTyping = isTyping
    }

    /// What the text asks for; nil when it asks for nothing (empty, spaces, a lone `!`): every item shows.
    var query: DesignFilterQuery? { DesignFilterQuery(field.text) }
}

/// The words an item must all contain (ignoring case), or, after a leading `!`, must not all contain.
/// Two texts that differ only in spacing or case are the same query, so typing a space filters nothing again.
struct DesignFilterQuery: Hashable, Sendable {
    /// Lowercased as `SearchText` lowercases the items.
    var words: [[UInt8]]
    var inverted: Bool

    init?(_ text: String) {
        var rest = text.drop(while: \.isWhitespace)
        inverted = rest.first == "!"
        if inverted { rest = rest.dropFirst() }
        words = rest.split(whereSeparator: \.isWhitespace).map { SearchText.lowercased(String($0)) }
        if words.isEmpty { return nil }
    }
}

/// Collects an item's text, lowercased, as the filter searches it: written through the same `LineSink` as
/// the item's lines, so it needs no styled spans.
struct SearchText: LineSink {
    private(set) var bytes: [UInt8] = []

    mutating func add(_ text: String, _ style: Style) { add(text) }
    mutating func add(_ text: String) { Self.appendLowercased(text, to: &bytes) }
    mutating func endLine() { bytes.append(0x0A) }
    mutating func add(block text: String, indent: String, style: Style) {
        add(text)
        endLine()
    }

    /// An item made in advance: its spans' text.
    mutating func add(_ item: DesignItem) {
        for line in item.lines {
            for span in line { add(span.text) }
            endLine()
        }
    }

    static func lowercased(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        appendLowercased(text, to: &bytes)
        return bytes
    }

    /// ASCII copied whole and lowercased in place (the common case, and quick); other text through `lowercased()`.
    private static func appendLowercased(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        let isASCII = text.withUTF8 { utf8 in
            var all: UInt8 = 0
            for byte in utf8 { all |= byte }
            guard all < 0x80 else { return false }
            let start = bytes.count
            bytes.append(contentsOf: utf8)
            bytes.withUnsafeMutableBufferPointer { bytes in
                for index in start..<bytes.count where bytes[index] &- 0x41 < 26 { bytes[index] |= 0x20 }
            }
            return true
        }
        if !isASCII { bytes.append(contentsOf: text.lowercased().utf8) }
    }
}

/// The searchable text of a tab's selectable items, made once per tab and design (the first time a filter
/// applies) and then searched on every key that changes the filter.
struct SearchIndex: Sendable {
    private let text: [UInt8]
    /// Item `i`'s text is `text[ends[i] ..< ends[i + 1]]` (empty for items that cannot be selected).
    private let ends: [Int]

    init(items: any DesignItemList) {
        var sink = SearchText()
        var ends = [0]
        ends.reserveCapacity(items.count + 1)
        for index in 0..<items.count {
            if items.isSelectable(index) { items.search(index, into: &sink) }
            ends.append(sink.bytes.count)
        }
        text = sink.bytes
        self.ends = ends
    }

    /// Whether item `index`'s text contains every word.
    func contains(_ words: [[UInt8]], item index: Int) -> Bool {
        let (start, end) = (ends[index], ends[index + 1])
        return text.withUnsafeBufferPointer { text in
            words.allSatisfy { word in word.withUnsafeBufferPointer { Self.find($0, in: text, from: start, to: end) } }
        }
    }

    /// Whether `needle` occurs in `haystack[from ..< to]`.
    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        let count = needle.count
        guard count > 0 else { return true }
        let first = needle[0]
        var index = from
        while index + count <= to {
            if haystack[index] == first {
                var matched = 1
                while matched < count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == count { return true }
            }
            index += 1
        }
        return false
    }

    /// The items a query keeps, in order: the selectable ones that match (or, inverted, do not), each heading
    /// that has one of them under it, and nothing else (pictures, notes and blank lines are of the whole tab).
    func kept(of items: any DesignItemList, by query: DesignFilterQuery) -> [Int] {
        var kept: [Int] = []
        var heading: Int?
        for index in 0..<items.count {
            if items.isSelectable(index) {
                guard contains(query.words, item: index) != query.inverted else { continue }
                if let shown = heading {
                    kept.append(shown)
                    heading = nil
                }
                kept.append(index)
            } else if items.isHeading(index) {
                heading = index
            }
        }
        return kept
    }
}

/// Some items of a tab, in their order: what a filter shows.
struct FilteredItems: DesignItemList {
    let base: any DesignItemList
    /// Indices into `base`.
    let shown: [Int]

    var count: Int { shown.count }
    func item(_ index: Int) -> DesignItem { base.item(shown[index]) }
    func isSelectable(_ index: Int) -> Bool { base.isSelectable(shown[index]) }
    func isHeading(_ index: Int) -> Bool { base.isHeading(shown[index]) }
    func id(_ index: Int) -> DesignItemID? { base.id(shown[index]) }
    func measure(_ index: Int, into tally: inout RowTally) { base.measure(shown[index], into: &tally) }
    func search(_ index: Int, into text: inout SearchText) { base.search(shown[index], into: &text) }
}
