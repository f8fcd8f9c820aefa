import Foundation
import XCTest

/// A new user builds a small lending system with the keyboard alone: services with a call, five entities
/// with fields (one PII), a one-to-many and a many-to-many relation, a custom endpoint and a flow; sees the
/// design follow; deletes an entity through its confirmation; undoes twice and redoes once; relaunches.
final class LendingLibraryTests: ArchtuiTestCase {
    private var tmux: TmuxSession!

    /// Sends keys, then waits until `text` shows (never a fixed sleep).
    @discardableResult
    private func keys(_ keys: String..., until text: String) throws -> String {
        for key in keys { try tmux.sendKeys(key) }
        return try tmux.waitFor(text)
    }

    @discardableResult
    private func type(_ text: String, until shown: String? = nil) throws -> String {
        try tmux.type(text)
        return try tmux.waitFor(shown ?? text)
    }

    /// The form's title bar shows `title`.
    private func form(_ title: String) throws {
        try tmux.waitFor(where: { $0.contains("─ " + title + " ") }, description: "the form \(title)")
    }

    /// Typed on a "+ add" row of the open form (or list), stored with Enter; waits for `shows`.
    private func add(_ text: String, shows: String) throws {
        try type(text)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(where: { $0.contains(shows) && !$0.contains("› " + text) }, description: "\(text) added")
    }

    /// Filters the design tab with `/` to the items containing `words`, waits for `shows`, then clears the filter.
    @discardableResult
    private func filter(_ words: String, shows: String) throws -> String {
        try tmux.sendKeys("/")
        try type(words)
        try tmux.sendKeys("Enter")
        let screen = try tmux.waitFor(shows)
        try tmux.sendKeys("Escape")
        try tmux.waitUntilGone("│/" + words) // the filter line, under the tabs
        return screen
    }

