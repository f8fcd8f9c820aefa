import CNCurses
import TerminalUI

/// Maps a `Style` to ncurses attributes and a colour pair, creating pairs as combinations first appear.
struct ColorPalette {
    /// How colours reach the screen.
    enum Mode: Equatable {
        /// No colours (no colour support, or `NO_COLOR`): attributes only.
        case monochrome
        /// Colours; `defaultColors` says whether -1 (the terminal's own colour) is allowed in a pair.
        case color(defaultColors: Bool)
    }

    let mode: Mode
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private let maxPairs: Int32

    private struct PairKey: Hashable {
        var foreground: Color
        var background: Color
    }

    /// Starts colours if the terminal has them and `NO_COLOR` is unset or empty. Call after ncurses starts.
    static func start(environment noColor: String?) -> ColorPalette {
        guard noColor?.isEmpty ?? true, has_colors() else { return ColorPalette(mode: .monochrome, maxPairs: 0) }
        guard start_color() != ERR else { return ColorPalette(mode: .monochrome, maxPairs: 0) }
        let defaults = use_default_colors() != ERR
        return ColorPalette(mode: .color(defaultColors: defaults), maxPairs: archtui_color_pairs())
    }

    private init(mode: Mode, maxPairs: Int32) {
        self.mode = mode
        self.maxPairs = maxPairs
    }

    /// The attributes and pair that draw `style`.
    mutating func attributes(for style: Style) -> (attrs: attr_t, pair: Int16) {
        var attrs = archtui_a_normal()
        if style.bold { attrs |= archtui_a_bold() }
        if style.dim { attrs |= archtui_a_dim() }
        if style.underline { attrs |= archtui_a_underline() }
        var reverse = style.reverse
        switch mode {
        case .monochrome:
            // A coloured background usually marks a selection or a bar: keep it visible as reverse video.
            if style.background != .default { reverse.toggle() }
            if reverse { attrs |= archtui_a_reverse() }
            return (attrs, 0)
        case .color(let defaultColors):
            if reverse { attrs |= archtui_a_reverse() }
            return (attrs, pair(style.foreground, style.background, defaultColors: defaultColors))
        }
    }

    /// The pair for (foreground, background); pair 0 (terminal defaults) when the terminal has run out.
    private mutating func pair(_ foreground: Color, _ background: Color, defaultColors: Bool) -> Int16 {
        if foreground == .default && background == .default { return 0 }
        let key = PairKey(foreground: foreground, background: background)
        if let existing = pairs[key] { return existing }
        guard nextPair < maxPairs, nextPair <= Int32(Int16.max) else { return 0 }
        let fg = Int16(foreground == .default && !defaultColors ? Color.white.rawValue : foreground.rawValue)
        let bg = Int16(background == .default && !defaultColors ? Color.black.rawValue : background.rawValue)
        let number = Int16(nextPair)
        guard init_pair(number, fg, bg) != ERR else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
