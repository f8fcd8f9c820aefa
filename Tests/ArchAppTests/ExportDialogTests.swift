@testable import ArchApp
import ArchExport
import ArchModel
import Foundation
import TerminalUI
import XCTest

/// The export dialog (`E`): the folder typed, the formats ticked, Enter asks the runtime to export, and the
/// progress and outcome it reports are shown.
final class ExportDialogTests: XCTestCase {
    private func dialog(_ state: AppState) throws -> ExportDialogState {
        guard case .export(let dialog)? = state.overlay else { throw XCTSkip("no export dialog: \(String(describing: state.overlay))") }
        return dialog
    }

    func testEOpensTheDialogWithAFolderBesideTheSessionAndEveryFormatTicked() throws {
        var state = Fixtures.state()
        state.press(.character("E"))
        let dialog = try dialog(state)
        XCTAssertEqual(dialog.folder.text, URL(fileURLWithPath: "bookstore-export").path, "beside the session, written out in full")
        XCTAssertEqual(dialog.formats, AppExport.export.formats)
        XCTAssertEqual(dialog.chosen, Set(AppExport.export.formats))
        XCTAssertTrue(state.screenText.contains("Export the design"), state.screenText)
        XCTAssertEqual(ExportDialogState.defaultFolder(for: "/work/lib/library.archtui.yaml"), "/work/lib/library-export")
    }

    func testTypingOnTheFolderRowEditsItAndLettersElsewhereAreNotTyped() throws {
        var state = Fixtures.state()
        state.press(.character("E"), .ctrl("u"))
        state.type("out/a f")
        XCTAssertEqual(try dialog(state).folder.text, "out/a f", "space, a and f are typed on the folder row")
        state.press(.down)
        state.press(.character(" "))
        let first = try dialog(state).formats[0]
        XCTAssertFalse(try dialog(state).chosen.contains(first), "Space on a format unticks it")
        state.press(.character("x"), .character("q"))
        XCTAssertEqual(try dialog(state).folder.text, "out/a f", "letters on a format row type nothing")
        XCTAssertNotNil(state.overlay, "q does not quit from the dialog")
        state.press(.character("a"))
        XCTAssertEqual(try dialog(state).chosen, Set(try dialog(state).formats), "a ticks all")
        state.press(.character("a"))
        XCTAssertEqual(try dialog(state).chosen, [], "and none")
        XCTAssertEqual(state.press(.enter), [], "nothing ticked: nothing exported")
        guard case .failed(let message, false) = try dialog(state).phase else { return XCTFail("says why") }
        XCTAssertTrue(message.contains("Tick"), message)
        state.press(.escape)
        XCTAssertEqual(try dialog(state).phase, .choosing, "Esc after a failure goes back to the choices")
        state.press(.escape)
        XCTAssertNil(state.overlay)
    }

    func testEnterAsksTheRuntimeToExportAndShowsProgressThenTheFiles() throws {
        var state = Fixtures.state()
        state.press(.character("E"), .ctrl("u"))
        state.type("/tmp/out")
        let effects = state.press(.enter)
        XCTAssertEqual(effects, [.export(ExportRequest(folder: "/tmp/out", formats: AppExport.export.formats, force: false))])
        XCTAssertEqual(state.press(.escape), [], "keys wait while it runs")
        XCTAssertNotNil(state.overlay)
        _ = state.reduce(.exportProgress(.text, done: 1, total: 2))
        XCTAssertTrue(state.screenText.contains("1/2"), state.screenText)
        let result = ExportWriter.Result(folder: "/tmp/out", files: ["archtui-export.json", "design.txt"], kept: ["notes.md"])
        _ = state.reduce(.exported(.success(result)))
        XCTAssertEqual(try dialog(state).phase, .finished(result))
        XCTAssertTrue(state.screenText.contains("Wrote 2 files to /tmp/out"), state.screenText)
        XCTAssertTrue(state.screenText.contains("notes.md"), "the user's own files kept are named")
        XCTAssertEqual(state.statusMessage, "Exported 2 files to /tmp/out")
        state.press(.enter)
        XCTAssertNil(state.overlay)
    }

    func testAFolderWithSomeoneElsesFilesOffersToOverwriteThem() throws {
        var state = Fixtures.state()
        state.press(.character("E"), .enter)
        _ = state.reduce(.exported(.failure(.foreignFiles(folder: "bookstore-export", files: ["design.txt"]))))
        guard case .failed(let message, true) = try dialog(state).phase else { return XCTFail("offers f") }
        XCTAssertTrue(message.contains("design.txt"), message)
        XCTAssertTrue(state.screenText.contains("overwrite them"), state.screenText)
        let effects = state.press(.character("f"))
        XCTAssertEqual(effects.first, .export(ExportRequest(folder: URL(fileURLWithPath: "bookstore-export").path, formats: AppExport.export.formats, force: true)))
    }
}
