import ArchExport
import ArchModel
import Foundation
import TerminalUI

/// What the export dialog (`E`) asks the runtime to write.
public struct ExportRequest: Hashable, Sendable {
    public var folder: String
    public var formats: [ExportFormat]
    public var force: Bool
}

/// The export dialog: the folder (typed), the formats (ticked), then progress and the files written.
public struct ExportDialogState: Hashable, Sendable {
    public enum Phase: Hashable, Sendable {
        case choosing
        /// Writing; `done` of `total` formats made, `current` being made.
        case running(current: ExportFormat?, done: Int, total: Int)
        case finished(ExportWriter.Result)
        /// `canForce`: the folder holds files archtui did not write, which `f` overwrites.
        case failed(String, canForce: Bool)
    }

    public var folder: TextFieldState
    /// The formats offered, in order, and which are ticked.
    public var formats: [ExportFormat]
    public var chosen: Set<ExportFormat>
    /// 0: the folder; 1…: the formats.
    public var cursor = 0
    public var phase: Phase = .choosing

    public init(folder: String, formats: [ExportFormat]) {
        self.folder = TextFieldState(folder)
        self.formats = formats
        self.chosen = Set(formats)
    }

    /// The folder as typed, `~` expanded.
    var folderPath: String { (folder.text.trimmingCharacters(in: .whitespaces) as NSString).expandingTildeInPath }

    func request(force: Bool) -> ExportRequest {
        ExportRequest(folder: folderPath, formats: formats.filter(chosen.contains), force: force)
    }

    /// `bookstore.archtui.yaml` → `bookstore-export`, beside the session file.
    static func defaultFolder(for sessionPath: String) -> String {
        guard !sessionPath.isEmpty else { return "archtui-export" }
        let url = URL(fileURLWithPath: sessionPath)
        var stem = url.lastPathComponent
        for suffix in [".archtui.yaml", ".yaml", ".yml"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            break
        }
        return url.deletingLastPathComponent().appendingPathComponent((stem.isEmpty ? "archtui" : stem) + "-export").path
    }
}

extension AppState {
    mutating func openExportDialog() {
        overlay = .export(ExportDialogState(folder: ExportDialogState.defaultFolder(for: filePath), formats: AppExport.export.formats))
    }

    /// Keys in the export dialog. Choosing: typing edits the folder (on its row), Space ticks a format, Enter
    /// exports, Esc closes. Afterwards Enter or Esc closes (after a failure: back to choosing; `f` overwrites).
    mutating func handleExportDialog(_ current: ExportDialogState, _ key: Key) -> [Effect] {
        var dialog = current
        let action = Keymap.action(for: key, in: .export)
        defer { if case .export = overlay { overlay = .export(dialog) } }
        switch dialog.phase {
        case .running:
            return []
        case .finished:
            if action == .close || action == .open { overlay = nil }
            return []
        case .failed(_, let canForce):
            if action == .force, canForce { return start(&dialog, force: true) }
            if action == .close || action == .open { dialog.phase = .choosing }
            return []
        case .choosing:
            break
        }
        switch action {
        case .close?:
            overlay = nil
        case .open?:
            return start(&dialog, force: false)
        case .down?, .nextPane?:
            dialog.cursor = min(dialog.formats.count, dialog.cursor + 1)
        case .up?, .previousPane?:
            dialog.cursor = max(0, dialog.cursor - 1)
        case .tick? where dialog.cursor > 0:
            let format = dialog.formats[dialog.cursor - 1]
            if dialog.chosen.contains(format) { dialog.chosen.remove(format) } else { dialog.chosen.insert(format) }
        case .tickAll? where dialog.cursor > 0:
            dialog.chosen = dialog.chosen.count == dialog.formats.count ? [] : Set(dialog.formats)
        default:
            if dialog.cursor == 0 { _ = dialog.folder.handle(key) }
        }
        return []
    }

    private mutating func start(_ dialog: inout ExportDialogState, force: Bool) -> [Effect] {
        let request = dialog.request(force: force)
        guard !request.folder.isEmpty else {
            dialog.phase = .failed("Type the folder to export to.", canForce: false)
            return []
        }
        guard !request.formats.isEmpty else {
            dialog.phase = .failed("Tick at least one format (Space).", canForce: false)
            return []
        }
        dialog.phase = .running(current: nil, done: 0, total: request.formats.count)
        return [.export(request)]
    }

    /// Progress and the outcome of an export, from the runtime.
    mutating func exportProgressed(_ format: ExportFormat, done: Int, total: Int) {
        guard case .export(var dialog)? = overlay, case .running = dialog.phase else { return }
        dialog.phase = .running(current: format, done: done, total: total)
        overlay = .export(dialog)
    }