    func testBuildALendingSystemWithTheKeyboardOnly() throws {
        let dir = try makeDirectory()
        let file = dir + "/lending.archtui.yaml"
        tmux = try startNewSession(file: "lending.archtui.yaml", project: "Lending Library", in: dir, width: 160, height: 50)

        // Step 3: two bounded contexts, then the same two as services, Lending calling Catalogue.
        try keys("]", "]", until: "3/5 Define service boundaries")
        try keys("g", "Enter", until: "add item")
        try add("Lending", shows: "1. Lending")
        try add("Catalogue", shows: "2. Catalogue")
        try keys("Escape", "Escape", until: "✓ Which bounded contexts")
        try keys("Enter", until: "add service") // the list opened on the services question (the next one)
        try add("Lending", shows: "1. Lending")
        try add("Catalogue", shows: "2. Catalogue")
        try tmux.sendKeys("Escape", "Up") // stop adding: the last item is selected; up to Lending
        try tmux.sendKeys("Enter")
        try form("Service Lending")
        try keys("G", until: "+ add call")
        try add("Catalogue async", shows: "Calls (1)")
        try keys("Escape", "Escape", "Escape", until: "✓ Services you define yourself")

        // Step 4: five entities typed straight into the list (the first letter is kept).
        try keys("]", until: "4/5 Design data models")
        try keys("g", "Enter", until: "add entity")
        for (index, name) in ["Member", "Book", "Copy", "Loan", "Author"].enumerated() {
            try add(name, shows: "\(index + 1). \(name)")
        }
        try tmux.sendKeys("Escape")

        // Member: email (PII, indexed) and name; owned by Lending.
        try tmux.sendKeys("Home", "Enter")
        try form("Entity Member")
        try tmux.sendKeys("a")
        try add("email: email", shows: "Fields (1)")
        try add("name", shows: "Fields (2)")
        try tmux.sendKeys("Escape", "Up", "Enter") // stop adding; up to email; open it
        try form("Entity Member › Field Member.email")
        try tmux.sendKeys("Down", "Down", "Down", "Down", "Down", "Space", "Up", "Space") // PII, then Indexed
        try tmux.waitFor(where: { $0.range(of: #"Personal data \(PII\) +\[x\]"#, options: .regularExpression) != nil
                             && $0.range(of: #"Indexed +\[x\]"#, options: .regularExpression) != nil },
                         description: "email is PII and indexed")
        try tmux.sendKeys("Escape", "g", "Down", "Down", "Right") // the owner: the first service
        try keys(until: "‹ Lending ›")
        try keys("Escape", until: "add entity")

        // Book: a title, has-many Copy (one-to-many), owned by Catalogue.
        try tmux.sendKeys("Down", "Enter")
        try form("Entity Book")
        try tmux.sendKeys("a")
        try add("title", shows: "Fields (1)")
        try tmux.sendKeys("Escape", "G")
        try add("has-many Copy", shows: "Relations (1)")
        try tmux.sendKeys("Escape", "g", "Down", "Down", "Right", "Right")
        try keys(until: "‹ Catalogue ›")
        try keys("Escape", until: "add entity")

        // Copy: a barcode. Loan: a due date, belongs to Member and Copy. Author: many-to-many Book.
        for (name, fields, relations) in [("Copy", ["barcode"], []), ("Loan", ["due: date"], ["Mem", "Copy"]),
                                           ("Author", ["name"], ["many-to-many Book"])] {
            try tmux.sendKeys("Down", "Enter")
            try form("Entity \(name)")
            try tmux.sendKeys("a")
            for (index, field) in fields.enumerated() { try add(field, shows: "Fields (\(index + 1))") }
            try tmux.sendKeys("Escape") // stop adding fields
            if !relations.isEmpty {
                try tmux.sendKeys("G") // "+ add relation"
                for (index, relation) in relations.enumerated() {
                    try type(relation)
                    if relation == "Mem" { try keys("Tab", until: "Member") } // completion
                    try tmux.sendKeys("Enter")
                    try tmux.waitFor("Relations (\(index + 1))")
                }
                try tmux.sendKeys("Escape") // stop adding relations
            }
            try keys("Escape", until: "add entity")
        }
        try keys("Escape", until: "✓ Which entities")

        // The Schema tab: the join table, Loan's foreign key and the index on the PII email.
        try tmux.sendKeys("Tab", "5")
        try tmux.sendKeys("z") // zoom: the whole schema at once
        var screen = try tmux.waitFor("Schema · ")
        try filter("member_id", shows: "FK (member_id) → members(id)")
        try filter("join table", shows: "author_books  join table")
        screen = try filter("email", shows: "INDEX ix_members_email (email)")
        XCTAssertTrue(screen.contains("email         email     PII"), screen)

        // The API tab: the nested route of Book's copies, and a custom endpoint added with `a`.
        try tmux.sendKeys("4")
        try tmux.waitFor("API · ")
        try filter("copies", shows: "GET    /v1/books/{bookId}/copies")
        try tmux.sendKeys("a")
        try form("Custom endpoint POST")
        try tmux.sendKeys("Enter", "C-u")
        try type("/v1/loans/{loanId}/renew")
        try tmux.sendKeys("Enter", "Down", "Enter")
        try type("Renew a loan")
        try tmux.sendKeys("Enter")
        try form("Custom endpoint POST /v1/loans/{loanId}/renew")
        try tmux.sendKeys("Escape")
        try tmux.waitFor(where: { !$0.contains("─ Custom endpoint") }, description: "the form closed")
        // Back in the API tab the new endpoint is selected and shown, marked as yours.
        try tmux.waitFor(where: { $0.contains("POST   /v1/loans/{loanId}/renew  Renew a loan") && $0.contains("+ custom") },
                         description: "the custom endpoint in the API tab")

        // The Sequences tab: a flow of two steps, drawn as a diagram.
        try tmux.sendKeys("6", "a")
        try form("Flow Flow")
        try tmux.sendKeys("Enter", "C-u")
        try type("Member borrows a copy")
        try tmux.sendKeys("Enter", "a")
        try add("actor Member -> Lending: borrow a copy", shows: "Steps (1)")
        try add("Lending -> Catalogue: reserve the copy async", shows: "Steps (2)")
        // One Escape at a time, each seen on screen: an Escape with the next key right behind it reads as Alt+key.
        let editing = try tmux.capture()
        try tmux.sendKeys("Escape")
        try tmux.waitFor(where: { $0 != editing }, description: "the steps list left")
        try tmux.sendKeys("Escape")
        try tmux.waitFor(where: { !$0.contains("─ Flow ") }, description: "the flow form closed")
        try tmux.sendKeys("g")
        screen = try tmux.waitFor(where: { $0.contains("Member borrows a copy") && $0.contains("reserve the copy") && $0.contains("──▷") },
                                  description: "the flow as a sequence diagram")
        try tmux.sendKeys("z")

        // Delete Author through its confirmation, then undo twice and redo once.
        try tmux.sendKeys("BTab")
        try keys("g", "Enter", until: "add entity") // the entities question is the step's first
        try tmux.sendKeys("End") // Author, the last entity
        try tmux.sendKeys("d")
        screen = try tmux.waitFor("Delete entity Author?")
        XCTAssertTrue(screen.contains("Author: 1 field, 1 relation"), screen)
        try tmux.sendKeys("y")
        try tmux.waitUntilGone("Delete entity Author?")
        try waitForFile(file, description: "without Author") { !$0.contains("- name: Author\n") }
        // Each undo and redo is seen in the file: the status line's "undid: …" gives way to "Saved …" as soon as
        // the debounced save lands, which under load can be before a poll sees it.
        try tmux.sendKeys("u")
        try waitForFile(file, description: "with Author again") { $0.contains("- name: Author\n") }
        try tmux.sendKeys("u")
        try waitForFile(file, description: "without the flow's second step") { !$0.contains("action: reserve the copy") }
        try tmux.sendKeys("C-r")
        try waitForFile(file, description: "with the flow's second step again") { $0.contains("action: reserve the copy, style: async") }
        try tmux.sendKeys("Escape")
        try quit(tmux)

        // Relaunch: everything is there.
        let saved = try read(file)
        for expected in ["- name: Author\n", "- {name: email, type: email, pii: true, indexed: true}",
                         "- {kind: has-many, target: Copy}", "- {kind: many-to-many, target: Book}", "- {kind: belongs-to, target: Member}",
                         "- {target: Catalogue, style: async}", "/v1/loans/{loanId}/renew", "Member borrows a copy",
                         "action: reserve the copy, style: async"] {
            XCTAssertTrue(saved.contains(expected), "\(expected) in\n\(saved)")
        }
        tmux = try launch(["lending.archtui.yaml"], in: dir, width: 160, height: 50)
        try tmux.waitFor("Lending Library")
        try tmux.sendKeys("]", "]", "]")
        screen = try tmux.waitFor("Member, Book, Copy, Loan, Author")
        try tmux.sendKeys("Tab", "6")
        try tmux.waitFor("Member borrows a copy")
        try quit(tmux)
    }
}
