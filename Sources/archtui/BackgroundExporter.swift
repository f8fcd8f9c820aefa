import ArchApp
import ArchExport
import ArchModel
import Dispatch
import Foundation

/// Runs an export off the main thread, so a large design's export shows progress and never holds up a key.
/// The event loop starts it for an `.export` effect and collects progress and the outcome.
final class BackgroundExporter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "archtui.export", qos: .userInitiated)
    /// Guards everything below, the only state shared with the queue.
    private let lock = NSLock()
    private var busy = false
    private var progress: (ExportFormat, Int, Int)?
    private var outcome: Result<ExportWriter.Result, ExportError>?

    var isBusy: Bool { lock.withLock { busy } }

    /// Derives the design of `session` afresh (so the export is of the session as it is now) and writes it.
    func start(_ request: ExportRequest, session: Session, catalogue: Catalogue, sessionPath: String, derive: DesignDeriver) {
        let started: Bool = lock.withLock {
            if busy { return false }
            busy = true
            return true
        }
        guard started else { return }
        queue.async { [self] in
            let input = ExportInput(design: derive(session), session: session, catalogue: catalogue,
                                    sessionFileText: SessionFile.encode(session),
                                    sessionFileName: sessionPath.isEmpty ? "session.archtui.yaml" : URL(fileURLWithPath: sessionPath).lastPathComponent)
            let result: Result<ExportWriter.Result, ExportError>
            do {
                result = .success(try AppExport.export.write(input, formats: request.formats, to: request.folder, force: request.force) { format, done, total in
                    self.lock.withLock { self.progress = (format, done, total) }
                })
            } catch let error as ExportError {
                result = .failure(error)
            } catch {
                result = .failure(.cannotWrite(path: request.folder, reason: "\(error)"))
            }
            lock.withLock {
                outcome = result
                busy = false
            }
        }
    }

    /// The latest progress, once.
    func takeProgress() -> (ExportFormat, Int, Int)? {
        lock.withLock {
            defer { progress = nil }
            return progress
        }
    }

    /// The outcome, once.
    func takeOutcome() -> Result<ExportWriter.Result, ExportError>? {
        lock.withLock {
            defer { outcome = nil }
            return outcome
        }
    }
}
