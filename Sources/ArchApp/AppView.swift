import ArchModel
import TerminalUI

/// Draws the whole app state into a screen buffer. Pure: the same state gives the same screen.
public enum AppView {
    public static func render(_ state: AppState) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: state.size)
        render(state, into: &buffer)
        return buffer
    }

    /// Draws the state into `buffer`, which is first made blank at the state's size (its storage reused).
    public static func render(_ state: AppState, into buffer: inout ScreenBuffer) {
        buffer.reset(size: state.size)
        let mode = LayoutMode(size: state.size)
        if mode == .tooSmall {
            drawTooSmall(state.size, into: &buffer)
            return
        }
        switch state.screen {
        case .launcher(let launcher):
            LauncherView(state: launcher, path: state.filePath).render(into: &buffer)
        case .projectName(let field, let error):
            ProjectNameView(field: field, error: error, path: state.filePath).render(into: &buffer)
        case .method:
            drawMethod(state, into: &buffer)
        }
        if let overlay = state.overlay {
            OverlayView(overlay: overlay).render(into: &buffer)
        }
    }

    private static func drawMethod(_ state: AppState, into buffer: inout ScreenBuffer) {
        let layout = state.methodLayout
        if let rect = layout.steps {
            state.paneImages.draw("steps", key: StepsPaneView.Key(state: state, rect: rect), in: rect, buffer: &buffer) {
                StepsPaneView(state: state).render(in: rect, buffer: &$0)
            }
        }
        if let rect = layout.stepTabs {
            StepTabsView(state: state).render(in: rect, buffer: &buffer)
        }
        if let rect = layout.questions {
            if let form = state.form {
                FormView(state: state, form: form).render(in: rect, buffer: &buffer)
            } else {
                QuestionsPaneView(state: state).render(in: rect, buffer: &buffer)
            }
        }
        if let rect = layout.design {
            state.paneImages.draw("design", key: DesignPaneView.Key(state: state, rect: rect), in: rect, buffer: &buffer) {
                DesignPaneView(state: state).render(in: rect, buffer: &$0)
            }
        }
        StatusLineView(state: state).render(in: layout.statusBar, buffer: &buffer)
    }

    private static func drawTooSmall(_ size: Size, into buffer: inout ScreenBuffer) {
        let need = LayoutMode.minimum
        let lines = ["Terminal too small", "need \(need.width)×\(need.height),", "have \(size.width)×\(size.height)", "q quits"]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let text = DisplayWidth.truncate(line, to: size.width)
            let x = max(0, (size.width - DisplayWidth.of(text)) / 2)
            buffer.write(text, x: x, y: top + index, style: index == 0 ? .bold : .plain)
        }
    }
}

/// The progress mark of a step: done, partly answered, or untouched.
enum ProgressMark {
    static func of(answered: Int, total: Int) -> String {
        if total > 0, answered == total { return "✓" }
        return answered == 0 ? "○" : "◐"
    }
}
