#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Figures measured on the real binaries in a pseudo-terminal.
struct PtyFigures {
    let terminal: BenchTerminal
    private let clock = ContinuousClock()

    /// Start-up times in ms (spawn until the first frame's marker is read), CPU time of each whole
    /// run (start, first frame, quit) in ms, and peak RSS in KiB.
    struct StartUp {
        var milliseconds: [Double] = []
        var cpuMilliseconds: [Double] = []
        var peakRSS: [Double] = []
    }

    /// Runs each program `runs` times, alternating them so both see the same machine conditions;
    /// one unmeasured warm-up run each first (page cache, dynamic loader caches).
    func startUp(_ programs: [TerminalProgram], runs: Int) throws -> [StartUp] {
        var results = Array(repeating: StartUp(), count: programs.count)
        for run in 0...runs {
            for (index, program) in programs.enumerated() {
                let (time, usage) = try startOnce(program)
                guard run > 0 else { continue }
                results[index].milliseconds.append(time)
                results[index].cpuMilliseconds.append(usage.cpuMilliseconds)
                results[index].peakRSS.append(usage.peakRSSKiB)
            }
        }
        return results
    }

    private func startOnce(_ program: TerminalProgram) throws -> (milliseconds: Double, usage: PtyProcess.Usage) {
        let began = clock.now
        let process = try terminal.start(program)
        let drawn = process.waitFor(program.firstFrameMarker)
        let elapsed = (clock.now - began).milliseconds
        process.send("q")
        let usage = process.finish()
        guard drawn else { throw PtyError(description: "\(program.name): no \"\(program.firstFrameMarker)\" on screen within 5 s") }
        return (elapsed, usage)
    }

    /// Starts `program`, waits for its first frame and sends `open` (each key waited out); runs `type` on the open
    /// field, then Esc (nothing to save) and q; returns the peak RSS (KiB) of the run.
    private func inField(_ program: TerminalProgram, open: [String], _ type: (PtyProcess) throws -> Void) throws -> Double {
        let process = try terminal.start(program)
        guard process.waitFor(program.firstFrameMarker) else {
            _ = process.finish(timeout: .zero)
            throw PtyError(description: "\(program.name): first frame never came")
        }
        process.readUntilQuiet()
        for key in open {
            process.send(key)
            process.readUntilQuiet()
        }
        try type(process)
        process.send("\u{1B}")
        process.readUntilQuiet(quiet: .milliseconds(100))
        process.send("q")
        return process.finish(timeout: .seconds(1)).peakRSSKiB
    }

    /// Bytes written to the terminal per character typed into an answer field, and the peak RSS (KiB)
    /// of those sessions. Each session opens the third question of the first step ("Peak requests per
    /// second", an integer) and types `characters` digits, each once the screen has settled.
    func typingBytes(program: TerminalProgram, sessions: Int, characters: Int) throws -> (bytes: [Double], peakRSS: [Double]) {
        var bytes: [Double] = []
        var peaks: [Double] = []
        for _ in 0..<sessions {
            peaks.append(try inField(program, open: KeystrokeThroughPty.openAnswer) { process in
                for _ in 0..<characters {
                    process.send("7")
                    let count = process.readUntilQuiet()
                    guard count > 0 else { throw PtyError(description: "typing into the field showed nothing: is it open?") }
                    bytes.append(Double(count))
                }
            })
        }
        return (bytes, peaks)
    }

    /// Keystroke → frame through the pty while typing into a text field: ms from a digit being typed to the last
    /// byte of the frame it caused. `open` are the keys that open the field (each waited out first).
    func keystrokeToFrame(program: TerminalProgram, open: [String], sessions: Int, characters: Int) throws -> [Double] {
        var latencies: [Double] = []
        for _ in 0..<sessions {
            _ = try inField(program, open: open) { process in
                for index in 0..<characters {
                    let sent = clock.now
                    process.send(String(index % 9 + 1))
                    guard let frame = process.lastByte(after: sent) else { throw PtyError(description: "\(program.name): typing showed nothing") }
                    latencies.append(frame.milliseconds)
                }
            }
        }
        return latencies
    }
}

/// `dialog --form` with one field: the reference for keystroke → frame (it redraws only the field).
func dialogForm() -> TerminalProgram? {
    guard access("/usr/bin/dialog", X_OK) == 0 else { return nil }
    return TerminalProgram(name: "dialog --form", path: "/usr/bin/dialog",
                           arguments: ["--form", "Capacity", "10", "60", "1", "Peak requests per second:", "1", "1", "", "1", "28", "20", "0"],
                           firstFrameMarker: "Peak requests per second:")
}
