import ArchApp
import ArchModel
import Foundation
import NCursesBackend
import TerminalUI

/// The event loop: reads keys, runs `reduce`, performs effects, draws changed cells, autosaves.
final class Runtime {
    /// How long after the last change an autosave happens.
    static let autosaveDelay: Duration = .seconds(1)
    /// The longest a change waits for its autosave while editing goes on: the debounce restarts with each change,
    /// but not past this after the first unsaved one (12 edits 0.7 s apart were otherwise never saved).
    static let autosaveMaximumDelay: Duration = .seconds(3)
    /// Longest wait for a key, so signals and autosave deadlines are noticed promptly.
    static let pollInterval: Int32 = 100
    /// How often to look for a finished background derivation.
    static let derivationPollInterval: Int32 = 5
    /// How long keys already waiting are handled before a frame is drawn.
    static let waitingInputBudget: Duration = .milliseconds(16)

    private var state: AppState
    private let files: SessionFiles
    private let terminal = NCursesTerminal()
    private var renderer = DiffRenderer()
    private let clock = ContinuousClock()
    /// The session as last written (or read); a difference means unsaved changes.
    private var savedSession: Session
    private var autosaveDeadline: ContinuousClock.Instant?
    /// When the oldest change not yet saved was made.
    private var firstUnsavedChange: ContinuousClock.Instant?
    /// The file as archtui last read or wrote it (`SessionStore.stamp`): a save refuses a file changed since.
    private var fileStamp: UInt64?
    /// Set when a save was refused and the user asked what to do (the file changed on disk or is read-only, the
    /// window is read-only): autosaves then only say this on the status line, and Ctrl-S asks again.
    private var autosaveHeldBecause: String?
    /// Set after a save failed on quit: the next quit leaves without saving.
    private var quitDespiteFailedSave = false
    private var running = true
    private let deriver: BackgroundDeriver
    private let exporter = BackgroundExporter()
    private let journal = JournalWriter()
    /// Why this window neither saves nor journals, if it does not.
    private enum ReadOnly {
        /// Another archtui has the file open (its journal is live).
        case otherProcess(Int32)
        /// Chosen on recovery: the journal of a dead archtui's unsaved edits is kept as it was, for later.
        case keepingJournal
    }
    private var readOnly: ReadOnly?
    /// Set when leaving on a signal without saving: the journal stays.
    private var keepJournal = false

    init(state: AppState, files: SessionFiles) {
        self.state = state
        self.state.derivesDesignInline = false
        self.files = files
        self.savedSession = state.session
        self.deriver = BackgroundDeriver(state.deriveDesign)
        self.fileStamp = state.filePath.isEmpty ? nil : SessionStore.stamp(of: state.filePath)
    }

    func run() throws {
        try terminal.start()
        defer { terminal.stop() }
        // Leaving with the file holding everything (or by choice without saving): the journal goes. A signal that
        // could not save keeps it, for the next archtui to offer.
        defer { if keepJournal { journal.flush() } else { journal.finish() } }
        adoptJournal()
        state.size = terminal.size
        draw()
        // The demo's copy is written now, behind the first frame (a file given on the command line exists already).
        if !state.filePath.isEmpty, case .method = state.screen, !FileManager.default.fileExists(atPath: state.filePath) { saveNow() }
        while running {
            if let signal = TerminalSignals.takeTermination() {
                finishOnSignal(signal)
                break
            }
            let event = terminal.nextEvent(timeoutMilliseconds: waitTime())
            if let event {
                handle(event)
                handleWaitingInput()
            } else if terminal.isGone {
                finishOnSignal(SIGHUP)
                break
            }
            let saved = autosaveIfDue()
            let derived = collectDesign()
            let exported = collectExport()
            // Idle wake-ups (nothing typed, saved, derived or exported) change nothing on screen: skip the frame.
            if running, event != nil || saved || derived || exported { draw() }
            startDerivationIfStale()
        }
    }

    /// Handles the keys already waiting — typed ahead, or a paste from a terminal without bracketed paste,
    /// which arrives as keys — before drawing, so they cost one frame, not one each. Bounded by a frame's
    /// time, so a long stream of keys still shows progress.
    private func handleWaitingInput() {
        let deadline = clock.now.advanced(by: Self.waitingInputBudget)
        while running, clock.now < deadline, TerminalSignals.pendingTermination() == nil,
              let next = terminal.nextEvent(timeoutMilliseconds: 0) {
            handle(next)
        }
    }

