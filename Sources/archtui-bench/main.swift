import ArchExport
import ArchModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// archtui-bench PATH-TO-ARCHTUI: prints performance figures next to their targets. No pass/fail:
// the figures are for people to read (timings on shared machines are too noisy to gate on).

let arguments = CommandLine.arguments
guard arguments.count == 2 || (arguments.count == 3 && ["--derivation", "--forms", "--export", "--large-session", "--startup", "--keystroke"].contains(arguments[1])) else {
    print("usage: archtui-bench PATH-TO-ARCHTUI (a release build, e.g. .build/release/archtui)")
    print("       archtui-bench --in-process (only the in-process figures: keystrokes and derivation)")
    print("       archtui-bench --derivation [cold|edit] (the large session's derivation only: a workload for profiling)")
    print("       archtui-bench --typing (only typing into a long answer and a 10,000-character paste)")
    print("       archtui-bench --forms [background|inline|undo|typing] (only editing the large session in entity forms,")
    print("                     undo / redo of a cascading delete, typing into a form row)")
    print("       archtui-bench --filter (only the design filter on the large session)")
    print("       archtui-bench --export [ARCHTUI | FORMAT] (only export against render, demo and large session, in process;")
    print("                     with the binary, also the two commands on the large session's file; with a format,")
    print("                     only that format of the large session, a workload for profiling; with \"all\", the")
    print("                     stages of a whole export of it: derivation, files, manifest, writing)")
    print("       archtui-bench --startup ARCHTUI (only the start-up to the first frame against a bare ncurses program)")
    print("       archtui-bench --keystroke ARCHTUI (only keystroke → frame through a pty, typing an answer, against dialog --form)")
    print("       archtui-bench --large-session FILE (writes the generated 400-entity session, to profile the commands on)")
    exit(2)
}

do {
    switch arguments[1] {
    case "--derivation": try DerivationBench.printLargeSessionFigures(only: arguments.count == 3 ? arguments[2] : nil)
    case "--in-process": try BenchReport.measure(archtui: nil).printTable()
    case "--typing": try BenchReport.printTypingFigures()
    case "--forms": try BenchReport.printFormFigures(only: arguments.count == 3 ? arguments[2] : nil)
    case "--filter": try FilterBench.printFigures()
    case "--startup": try StartUpBench.printFigures(archtui: arguments[2])
    case "--keystroke": try KeystrokeThroughPty.printFigures(archtui: arguments[2])
    case "--large-session": try SessionFile.encode(try LargeSession.make()).write(toFile: arguments[2], atomically: true, encoding: .utf8)
    case "--export":
        if arguments.count == 3, ExportFormat(rawValue: arguments[2]) != nil || arguments[2] == "all" { try ExportBench.profile(format: arguments[2]) }
        else { try ExportBench.printFigures(archtui: arguments.count == 3 ? arguments[2] : nil) }
    default: try BenchReport.measure(archtui: arguments[1]).printTable()
    }
} catch {
    print("archtui-bench: \(error)")
    exit(1)
}
