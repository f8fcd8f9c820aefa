import ArchApp
import ArchModel
import ArchRules
import Foundation
import Testing

/// The full design (all ten tabs, as `archtui render FILE` prints it) of the demo and every shipped sample,
/// compared with `Goldens/<name>.txt`. A change in advice shows up here as a reviewable text diff.
///
/// Re-record after an intended change with `ARCHTUI_RECORD_GOLDENS=1 swift test --filter DesignGoldenTests`
/// (the recording run fails on purpose, so it is never green by accident), then read the diff.
@Suite struct DesignGoldenTests {
    static let recordVariable = "ARCHTUI_RECORD_GOLDENS"

    /// The demo and the samples, by golden file name.
    static func sessions() throws -> [(name: String, session: Session)] {
        try [("demo-shop", Demo.session())] + SampleSessions.all()
    }

    /// The whole design as text: `archtui render` without `--section`, and an export's `design.txt`.
    static func renderAll(_ session: Session, builder: DesignBuilder) -> String {
        DesignTextExporter.text(design: builder.build(session), session: session, catalogue: builder.catalogue)
    }

    static var goldensDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens", isDirectory: true)
    }

    /// The first differing lines (with a little context), unified-diff style.
    static func diff(expected: String, actual: String, context: Int = 3, maxLines: Int = 40) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > prefix, newEnd > prefix, old[oldEnd - 1] == new[newEnd - 1] { oldEnd -= 1; newEnd -= 1 }
        let start = max(0, prefix - context)
        var lines = ["@@ -\(start + 1),\(oldEnd - start) +\(start + 1),\(newEnd - start) @@"]
        lines += old[start..<prefix].map { "  " + $0 }
        lines += old[prefix..<oldEnd].prefix(maxLines).map { "- " + $0 }
        if oldEnd - prefix > maxLines { lines.append("- … \(oldEnd - prefix - maxLines) more") }
        lines += new[prefix..<newEnd].prefix(maxLines).map { "+ " + $0 }
        if newEnd - prefix > maxLines { lines.append("+ … \(newEnd - prefix - maxLines) more") }
        lines += old[oldEnd..<min(old.count, oldEnd + context)].map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    @Test func designsMatchGoldens() throws {
        let builder = try DesignBuilder.standard()
        let record = ProcessInfo.processInfo.environment[Self.recordVariable] == "1"
        let sessions = try Self.sessions()
        #expect(sessions.count == 7, "the demo and six samples")
        for (name, session) in sessions {
            let actual = Self.renderAll(session, builder: builder)
            let url = Self.goldensDirectory.appendingPathComponent("\(name).txt")
            if record {
                try FileManager.default.createDirectory(at: Self.goldensDirectory, withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded \(url.path) (\(Self.recordVariable)=1); unset it and run again")
                continue
            }
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                Issue.record("no golden \(url.path); record with \(Self.recordVariable)=1")
                continue
            }
            if expected != actual {
                Issue.record("""
                    design of \(name) differs from Goldens/\(name).txt \
                    (if intended, re-record with \(Self.recordVariable)=1 and review the diff):
                    \(Self.diff(expected: expected, actual: actual))
                    """)
            }
        }
    }

    @Test func buildingTwiceGivesTheSameText() throws {
        let builder = try DesignBuilder.standard()
        let freshBuilder = try DesignBuilder.standard()
        for (name, session) in try Self.sessions() {
            let first = Self.renderAll(session, builder: builder)
            let again = Self.renderAll(session, builder: builder)
            let fresh = Self.renderAll(session, builder: freshBuilder)
            #expect(first == again, "design of \(name) differs when built twice:\n\(Self.diff(expected: first, actual: again))")
            #expect(first == fresh, "design of \(name) differs with a freshly loaded builder:\n\(Self.diff(expected: first, actual: fresh))")
        }
    }

    @Test func diffShowsFirstDifference() {
        let text = Self.diff(expected: "a\nb\nc\nd", actual: "a\nb\nX\nd")
        #expect(text.contains("- c"))
        #expect(text.contains("+ X"))
        #expect(text.contains("  b"))
    }
}
