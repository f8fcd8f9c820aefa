@testable import ArchApp
import ArchModel
import ArchRules
import TerminalUI
import XCTest

/// When a new design arrives (after an edit, or from the background derivation) the selection stays on the
/// item with the same identity, else on the nearest one still there.
final class DesignSelectionTests: XCTestCase {
    private static let builder = try! DesignBuilder.standard()

    private func state(inline: Bool = true) -> AppState {
        let session = Session(projectName: "Library", entities: [
            Entity(name: "Member", fields: [Field(name: "name")]),
            Entity(name: "Shelf", fields: [Field(name: "label")]),
            Entity(name: "Loan", fields: [Field(name: "due", type: .date)]),
        ])
        var state = AppState(catalogue: Fixtures.catalogue, session: session, filePath: "library.archtui.yaml",
                             size: Size(width: 140, height: 40), deriveDesign: DesignDeriver { Self.builder.build($0) })
        state.derivesDesignInline = inline
        state.press(.tab, .character("4")) // the API tab
        return state
    }

    private func selected(_ state: AppState) -> (id: DesignItemID?, title: String?) {
        let content = DesignPaneContent(state: state, paneRect: state.methodLayout.design!)
        return (content.selectedItem.flatMap(content.text.items.id), content.selectedItem.map { content.text.items.item($0).title })
    }

    /// Selects the first endpoint whose title is `title`.
    private func select(_ title: String, in state: inout AppState) {
        while selected(state).title != title {
            let before = state.designPane.selection
            state.press(.character("j"))
            guard state.designPane.selection != before else { return XCTFail("\(title) is not in the API tab") }
        }
    }

    func testTheSelectionStaysOnTheEndpointWhenAnEntityIsAddedBeforeIt() throws {
        var state = state()
        select("GET /v1/shelves/{shelfId}", in: &state)
        let (id, position) = (selected(state).id, state.designPane.selection)
        XCTAssertNotNil(id)
        // Add Author in the entities list, then move it to the top: its endpoints now come first.
        state.press(.tab, .tab, .character("]"), .character("]"), .enter) // the list opens on "+ add entity"
        state.type("Author")
        state.press(.enter, .escape)
        XCTAssertEqual(state.session.entities.last?.name, "Author")
        XCTAssertEqual(selected(state).id, id, "an entity added after it")
        state.press(.character("K"), .character("K"), .character("K"))
        XCTAssertEqual(state.session.entities.first?.name, "Author")
        XCTAssertEqual(selected(state).id, id, "the same endpoint")
        XCTAssertEqual(selected(state).title, "GET /v1/shelves/{shelfId}")
        XCTAssertGreaterThan(state.designPane.selection, position, "Author's endpoints are before it now")
        state.press(.character("u"), .character("u"), .character("u"))
        XCTAssertEqual(state.session.entities.last?.name, "Author")
        XCTAssertEqual(selected(state).id, id, "and after undo")
        XCTAssertEqual(state.designPane.selection, position)
    }

    func testTheSelectionFollowsAnEndpointWhenTheBackgroundDesignArrives() throws {
        var state = state(inline: false)
        _ = state.reduce(.designDerived(Self.builder.build(state.session), revision: state.designRevision))
        select("GET /v1/loans/{loanId}", in: &state)
        let (id, position) = (selected(state).id, state.designPane.selection)
        state.perform(.insertEntity(Entity(name: "Author", fields: [Field(name: "name")]), at: 0), "add entity Author")
        _ = state.reduce(.key(.character("x"))) // a key that does nothing in the design pane: the old design is still shown
        XCTAssertEqual(state.designPane.selection, position)
        _ = state.reduce(.designDerived(Self.builder.build(state.session), revision: state.designRevision))
        XCTAssertEqual(selected(state).id, id)
        XCTAssertGreaterThan(state.designPane.selection, position)
    }