    mutating func exportFinished(_ outcome: Result<ExportWriter.Result, ExportError>) {
        switch outcome {
        case .success(let result):
            statusMessage = "Exported \(result.files.count) files to \(result.folder)"
            guard case .export(var dialog)? = overlay else { return }
            dialog.phase = .finished(result)
            overlay = .export(dialog)
        case .failure(let error):
            var canForce = false
            if case .foreignFiles = error { canForce = true }
            guard case .export(var dialog)? = overlay else {
                overlay = .message(title: "Export failed", text: error.description)
                return
            }
            dialog.phase = .failed(error.description, canForce: canForce)
            overlay = .export(dialog)
        }
    }
}

/// The export dialog drawn as a box over the panes.
struct ExportDialogView {
    let dialog: ExportDialogState

    func render(into buffer: inout ScreenBuffer) {
        let bounds = buffer.bounds
        let width = min(84, bounds.width - 2), height = min(dialog.formats.count + 9, bounds.height - 2)
        guard width > 24, height > 6 else { return }
        let box = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + max(0, (bounds.height - height) / 2), width: width, height: height)
        let inner = Pane(title: "Export the design", focused: true).render(in: box, buffer: &buffer)
        var lines: [[Span]] = []
        let accent = Style(foreground: .cyan, bold: true)
        switch dialog.phase {
        case .choosing:
            renderChoosing(in: inner, buffer: &buffer)
            return
        case .running(let current, let done, let total):
            let bar = max(10, inner.width - 14)
            let filled = total == 0 ? 0 : bar * done / total
            lines = [[Span("Writing to " + dialog.folderPath)], [],
                     [Span("[" + String(repeating: "█", count: filled) + String(repeating: "·", count: bar - filled) + "] ", accent),
                      Span("\(done)/\(total)")],
                     [Span(current.map { "made " + $0.summary } ?? "deriving the design…", .dim)]]
        case .finished(let result):
            lines = [[Span("✓ ", Style(foreground: .green, bold: true)), Span("Wrote \(result.files.count) files to \(result.folder)")], []]
            let room = max(1, inner.height - 5)
            lines += result.files.prefix(room).map { [Span("  " + $0)] }
            if result.files.count > room { lines.append([Span("  … and \(result.files.count - room) more", .dim)]) }
            if !result.kept.isEmpty { lines.append([Span("Kept \(result.kept.count) of your files: " + result.kept.joined(separator: ", "), .dim)]) }
            lines += [[], [Span("Enter / Esc", accent), Span(" close")]]
        case .failed(let message, let canForce):
            lines = [[Span("✗ ", Style(foreground: .red, bold: true)), Span("Nothing was written.")], []]
            lines += WordWrap.wrap([Span(message)], width: max(1, inner.width))
            lines += [[], [Span("Enter / Esc", accent), Span(" back")] + (canForce ? [Span("   f", accent), Span(" overwrite them (like --force)")] : [])]
        }
        for (row, line) in lines.prefix(inner.height).enumerated() {
            buffer.write(line, x: inner.x, y: inner.y + row, clip: inner)
        }
    }

    private func renderChoosing(in inner: Rect, buffer: inout ScreenBuffer) {
        let accent = Style(foreground: .cyan, bold: true)
        buffer.write("Folder ", x: inner.x, y: inner.y, style: dialog.cursor == 0 ? accent : .plain, clip: inner)
        TextField(state: dialog.folder, focused: dialog.cursor == 0, placeholder: "where to write the files", style: Style(underline: true))
            .render(in: Rect(x: inner.x + 7, y: inner.y, width: max(1, inner.width - 7), height: 1), buffer: &buffer)
        let listTop = inner.y + 2
        let rows = max(0, inner.height - 4)
        let first = max(0, min(dialog.cursor - 1 - rows / 2, dialog.formats.count - rows))
        for (offset, format) in dialog.formats.enumerated().dropFirst(first).prefix(rows) {
            let y = listTop + offset - first
            let selected = dialog.cursor == offset + 1
            let box = dialog.chosen.contains(format) ? "[x] " : "[ ] "
            buffer.write([Span(selected ? "▌" : " ", accent), Span(box, selected ? accent : .plain), Span(format.summary, selected ? .bold : .plain)],
                         x: inner.x, y: y, clip: inner)
        }
        buffer.write([Span("Enter", accent), Span(" export  "), Span("Space", accent), Span(" tick  "), Span("a", accent), Span(" all/none  "),
                      Span("↑↓", accent), Span(" move  "), Span("Esc", accent), Span(" close")],
                     x: inner.x, y: inner.y + inner.height - 1, clip: inner)
    }
}
