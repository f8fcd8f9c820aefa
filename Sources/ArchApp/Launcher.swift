/// One entry of the launcher shown when archtui starts without a file.
public enum LauncherItem: Hashable, Sendable {
    case newSession
    case open(path: String)
    case demo

    var title: String {
        switch self {
        case .newSession: return "New session…"
        case .open(let path): return "Open \(path)"
        case .demo: return "Open the demo (an e-commerce shop, fully answered; a scratch copy)"
        }
    }
}

/// The launcher: the choices and which one is highlighted.
public struct LauncherState: Hashable, Sendable {
    public var items: [LauncherItem]
    public var selected = 0
    /// Why the last open failed, shown under the list.
    public var error: String?

    /// A launcher offering a new session, the given session files, and the demo.
    public init(sessionFiles: [String]) {
        items = [.newSession] + sessionFiles.sorted().map { .open(path: $0) } + [.demo]
    }
}