    func testWhenTheItemIsGoneTheSelectionGoesToTheNearestStillThere() throws {
        var state = state()
        let text = DesignPaneContent(state: state, paneRect: state.methodLayout.design!).text
        let before = text.selectable.map { text.items.item($0).title }
        select("GET /v1/shelves/{shelfId}", in: &state)
        let shelf = try XCTUnwrap(state.session.entity(named: "Shelf")).id
        let first = try XCTUnwrap(before.firstIndex { $0.contains("/v1/shelves") })
        let last = try XCTUnwrap(before.lastIndex { $0.contains("/v1/shelves") })
        state.perform(.removeEntity(shelf), "delete entity Shelf")
        _ = state.reduce(.key(.character("x")))
        let title = try XCTUnwrap(selected(state).title)
        XCTAssertTrue([before[first - 1], before[last + 1]].contains(title), "\(title): a neighbour of Shelf's endpoints")
    }
}

extension DesignSelectionTests {
    /// Answering questions beside the design pane never scrolls it; the selection still follows its item.
    func testAnUnfocusedPaneKeepsItsScroll() throws {
        var state = state()
        select("GET /v1/loans/{loanId}", in: &state)
        let id = selected(state).id
        state.press(.character("g"))
        XCTAssertEqual(state.designPane.scroll, 0)
        select("GET /v1/loans/{loanId}", in: &state)
        state.press(.tab, .tab) // to the questions pane
        XCTAssertNotEqual(state.focus, .design)
        let scroll = state.designPane.scroll
        state.perform(.insertEntity(Entity(name: "Author", fields: [Field(name: "name")]), at: 0), "add entity Author")
        state.press(.character("j")) // a key in the questions pane; the new design is laid out after it
        XCTAssertEqual(selected(state).id, id)
        XCTAssertEqual(state.designPane.scroll, scroll, "the pane did not move")
    }
}

extension DesignSelectionTests {
    /// A custom endpoint added in its form is selected when the form closes, even when the design that holds it
    /// is still being derived in the background then (a slow machine): it is selected when that design comes.
    func testANewCustomEndpointIsSelectedWhenItsDesignArrivesAfterTheFormCloses() throws {
        var state = state(inline: false)
        _ = state.reduce(.designDerived(Self.builder.build(state.session), revision: state.designRevision))
        state.press(.character("a"))
        guard case .customEndpoint(let id)? = state.form?.top.target else { return XCTFail("a opens a new custom endpoint") }
        state.press(.enter, .ctrl("u"))
        state.type("/v1/loans/{loanId}/renew")
        state.press(.enter, .escape)
        XCTAssertNil(state.form)
        XCTAssertTrue(state.designIsStale, "the design with the endpoint is not derived yet")
        XCTAssertNotEqual(selected(state).id, .endpoint(.custom(id)))
        // An older derivation (from before the last edit) comes first: still waiting.
        var older = state.session
        older.endpointOverrides.removeAll()
        _ = state.reduce(.designDerived(Self.builder.build(older), revision: state.designRevision - 1))
        XCTAssertNotEqual(selected(state).id, .endpoint(.custom(id)))
        _ = state.reduce(.designDerived(Self.builder.build(state.session), revision: state.designRevision))
        XCTAssertEqual(selected(state).id, .endpoint(.custom(id)))
        XCTAssertEqual(selected(state).title, "POST /v1/loans/{loanId}/renew")
    }

    /// Someone who moved on before the design came is not moved back to the new endpoint.
    func testANewCustomEndpointDoesNotPullBackASelectionThatMoved() throws {
        var state = state(inline: false)
        _ = state.reduce(.designDerived(Self.builder.build(state.session), revision: state.designRevision))
        state.press(.character("a"), .enter, .ctrl("u"))
        state.type("/v1/loans/{loanId}/renew")
        state.press(.enter, .escape)
        state.press(.character("j"), .character("j"))
        let moved = state.designPane.selection
        _ = state.reduce(.designDerived(Self.builder.build(state.session), revision: state.designRevision))
        XCTAssertNotEqual(selected(state).title, "POST /v1/loans/{loanId}/renew")
        XCTAssertEqual(state.designPane.selection, moved)
    }
}
