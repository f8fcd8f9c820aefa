import ArchModel
@testable import ArchRules
import BuiltInCatalogue
import Foundation
import XCTest

/// The catalogue the binary starts with (`CompiledCatalogue`, Swift values) is exactly the one the YAML says, and its
/// source is what `CatalogueSwiftSource` writes for that YAML now. `ARCHTUI_RECORD_GOLDENS=1` rewrites the source.
final class CompiledCatalogueTests: XCTestCase {
    private var sourcePath: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BuiltInCatalogue/CompiledCatalogue.swift")
    }

    func testTheCompiledCatalogueIsTheYAMLs() throws {
        let parsed = try CatalogueLoader.builtIn()
        let source = CatalogueSwiftSource.source(of: parsed)
        if ProcessInfo.processInfo.environment["ARCHTUI_RECORD_GOLDENS"] == "1" {
            try source.write(to: sourcePath, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try String(contentsOf: sourcePath, encoding: .utf8), source,
                       "Resources/questions changed: ARCHTUI_RECORD_GOLDENS=1 swift test --filter CompiledCatalogueTests")
        XCTAssertEqual(CompiledCatalogue.catalogue, parsed)
        XCTAssertGreaterThan(parsed.questions.count, 50)
    }

    func testLiteralsEscapeEverythingThatCouldEndThem() {
        XCTAssertEqual(CatalogueSwiftSource.literal("say \"hi\" \\ */ é\n\t"), #""say \"hi\" \\ */ \u{e9}\u{a}\u{9}""#)
        XCTAssertEqual(CatalogueSwiftSource.literal(0.1), "Double(bitPattern: 0x3fb999999999999a) /* 0.1 */")
        XCTAssertEqual(CatalogueSwiftSource.literal(["a", "\"b"]), #"["a", "\"b"] as [String]"#)
    }
}
