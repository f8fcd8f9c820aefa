import ArchExport
import ArchModel
import TerminalUI

/// Something that happened: a key, a resize, or the result of an effect the runtime performed.
public enum Event: Sendable {
    case key(Key)
    case resize(Size)
    case saved(path: String)
    case saveFailed(message: String)
    /// Saved as another file (`.saveAs`): archtui goes on in that one.
    case savedAs(path: String)
    /// A save as was refused (the file exists, the folder is missing…); the dialog stays open with the reason.
    case saveAsFailed(message: String)
    /// The file as it is on disk now (`.reloadFromDisk`): it replaces the session, as one undoable edit.
    case reloaded(Session)
    case opened(Session, path: String)
    case openFailed(message: String)
    /// A design derived in the background from session revision `revision`.
    case designDerived(Design, revision: Int)
    /// An export started by `.export` has made `done` of `total` formats, `format` the latest.
    case exportProgress(ExportFormat, done: Int, total: Int)
    /// An export ended.
    case exported(Result<ExportWriter.Result, ExportError>)
}

/// Work `reduce` asks the runtime to do; results come back as events.
public enum Effect: Hashable, Sendable {
    /// Save the session now.
    case save
    /// Save, then leave.
    case quit
    /// Stop the process (Ctrl-Z) and redraw everything when resumed.
    case suspend
    /// Repaint the whole terminal (Ctrl-L).
    case redraw
    /// Load a session file; answers with `.opened` or `.openFailed`.
    case open(path: String)
    /// Start a new session file in the working directory under a name derived from the project's;
    /// answers with `.opened`.
    case create(projectName: String)
    /// Open a scratch copy of the built-in demo; answers with `.opened` or `.openFailed`.
    case openDemo
    /// Export the design of the session as it is now, in the background; answers with `.exportProgress`
    /// and `.exported`.
    case export(ExportRequest)
    /// Save to another file and go on there; answers with `.savedAs` or `.saveAsFailed`.
    case saveAs(path: String)
    /// Read the file again, replacing the session (after it changed on disk); answers with `.reloaded`.
    case reloadFromDisk
    /// Save over a file that changed on disk since it was read (the one on disk is kept as FILE.bak).
    case saveOverwritingChanges
    /// Neither save nor journal (a journal of unsaved edits is kept as it is, for later).
    case openReadOnly
    /// Forget the journal of unsaved edits: it now holds the session as opened.
    case discardJournal
}
