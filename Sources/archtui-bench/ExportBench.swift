import ArchApp
import ArchExport
import ArchModel
import ArchRules
import Foundation

/// `archtui export` against `archtui render` of the same session, in process: each run derives the design, then
/// render makes the text and export makes every format and writes the folder (atomically, as the command does).
/// Target: export ≤ 1.5× render for the large session.
struct ExportBench {
    static func printFigures(archtui: String? = nil) throws {
        let builder = try DesignBuilder.standard()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archtui-export-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        print("figure".padding(toLength: 64, withPad: " ", startingAt: 0) + "render median   export median   ratio   files")
        let exporter = AppExport.export
        for (name, session, runs) in [("demo", try Demo.session(), 30), ("large (400 entities)", try LargeSession.make(), 8)] {
            var render: [Double] = [], export: [Double] = []
            var files = 0
            for _ in 0..<runs {
                let t0 = KeystrokeBench.reading().wall
                let design = builder.build(session)
                _ = DesignTextExporter.text(design: design, session: session, catalogue: builder.catalogue)
                let t1 = KeystrokeBench.reading().wall
                let input = ExportInput(design: builder.build(session), session: session, catalogue: builder.catalogue,
                                        sessionFileText: SessionFile.encode(session), sessionFileName: "bench.archtui.yaml")
                let result = try AppExport.export.write(input, formats: AppExport.export.formats, to: folder.path, force: true)
                let t2 = KeystrokeBench.reading().wall
                render.append(t1 - t0)
                export.append(t2 - t1)
                files = result.files.count
            }
            let r = Samples(render).median / 1000, e = Samples(export).median / 1000
            let columns: [(String, Int)] = [("export vs render, \(name) (wall)", 64), ("\(fixed(r)) ms", 16), ("\(fixed(e)) ms", 16),
                                            ("\(fixed(e / max(r, 0.001), 2))×", 8), ("\(files)", 8)]
            let target = name.hasPrefix("large") ? "target ≤ 1.5×" : ""
            print(columns.map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined() + target)
            // Where the time goes: each format made once, without writing.
            let input = ExportInput(design: builder.build(session), session: session, catalogue: builder.catalogue,
                                    sessionFileText: SessionFile.encode(session), sessionFileName: "bench.archtui.yaml")
            var parts: [String] = []
            for format in exporter.formats {
                let t0 = KeystrokeBench.reading().wall
                _ = try exporter.files(for: input, formats: [format])
                parts.append("\(format.rawValue) \(fixed((KeystrokeBench.reading().wall - t0) / 1000)) ms")
            }
            print("  by format: " + parts.joined(separator: ", "))
        }
        if let archtui { try printCommandFigures(archtui: archtui, folder: folder) }
    }

    /// The two commands as a user runs them on the large session's file: `archtui render FILE` against
    /// `archtui export FILE --out DIR`, each loading the file, deriving the design and writing its output.
    static func printCommandFigures(archtui: String, folder: URL) throws {
        let file = folder.deletingLastPathComponent().appendingPathComponent("archtui-export-bench-\(getpid()).archtui.yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try SessionFile.encode(try LargeSession.make()).write(to: file, atomically: true, encoding: .utf8)
        func run(_ arguments: [String]) throws -> Double {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: archtui)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let t0 = KeystrokeBench.reading().wall
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 || process.terminationStatus == 1 else {
                throw ExportError.unknownFormat("archtui \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
            }
            return KeystrokeBench.reading().wall - t0
        }
        var render: [Double] = [], export: [Double] = []
        for _ in 0..<5 {
            render.append(try run(["render", file.path]))
            export.append(try run(["export", file.path, "--out", folder.path, "--force"]))
        }
        let r = Samples(render).median / 1000, e = Samples(export).median / 1000
        let columns: [(String, Int)] = [("archtui export vs archtui render, large (processes)", 64), ("\(fixed(r)) ms", 16),
                                        ("\(fixed(e)) ms", 16), ("\(fixed(e / max(r, 0.001), 2))×", 16)]
        print(columns.map { $0.0.padding(toLength: $0.1, withPad: " ", startingAt: 0) }.joined() + "target ≤ 1.5×")
    }

    /// One format of the large session, made five times without writing: a workload for `perf record`. With "all",
    /// the stages of a whole export of it, three times.
    static func profile(format name: String) throws {
        if name == "all" {
            let builder = try DesignBuilder.standard()
            let session = try LargeSession.make()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("archtui-export-stages-\(getpid())")
            defer { try? FileManager.default.removeItem(at: folder) }
            for _ in 0..<3 {
                let t0 = KeystrokeBench.reading().wall
                let input = ExportInput(design: builder.build(session), session: session, catalogue: builder.catalogue,
                                        sessionFileText: "", sessionFileName: "bench.archtui.yaml")
                let t1 = KeystrokeBench.reading().wall
                let files = try AppExport.export.files(for: input, formats: AppExport.export.formats)
                let t2 = KeystrokeBench.reading().wall
                let manifest = ExportManifest(project: "x", formats: AppExport.export.formats, files: files)
                let t3 = KeystrokeBench.reading().wall
                _ = try ExportWriter(force: true).write(files, manifest: manifest, to: folder.path)
                let t4 = KeystrokeBench.reading().wall
                print("derive \(fixed((t1 - t0) / 1000)) files \(fixed((t2 - t1) / 1000)) manifest \(fixed((t3 - t2) / 1000)) write \(fixed((t4 - t3) / 1000))")
            }
            return
        }
        guard let format = ExportFormat(rawValue: name) else { throw ExportError.unknownFormat(name) }
        let builder = try DesignBuilder.standard()
        let session = try LargeSession.make()
        let input = ExportInput(design: builder.build(session), session: session, catalogue: builder.catalogue,
                                sessionFileText: SessionFile.encode(session), sessionFileName: "bench.archtui.yaml")
        for _ in 0..<5 {
            let t0 = KeystrokeBench.reading().wall
            let files = try AppExport.export.files(for: input, formats: [format])
            let bytes = files.reduce(0) { $0 + $1.0.contents.utf8.count }
            print("\(format.rawValue) \(fixed((KeystrokeBench.reading().wall - t0) / 1000)) ms, \(files.count) files, \(bytes) bytes")
        }
    }
}
