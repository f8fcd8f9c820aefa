import ArchModel
import Foundation
import TerminalUI

extension AppState {
    /// Applies one event and returns the work the runtime must do. The only way state changes.
    public mutating func reduce(_ event: Event) -> [Effect] {
        defer { keepFocusVisible() }
        switch event {
        case .key(let key):
            return handle(key)
        case .resize(let newSize):
            size = newSize
            return []
        case .saved:
            statusMessage = "Saved \(filePath)"
            return []
        case .saveFailed(let message):
            overlay = .message(title: "Save failed", text: message + "\n\nYour answers are still here; the file on disk was not changed.")
            return []
        case .savedAs(let path):
            savedAs(path)
            return []
        case .saveAsFailed(let message):
            saveAsFailed(message)
            return []
        case .reloaded(let session):
            let name = filePath.split(separator: "/").last.map(String.init) ?? filePath
            perform(.replaceContents(session), "reload \(name) from disk")
            statusMessage = "Reloaded \(name) from disk — u undoes (your version comes back, unsaved)"
            refreshOpenList()
            return []
        case .opened(let opened, let path):
            replaceSession(opened)
            filePath = path
            screen = .method
            method.step = 0
            method.question = 0
            focus = .questions
            return []
        case .exportProgress(let format, let done, let total):
            exportProgressed(format, done: done, total: total)
            return []
        case .exported(let outcome):
            exportFinished(outcome)
            return []
        case .designDerived(let derived, let revision):
            adoptDesign(derived, revision: revision)
            return []
        case .openFailed(let message):
            if case .launcher(var launcher) = screen {
                launcher.error = message
                screen = .launcher(launcher)
            } else {
                overlay = .message(title: "Cannot open", text: message)
            }
            return []
        }
    }

    mutating func handle(_ key: Key) -> [Effect] {
        statusMessage = nil
        switch Keymap.action(for: key, in: .global) {
        case .quitNow?:
            storeTypedText()
            return [.quit]
        case .suspend?: return [.suspend]
        case .repaint?: return [.redraw]
        default: break
        }
        if let overlay { return handleOverlay(overlay, key) }
        switch screen {
        case .launcher(let launcher):
            return handleLauncher(launcher, key)
        case .projectName(let field, _):
            return handleProjectName(field, key)
        case .method:
            return handleMethod(key)
        }
    }

    private mutating func handleOverlay(_ current: Overlay, _ key: Key) -> [Effect] {
        switch current {
        case .help(let scroll):
            let action = Keymap.action(for: key, in: .overlay)
            if action == .close {
                overlay = nil
                return []
            }
            let help = OverlayView.help(scroll: scroll)
            let screen = OverlayView.helpArea(size)
            var view = help.state
            if action != nil, view.handle(key, total: help.totalRows(in: screen), visibleRows: help.visibleRows(in: screen)) {
                overlay = .help(scroll: view.offset)
            }
        case .confirm(let confirmation):
            handleConfirmation(confirmation, key)
        case .choose(let choice):
            return handleChoice(choice, key)
        case .saveAs(let dialog):
            return handleSaveAs(dialog, key)
        case .palette(let palette):
            return handlePalette(palette, key)
        case .export(let dialog):
            return handleExportDialog(dialog, key)
        case .message, .trace:
            if Keymap.action(for: key, in: .overlay) == .close { overlay = nil }
        }
        return []
    }

    private mutating func handleLauncher(_ current: LauncherState, _ key: Key) -> [Effect] {
        var launcher = current
        launcher.error = nil
        defer { if case .launcher = screen { screen = .launcher(launcher) } }
        switch Keymap.action(for: key, in: .launcher) {
        case .down?: launcher.selected = min(launcher.items.count - 1, launcher.selected + 1)
        case .up?: launcher.selected = max(0, launcher.selected - 1)
        case .first?: launcher.selected = 0
        case .last?: launcher.selected = launcher.items.count - 1
        case .quit?: return [.quit]
        case .help?: overlay = .help(scroll: 0)
        case .open?:
            switch launcher.items[launcher.selected] {
            case .newSession:
                screen = .projectName(TextFieldState(""), error: nil)
            case .open(let path):
                return [.open(path: path)]
            case .demo:
                return [.openDemo]
            }
        default: break
        }
        return []
    }

    private mutating func handleProjectName(_ current: TextFieldState, _ key: Key) -> [Effect] {
        var field = current
        switch key {
        case .escape:
            return [.quit]
        case .enter:
            let name = field.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                screen = .projectName(field, error: "A project needs a name, e.g. “Bookstore”.")
                return []
            }
            guard !filePath.isEmpty else { return [.create(projectName: name)] }
            perform(.setProjectName(name), "name the project \(name)")
            screen = .method
            return [.save]
        default:
            _ = field.handle(key)
            screen = .projectName(field, error: nil)
            return []
        }
    }
}
