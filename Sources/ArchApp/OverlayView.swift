import TerminalUI

/// The help overlay and message dialogs drawn over the panes.
struct OverlayView {
    let overlay: Overlay

    /// The help overlay with every key; also used by `reduce` to clamp its scrolling.
    static func help(scroll: Int) -> HelpOverlay {
        HelpOverlay(title: "Keys — Esc closes", sections: KeyHelp.sections, state: TextViewState(offset: scroll),
                    maxWidth: 90, maxHeight: 40)
    }

    /// Where the help box goes: the screen above the status line, which keeps showing the keys that close it.
    static func helpArea(_ size: Size) -> Rect {
        Rect(x: 0, y: 0, width: size.width, height: max(1, size.height - 1))
    }

    func render(into buffer: inout ScreenBuffer) {
        switch overlay {
        case .help(let scroll):
            Self.help(scroll: scroll).render(in: Self.helpArea(buffer.size), buffer: &buffer)
        case .trace(let title, let lines):
            Dialog(title: title, message: lines.joined(separator: "\n"), state: DialogState(kind: .message), maxWidth: 80)
                .render(in: buffer.bounds, buffer: &buffer)
        case .palette(let palette):
            PaletteView(palette: palette).render(into: &buffer)
        case .export(let dialog):
            ExportDialogView(dialog: dialog).render(into: &buffer)
        case .confirm(let confirmation):
            Dialog(title: confirmation.title, message: confirmation.message, state: confirmation.dialog, maxWidth: 70)
                .render(in: buffer.bounds, buffer: &buffer)
        case .choose(let choice):
            Dialog(title: choice.title, message: choice.message, state: choice.dialog, maxWidth: 80)
                .render(in: buffer.bounds, buffer: &buffer)
        case .saveAs(let dialog):
            SaveAsView(dialog: dialog).render(into: &buffer)
        case .message(let title, let text):
            Dialog(title: title, message: text, state: DialogState(kind: .message), maxWidth: 70)
                .render(in: buffer.bounds, buffer: &buffer)
        }
    }
}
