import ArchModel
import TerminalUI

/// A question with several answers, each a button with a letter: "Recover unsaved edits?" (recover / discard /
/// open read-only), "changed on disk" (reload / keep mine / save as). Esc picks the last option, which changes nothing.
public struct ChoiceDialog: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        /// The letter that picks it (shown in brackets on its button).
        public var key: Character
        public var label: String
        public var outcome: Outcome

        public init(key: Character, label: String, outcome: Outcome) {
            self.key = key
            self.label = label
            self.outcome = outcome
        }
    }

    public enum Outcome: Hashable, Sendable {
        /// An undoable edit, with the label undo shows.
        case edit(SessionEdit, label: String)
        /// Work for the runtime (reload the file, write over it, open read-only…).
        case effect(Effect)
        /// Asks for another file name, then saves there.
        case saveAs
        /// Closes the dialog and changes nothing; the status line says `status`.
        case nothing(status: String)
    }

    public var title: String
    public var message: String
    public var options: [Option]
    public var dialog: DialogState

    /// - Parameter selected: the button highlighted at first (Enter presses it).
    public init(title: String, message: String, options: [Option], selected: Int = 0) {
        self.title = title
        self.message = message
        self.options = options
        self.dialog = DialogState(kind: .choice(options.map { "\($0.key.uppercased()) \($0.label)" }), button: selected)
    }
}

/// Asking for the file to save the session as.
public struct SaveAsState: Hashable, Sendable {
    public var field: TextFieldState
    /// Why the last name was refused.
    public var error: String?
    /// Why the dialog opened ("the file is read-only"), shown above the field.
    public var reason: String
    /// The choice it was opened from, which Esc goes back to (nil: opened with `W`).
    public var back: ChoiceDialog?

    public init(path: String, reason: String, error: String? = nil, back: ChoiceDialog? = nil) {
        self.field = TextFieldState(path)
        self.reason = reason
        self.error = error
        self.back = back
    }
}

extension AppState {
    mutating func handleChoice(_ current: ChoiceDialog, _ key: Key) -> [Effect] {
        var choice = current
        let index: Int?
        switch Keymap.action(for: key, in: .choice) {
        case .no?: index = choice.options.count - 1
        case .otherButton?, .open?:
            if case .chose(let chosen)? = choice.dialog.handle(key == .character(" ") ? .enter : key) { index = chosen } else { index = nil }
        default:
            if case .character(let letter) = key {
                index = choice.options.firstIndex { $0.key.lowercased() == letter.lowercased() }
            } else {
                index = nil
            }
        }
        guard let index, choice.options.indices.contains(index) else {
            overlay = .choose(choice)
            return []
        }
        overlay = nil
        switch choice.options[index].outcome {
        case .edit(let edit, let label):
            perform(edit, label)
            statusMessage = label.prefix(1).uppercased() + label.dropFirst() + " — u undoes"
            refreshOpenList()
            return []
        case .effect(let effect):
            return [effect]
        case .saveAs:
            overlay = .saveAs(SaveAsState(path: filePath, reason: choice.title, back: current))
            return []
        case .nothing(let status):
            statusMessage = status
            return []
        }
    }

    /// `W`: asks for another file; the one open now stays as it was last saved.
    mutating func openSaveAs() {
        let name = filePath.split(separator: "/").last.map(String.init) ?? filePath
        overlay = .saveAs(SaveAsState(path: filePath, reason: "Write the session to a new file and go on in that one; \(name) keeps what was last saved in it."))
    }

    mutating func handleSaveAs(_ current: SaveAsState, _ key: Key) -> [Effect] {
        var dialog = current
        dialog.error = nil
        switch Keymap.action(for: key, in: .saveAs) {
        case .cancel?:
            // One level back: to the question it was opened from, else to the panes.
            overlay = dialog.back.map(Overlay.choose)
            if dialog.back == nil { statusMessage = "Not saved as another file" }
            return []
        case .store?:
            let path = dialog.field.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                dialog.error = "Type the file to save to, e.g. bookstore-2.archtui.yaml"
                overlay = .saveAs(dialog)
                return []
            }
            overlay = .saveAs(dialog)  // kept until the runtime answers with .savedAs or .saveAsFailed
            return [.saveAs(path: path)]
        default:
            _ = dialog.field.handle(key)
            overlay = .saveAs(dialog)
            return []
        }
    }

    /// The runtime wrote the session to `path` and goes on there.
    mutating func savedAs(_ path: String) {
        if case .saveAs? = overlay { overlay = nil }
        filePath = path
        statusMessage = "Saved as \(path); archtui goes on in it"
    }

    mutating func saveAsFailed(_ message: String) {
        guard case .saveAs(var dialog)? = overlay else {
            overlay = .message(title: "Save as failed", text: message)
            return
        }
        dialog.error = message
        overlay = .saveAs(dialog)
    }
}

/// The save-as box: why it opened, the file name field, the reason a name was refused.
struct SaveAsView {
    let dialog: SaveAsState

    func render(into buffer: inout ScreenBuffer) {
        let bounds = buffer.bounds
        let width = min(84, bounds.width - 2)
        let reason = WordWrap.wrap(dialog.reason, width: max(1, width - 4))
        let error = dialog.error.map { WordWrap.wrap($0, width: max(1, width - 4)) } ?? []
        let height = min(reason.count + error.count + 7, bounds.height - 2)
        guard width > 24, height > 5 else { return }
        let box = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + max(0, (bounds.height - height) / 2), width: width, height: height)
        let inner = Pane(title: "Save as", focused: true).render(in: box, buffer: &buffer)
        let accent = Style(foreground: .cyan, bold: true)
        var y = inner.y
        for line in reason { buffer.write(line, x: inner.x, y: y, clip: inner); y += 1 }
        y += 1
        buffer.write("File ", x: inner.x, y: y, style: accent, clip: inner)
        TextField(state: dialog.field, focused: true, placeholder: "a new file, e.g. bookstore-2.archtui.yaml", style: Style(underline: true))
            .render(in: Rect(x: inner.x + 5, y: y, width: max(1, inner.width - 5), height: 1), buffer: &buffer)
        y += 1
        for line in error { buffer.write(line, x: inner.x, y: y, style: Style(foreground: .red), clip: inner); y += 1 }
        buffer.write([Span("Enter", accent), Span(" save there  "), Span("Esc", accent), Span(" cancel")],
                     x: inner.x, y: inner.y + inner.height - 1, clip: inner)
    }
}
