#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// archtui-bench PATH-TO-ARCHTUI: prints performance figures next to their targets. No pass/fail:
// the figures are for people to read (timings on shared machines are too noisy to gate on).

let arguments = CommandLine.arguments
guard arguments.count == 2 || (arguments.count == 3 && ["--derivation", "--forms", "--export"].contains(arguments[1])) else {
    print("usage: archtui-bench PATH-TO-ARCHTUI (a release build, e.g. .build/release/archtui)")
    print("       archtui-bench --in-process (only the in-process figures: keystrokes and derivation)")
    print("       archtui-bench --derivation [cold|edit] (the large session's derivation only: a workload for profiling)")
    print("       archtui-bench --typing (only typing into a long answer and a 10,000-character paste)")
    print("       archtui-bench --forms [background|inline|undo|typing] (only editing the large session in entity forms,")
    print("                     undo / redo of a cascading delete, typing into a form row)")
    print("       archtui-bench --filter (only the design filter on the large session)")
    print("       archtui-bench --export [FORMAT] (only export against render, demo and large session; with a format,\n                     only that format of the large session, a workload for profiling)")
    exit(2)
}

do {
    switch arguments[1] {
    case "--derivation": try DerivationBench.printLargeSessionFigures(only: arguments.count == 3 ? arguments[2] : nil)
    case "--in-process": try BenchReport.measure(archtui: nil).printTable()
    case "--typing": try BenchReport.printTypingFigures()
    case "--forms": try BenchReport.printFormFigures(only: arguments.count == 3 ? arguments[2] : nil)
    case "--filter": try FilterBench.printFigures()
    case "--export": try arguments.count == 3 ? ExportBench.profile(format: arguments[2]) : ExportBench.printFigures()
    default: try BenchReport.measure(archtui: arguments[1]).printTable()
    }
} catch {
    print("archtui-bench: \(error)")
    exit(1)
}