    private func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key): dispatch(.key(key))
        case .resize(let size):
            // Also reported after a suspend/resume: the terminal may hold anything, so repaint it all.
            renderer.invalidate()
            dispatch(.resize(size))
        }
    }

    private func dispatch(_ event: Event) {
        // The revision counts session changes: no deep comparison of a large session on every key.
        let before = state.designRevision
        let effects = state.reduce(event)
        journal.record(state.takeAppliedEdits(), session: state.session)
        if state.designRevision != before {
            let now = clock.now
            let first = firstUnsavedChange ?? now
            firstUnsavedChange = first
            autosaveDeadline = min(now.advanced(by: Self.autosaveDelay), first.advanced(by: Self.autosaveMaximumDelay))
        }
        for effect in effects { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .save:
            saveNow()
        case .saveOverwritingChanges:
            saveNow(overwritingChanges: true)
        case .saveAs(let path):
            saveAs(path)
        case .reloadFromDisk:
            reload()
        case .openReadOnly:
            readOnly = .keepingJournal
            journal.use(nil, from: state.session)
            state.statusMessage = "Read-only: nothing is saved; the journal keeps the unsaved edits for the next archtui (W saves as another file)"
        case .discardJournal:
            journal.rebase(state.session)
            state.statusMessage = "Discarded the unsaved edits of the journal"
        case .quit:
            if quitDespiteFailedSave || saveIfNeeded() { running = false } else { quitDespiteFailedSave = true }
        case .suspend:
            _ = saveIfNeeded()
            terminal.suspend()
            renderer.invalidate()
        case .redraw:
            renderer.invalidate()
        case .open(let path):
            do {
                if let opened = try files.open(path, keepingInterruptedSaves: true) {
                    openSession(opened.session, at: path)
                    state.showWarnings(opened.warnings, in: path)
                } else {
                    dispatch(.openFailed(message: "\(path) no longer exists."))
                }
            } catch {
                dispatch(.openFailed(message: error.message))
            }
        case .openDemo:
            do {
                let (session, path) = try files.demoCopy()
                openSession(session, at: path)
            } catch {
                dispatch(.openFailed(message: error.message))
            }
        case .create(let projectName):
            let path = files.newPath(for: projectName)
            openSession(Session(projectName: projectName), at: path)
            saveNow()
        case .export(let request):
            exporter.start(request, session: state.session, catalogue: state.catalogue, sessionPath: state.filePath, derive: state.deriveDesign)
        }
    }

    private func openSession(_ session: Session, at path: String) {
        journal.finish()
        savedSession = session
        fileStamp = SessionStore.stamp(of: path)
        autosaveHeldBecause = nil
        dispatch(.opened(session, path: path))
        adoptJournal()
    }

    /// Takes up the journal of the file just opened: another archtui's live one makes this one read-only; one left by
    /// an archtui that did not exit, holding edits the file lacks, is offered back (an undoable edit); then this
    /// process journals the file, which marks it in use.
    private func adoptJournal() {
        readOnly = nil
        guard !state.filePath.isEmpty, case .method = state.screen else { journal.use(nil, from: state.session); return }
        let file = SessionJournal(sessionPath: state.filePath)
        if let entry = file.read(catalogue: state.catalogue), entry.pid != getpid() {
            if entry.isLive {
                readOnly = .otherProcess(entry.pid)
                journal.use(nil, from: state.session)
                state.overlay = .message(title: "Opened read-only", text: """
                    archtui \(entry.pid) has \(state.filePath) open. This window does not save, so neither overwrites the other's \
                    edits; quit it and work in the other, quit the other first, or press W to save this one as another file.
                    """)
                return
            }
            if entry.session != state.session {
                let name = URL(fileURLWithPath: state.filePath).lastPathComponent
                state.overlay = .choose(ChoiceDialog(
                    title: "Recover unsaved edits?",
                    message: "archtui \(entry.pid) did not exit cleanly, and its journal holds edits that \(name) lacks.\n\n"
                        + "Recover: take them back (u undoes it; they are saved as usual).\n"
                        + "Discard: forget them; \(name) stays as it is.\n"
                        + "Open read-only: look first; nothing is saved and the journal is kept for next time.",
                    options: [
                        .init(key: "r", label: "Recover", outcome: .edit(.replaceContents(entry.session), label: "recover the unsaved edits")),
                        .init(key: "d", label: "Discard", outcome: .effect(.discardJournal)),
                        .init(key: "o", label: "Open read-only", outcome: .effect(.openReadOnly)),
                    ]))
                journal.use(file, from: state.session, startingNow: false)  // until a choice or a change, the old journal stays as it was
                return
            }
        }
        journal.use(file, from: state.session)
    }

    /// Saves when the session differs from the file; true when the file now holds the session.
    @discardableResult
    private func saveIfNeeded() -> Bool {
        guard state.session != savedSession, !state.filePath.isEmpty else { return true }
        return saveNow()
    }

    /// Saves now; a file changed on disk since archtui read it is overwritten only when asked (`overwritingChanges`,
    /// the Ctrl-S after the warning), never by an autosave or a quit.
    @discardableResult
    private func saveNow(overwritingChanges: Bool = false) -> Bool {
        guard !state.filePath.isEmpty, case .method = state.screen else { return true }
        if let readOnly {
            let why = switch readOnly {
            case .otherProcess(let other): "this window is read-only while archtui \(other) has the file open"
            case .keepingJournal: "this window was opened read-only, keeping the journal of unsaved edits for later"
            }
            offerSaveAs(title: "Not saved: read-only", message: "\(state.filePath): not saved: \(why).")
            return false
        }
        do {
            fileStamp = try files.save(state.session, to: state.filePath, expecting: overwritingChanges ? nil : fileStamp)
            autosaveHeldBecause = nil
            savedSession = state.session
            autosaveDeadline = nil
            firstUnsavedChange = nil
            _ = state.reduce(.saved(path: state.filePath))
            return true
        } catch {
            // The store's errors name the file already; say it once.
            let reason = "\(error)"
            let message = reason.contains(state.filePath) ? reason : "\(state.filePath): \(reason)"
            switch error as? SessionStoreError {
            case .changedOnDisk?:
                autosaveHeldBecause = "Not saved: \(URL(fileURLWithPath: state.filePath).lastPathComponent) changed on disk; Ctrl-S asks what to do"
                offerChangedOnDisk(message)
            case .readOnly?:
                autosaveHeldBecause = "Not saved: \(URL(fileURLWithPath: state.filePath).lastPathComponent) is read-only; W saves as another file"
                offerSaveAs(title: "Not saved: the file is read-only", message: message)
            default:
                _ = state.reduce(.saveFailed(message: message + (quitDespiteFailedSave ? "" : "\nPress q again to quit without saving.")))
            }
            return false
        }
    }

    private var quitHint: String { quitDespiteFailedSave ? "" : " Not now, then q, quits without saving." }

    private var readOnlyStatus: String? {
        readOnly == nil ? nil : "Read-only: not saved; W saves as another file"
    }

    /// The file changed on disk since archtui read it: reload theirs, keep mine (theirs to FILE.bak), or save as.
    private func offerChangedOnDisk(_ message: String) {
        let name = URL(fileURLWithPath: state.filePath).lastPathComponent
        state.overlay = .choose(ChoiceDialog(
            title: "Changed on disk",
            message: message + "\n\nReload: take the version on disk (u undoes it: yours comes back, unsaved).\n"
                + "Keep mine: write yours over it; the one on disk is kept as \(name).bak.\n"
                + "Save as: write yours to a new file and go on there.\n"
                + "Not now: keep both as they are (autosave waits; Ctrl-S asks again).\(quitHint)",
            options: [
                .init(key: "r", label: "Reload", outcome: .effect(.reloadFromDisk)),
                .init(key: "k", label: "Keep mine", outcome: .effect(.saveOverwritingChanges)),
                .init(key: "s", label: "Save as…", outcome: .saveAs),
                .init(key: "n", label: "Not now", outcome: .nothing(status: "Not saved: \(name) changed on disk; Ctrl-S asks again")),
            ], selected: 3))
    }

    /// The file cannot be written (read-only, or this window is): say so and offer another file.
    private func offerSaveAs(title: String, message: String) {
        state.overlay = .choose(ChoiceDialog(
            title: title,
            message: message + "\n\nSave as: write the session to a new file and go on there.\(quitHint)",
            options: [
                .init(key: "s", label: "Save as…", outcome: .saveAs),
                .init(key: "n", label: "Not now", outcome: .nothing(status: "Not saved")),
            ]))
    }

    /// Writes the session to `path` (never over an existing file) and goes on there: its journal, its stamp.
    private func saveAs(_ path: String) {
        guard !FileManager.default.fileExists(atPath: path) else {
            return dispatch(.saveAsFailed(message: "\(path) exists: choose another name (save as never writes over a file)"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard folder.isEmpty || (FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) else {
            return dispatch(.saveAsFailed(message: "\(folder) is not a folder"))
        }
        do {
            let stamp = try files.save(state.session, to: path)
            // The old file keeps what was last saved in it; this window's journal of it goes (the edits are in the new
            // file). A journal kept for later (opened read-only) is not this window's and stays.
            journal.finish()
            fileStamp = stamp
            autosaveHeldBecause = nil
            savedSession = state.session
            autosaveDeadline = nil
            firstUnsavedChange = nil
            dispatch(.savedAs(path: path))
            adoptJournal()
        } catch {
            dispatch(.saveAsFailed(message: "\(error)"))
        }
    }

    /// Reads the file again (it changed on disk): the session becomes it, as one undoable edit.
    private func reload() {
        do {
            guard let opened = try files.open(state.filePath) else {
                return dispatch(.saveFailed(message: "\(state.filePath) no longer exists; Ctrl-S writes yours there again"))
            }
            fileStamp = SessionStore.stamp(of: state.filePath)
            autosaveHeldBecause = nil
            savedSession = opened.session
            dispatch(.reloaded(opened.session))
            autosaveDeadline = nil
            firstUnsavedChange = nil
        } catch {
            dispatch(.saveFailed(message: error.message))
        }
    }

    /// Saves when the autosave deadline has passed; true when it tried (the status line changed).
    private func autosaveIfDue() -> Bool {
        guard let deadline = autosaveDeadline, clock.now >= deadline else { return false }
        autosaveDeadline = nil
        guard state.session != savedSession else { firstUnsavedChange = nil; return false }
        if let held = autosaveHeldBecause ?? readOnlyStatus {
            // The user was asked (or the window is read-only): wait for their choice, without a dialog on every edit.
            state.statusMessage = held
            return true
        }
        saveNow()
        return true
    }

    /// A termination signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1…; `TerminalSignals.terminationSignals`): save
    /// what there is and leave.
    private func finishOnSignal(_ signal: Int32) {
        let saved = saveIfNeeded()
        terminal.stop()
        if !saved {
            keepJournal = true
            // Not over the file (read-only, changed by someone else, …), but not lost either: beside it.
            let rescue = state.filePath + ".unsaved-\(getpid()).yaml"
            let kept = (try? AtomicFile.write(SessionFile.encode(state.session), to: rescue)) != nil
            FileHandle.standardError.write(Data("archtui: could not save \(state.filePath) on signal \(signal)\(kept ? "; your version is in \(rescue)" : "")\n".utf8))
        }
        running = false
    }

    /// Shows a design finished in the background; true when there was one.
    private func collectDesign() -> Bool {
        guard let (design, revision) = deriver.takeResult() else { return false }
        dispatch(.designDerived(design, revision: revision))
        return true
    }

    /// Shows an export's progress or outcome; true when there was news.
    private func collectExport() -> Bool {
        var news = false
        if let (format, done, total) = exporter.takeProgress() {
            dispatch(.exportProgress(format, done: done, total: total))
            news = true
        }
        if let outcome = exporter.takeOutcome() {
            dispatch(.exported(outcome))
            news = true
        }
        return news
    }

    private func startDerivationIfStale() {
        if state.designIsStale { deriver.start(state.session, revision: state.designRevision) }
    }

    /// Milliseconds to wait for input: until the autosave deadline, at most the poll interval, and briefly
    /// while a design is being derived so it shows as soon as it is ready.
    private func waitTime() -> Int32 {
        if deriver.isBusy || exporter.isBusy { return Self.derivationPollInterval }
        guard let deadline = autosaveDeadline else { return Self.pollInterval }
        let remaining = clock.now.duration(to: deadline).components
        let milliseconds = remaining.seconds * 1000 + remaining.attoseconds / 1_000_000_000_000_000
        return Int32(max(0, min(Int64(Self.pollInterval), milliseconds)))
    }

    private func draw() {
        // Drawn into the buffer of the frame before last (no allocation per frame); the renderer keeps this one.
        var frame = renderer.takeSpare() ?? ScreenBuffer(size: state.size)
        AppView.render(state, into: &frame)
        renderer.render(frame, to: terminal)
    }
}

extension Error {
    var message: String { (self as? CommandFailure)?.description ?? "\(self)" }
}
