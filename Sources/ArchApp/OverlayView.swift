import TerminalUI

/// The help overlay and message dialogs drawn over the panes.
struct OverlayView {
    let overlay: Overlay

    func render(into buffer: inout ScreenBuffer) {
        switch overlay {
        case .help(let scroll):
            HelpOverlay(sections: KeyHelp.sections.map { section in
                HelpSection(title: section.title, rows: section.bindings.map { ($0.keys, $0.action) })
            }, scroll: scroll).render(in: buffer.bounds, buffer: &buffer)
        case .message(let title, let text):
            Dialog(title: title, message: text, kind: .message).render(in: buffer.bounds, buffer: &buffer)
        }
    }
}
