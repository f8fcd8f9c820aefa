import ArchApp
import ArchModel
import ArchRules
import TerminalUI

/// The design filter on the large session: `/` and a word typed a character at a time in the API, Schema and
/// Findings tabs, then Esc; each key timed as reduce + view + diff at 120×40, as in `KeystrokeBench`.
struct FilterBench {
    /// CPU times in µs by tab: the first character (makes the tab's search index), the later ones, and Esc.
    struct Result {
        var first: [DesignTab: [Double]] = [:]
        var later: [DesignTab: [Double]] = [:]
        var clear: [DesignTab: [Double]] = [:]
        /// How many of the tab's items the whole word keeps, and how many there are.
        var kept: [DesignTab: (Int, Int)] = [:]
    }

    static let tabs: [DesignTab] = [.api, .schema, .findings]
    /// Narrows step by step: every entity, then tens of them, then one.
    static let word = "entity123"

    let rounds: Int
    let session: Session
    let deriver: DesignDeriver

    func run() throws -> Result {
        let catalogue = try CatalogueLoader.builtIn()
        let size = Size(width: 120, height: 40)
        let start = AppState(catalogue: catalogue, session: session, filePath: "/tmp/bench.archtui.yaml", size: size, deriveDesign: deriver)
        var result = Result()
        for _ in 0..<rounds {
            for tab in Self.tabs {
                var state = start
                state.designPane.tab = tab
                _ = state.reduce(.key(.tab)) // the design pane, the tab laid out
                var renderer = DiffRenderer()
                let backend = TestBackend(size: size)
                _ = renderer.render(AppView.render(state), to: backend)
                _ = time(.character("/"), &state, &renderer, backend)
                for (index, character) in Self.word.enumerated() {
                    let cpu = time(.character(character), &state, &renderer, backend)
                    if index == 0 { result.first[tab, default: []].append(cpu) } else { result.later[tab, default: []].append(cpu) }
                }
                result.kept[tab] = Self.keptCount(AppView.render(state).trimmedLines)
                result.clear[tab, default: []].append(time(.escape, &state, &renderer, backend))
            }
        }
        return result
    }

    private func time(_ key: Key, _ state: inout AppState, _ renderer: inout DiffRenderer, _ backend: TestBackend) -> Double {
        let before = KeystrokeBench.reading()
        _ = state.reduce(.key(key))
        _ = renderer.render(AppView.render(state), to: backend)
        return KeystrokeBench.reading().cpu - before.cpu
    }

    /// The filter line's "n of m", read off the screen.
    private static func keptCount(_ lines: [String]) -> (Int, Int)? {
        for line in lines {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "│" })
            for index in words.indices.dropFirst().dropLast() where words[index] == "of" {
                if let kept = Int(words[index - 1]), let all = Int(words[index + 1]) { return (kept, all) }
            }
        }
        return nil
    }

    /// Runs the bench on the large session and prints medians and maxima.
    static func printFigures(rounds: Int = 5) throws {
        let builder = try DesignBuilder.standard()
        let result = try FilterBench(rounds: rounds, session: LargeSession.make(), deriver: DesignDeriver { builder.build($0) }).run()
        func figure(_ values: [Double]?) -> String {
            let samples = Samples(values ?? [])
            return samples.isEmpty ? "–" : "\(fixed(samples.median / 1000, 2)) ms (max \(fixed(samples.max / 1000, 2)))"
        }
        print("Design filter, \(LargeSession.entityCount)-entity session, typing “\(word)” (CPU per key: reduce + view + diff, median of \(rounds)):")
        for tab in tabs {
            let kept = result.kept[tab].map { "keeps \($0.0) of \($0.1)" } ?? ""
            print("  \(tab.title + String(repeating: " ", count: max(0, 9 - tab.title.count))) first key \(figure(result.first[tab]))"
                + " · later keys \(figure(result.later[tab])) · Esc \(figure(result.clear[tab])) · \(kept)")
        }
    }
}
