import ArchApp
import ArchModel
import TerminalUI
import XCTest

final class LauncherTests: XCTestCase {
    private func launcherState(files: [String]) -> AppState {
        AppState(catalogue: Fixtures.catalogue, session: Session(projectName: ""), filePath: "",
                 screen: .launcher(LauncherState(sessionFiles: files)), size: Size(width: 120, height: 40))
    }

    func testLauncherOffersNewSessionFilesAndDemo() {
        let state = launcherState(files: ["shop.archtui.yaml", "bank.archtui.yaml"])
        let text = state.screenText
        XCTAssertTrue(text.contains("New session…"), text)
        XCTAssertTrue(text.contains("Open bank.archtui.yaml"), text)
        XCTAssertTrue(text.contains("Open the demo"), text)
        let bank = try? XCTUnwrap(state.screenLines.firstIndex { $0.contains("bank.archtui.yaml") })
        let shop = try? XCTUnwrap(state.screenLines.firstIndex { $0.contains("shop.archtui.yaml") })
        XCTAssertLessThan(bank ?? 0, shop ?? 0, "files are sorted")
    }

    func testEnterOnAFileAsksToOpenIt() {
        var state = launcherState(files: ["shop.archtui.yaml"])
        XCTAssertEqual(state.press(.down, .enter), [.open(path: "shop.archtui.yaml")])
        XCTAssertEqual(state.press(.down, .enter), [.openDemo])
    }

    func testOpenFailureIsShownInTheLauncher() {
        var state = launcherState(files: ["bad.archtui.yaml"])
        _ = state.reduce(.openFailed(message: "bad.archtui.yaml:3:1: expected a mapping"))
        XCTAssertTrue(state.screenText.contains("bad.archtui.yaml:3:1: expected a mapping"), state.screenText)
    }

    func testNewSessionAsksForANameAndRefusesAnEmptyOne() {
        var state = launcherState(files: [])
        state.press(.enter)
        XCTAssertTrue(state.screenText.contains("What is the project called?"), state.screenText)
        XCTAssertEqual(state.press(.enter), [])
        XCTAssertTrue(state.screenText.contains("A project needs a name"), state.screenText)
        state.type("Book shop")
        XCTAssertEqual(state.press(.enter), [.create(projectName: "Book shop")])
    }

    func testNamingASessionWhoseFileWasGivenSavesIt() {
        var state = AppState(catalogue: Fixtures.catalogue, session: Session(projectName: ""), filePath: "new.archtui.yaml",
                             screen: .projectName(TextFieldState(), error: nil), size: Size(width: 120, height: 40))
        state.type("Bookstore")
        XCTAssertEqual(state.press(.enter), [.save])
        XCTAssertEqual(state.session.projectName, "Bookstore")
        XCTAssertEqual(state.screen, .method)
    }

    func testOpenedSessionShowsTheMethod() {
        var state = launcherState(files: [])
        _ = state.reduce(.opened(Session(projectName: "Shop"), path: "shop.archtui.yaml"))
        XCTAssertEqual(state.screen, .method)
        XCTAssertEqual(state.filePath, "shop.archtui.yaml")
        XCTAssertTrue(state.screenText.contains("Shop"))
    }
}

final class OpenWarningsTests: XCTestCase {
    func testWarningsOfAnOpenedFileAreShownUntilDismissed() {
        var state = Fixtures.state()
        state.showWarnings(["shop.yaml:7:3: warning: unknown question 'api.legacy'; kept"], in: "shop.yaml")
        XCTAssertTrue(state.screenText.contains("unknown question 'api.legacy'"), state.screenText)
        XCTAssertTrue(state.screenText.contains("1 warning"), state.screenText)
        state.press(.enter)
        XCTAssertNil(state.overlay)
    }

    func testNoWarningsNoDialog() {
        var state = Fixtures.state()
        state.showWarnings([], in: "shop.yaml")
        XCTAssertNil(state.overlay)
    }
}
