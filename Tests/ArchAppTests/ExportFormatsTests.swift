@testable import ArchApp
import ArchExport
import XCTest

/// Every format `--format` names has its exporter, and the list parses as documented.
final class ExportFormatsTests: XCTestCase {
    func testEveryFormatHasAnExporterAndOnlyOne() {
        let formats = AppExport.export.exporters.map(\.format)
        XCTAssertEqual(formats.sorted(), ExportFormat.allCases)
        XCTAssertEqual(Set(formats).count, formats.count)
    }

    func testTheFormatListParsesShorthandsAndRefusesUnknownWords() throws {
        XCTAssertEqual(try ExportFormat.parseList("sql"), [.postgres, .mysql, .sqlite])
        XCTAssertEqual(try ExportFormat.parseList("openapi, diagrams"), [.openapi, .mermaid, .plantuml])
        XCTAssertEqual(try ExportFormat.parseList("all"), ExportFormat.allCases)
        XCTAssertThrowsError(try ExportFormat.parseList("openapi,pdf")) { XCTAssertEqual($0 as? ExportError, .unknownFormat("pdf")) }
        XCTAssertThrowsError(try ExportFormat.parseList(" , "))
    }
}
