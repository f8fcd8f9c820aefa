import TerminalUI
import XCTest

/// Fails unless `buffer`'s rows, trailing spaces removed, equal `expected` (trailing empty rows may be
/// left out of `expected`). On failure both screens are printed with row numbers.
public func assertScreen(
    _ buffer: ScreenBuffer, _ expected: [String], file: StaticString = #filePath, line: UInt = #line
) {
    assertLines(buffer.trimmedLines, expected, file: file, line: line)
}

/// Compares rendered rows with expected rows, ignoring trailing spaces and trailing empty rows.
public func assertLines(
    _ actual: [String], _ expected: [String], file: StaticString = #filePath, line: UInt = #line
) {
    let actualRows = dropTrailingEmpty(actual.map(trimTrailingSpaces))
    let expectedRows = dropTrailingEmpty(expected.map(trimTrailingSpaces))
    guard actualRows != expectedRows else { return }
    XCTFail("screen differs\n" + describe("expected", expectedRows) + describe("actual", actualRows)
            + firstDifference(actualRows, expectedRows), file: file, line: line)
}

/// Renders with `draw` into a blank buffer of the given size and returns it.
public func renderBuffer(width: Int, height: Int, _ draw: (inout ScreenBuffer, Rect) -> Void) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: Size(width: width, height: height))
    draw(&buffer, buffer.bounds)
    return buffer
}

/// Renders with `draw` into a blank buffer of the given size and returns its trimmed lines.
public func renderLines(width: Int, height: Int, _ draw: (inout ScreenBuffer, Rect) -> Void) -> [String] {
    renderBuffer(width: width, height: height, draw).trimmedLines
}

/// The styles of `count` cells of row `y` from `x` (to the row's end by default).
public func styles(_ buffer: ScreenBuffer, row y: Int, from x: Int = 0, count: Int? = nil) -> [Style] {
    let end = count.map { x + $0 } ?? buffer.size.width
    return (x..<end).map { buffer[$0, y].style }
}

private func trimTrailingSpaces(_ line: String) -> String {
    var copy = line
    while copy.last == " " { copy.removeLast() }
    return copy
}

private func dropTrailingEmpty(_ rows: [String]) -> [String] {
    var copy = rows
    while copy.last == "" { copy.removeLast() }
    return copy
}

private func describe(_ label: String, _ rows: [String]) -> String {
    var text = "--- \(label) (\(rows.count) rows)\n"
    for (index, row) in rows.enumerated() {
        let number = String(index)
        text += String(repeating: " ", count: max(0, 3 - number.count)) + number + " |" + row + "|\n"
    }
    return text
}

private func firstDifference(_ actual: [String], _ expected: [String]) -> String {
    for index in 0..<max(actual.count, expected.count) {
        let a = index < actual.count ? actual[index] : "<none>"
        let e = index < expected.count ? expected[index] : "<none>"
        if a != e { return "first difference at row \(index)" }
    }
    return ""
}
