#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// archtui-bench PATH-TO-ARCHTUI: prints performance figures next to their targets. No pass/fail:
// the figures are for people to read (timings on shared machines are too noisy to gate on).

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    print("usage: archtui-bench PATH-TO-ARCHTUI (a release build, e.g. .build/release/archtui)")
    print("       archtui-bench --in-process (only the in-process figures: keystrokes and derivation)")
    print("       archtui-bench --derivation (only the large session's derivation, cold and after edits: for profiling)")
    exit(2)
}

do {
    switch arguments[1] {
    case "--derivation": try DerivationBench.printLargeSessionFigures()
    case "--in-process": try BenchReport.measure(archtui: nil).printTable()
    default: try BenchReport.measure(archtui: arguments[1]).printTable()
    }
} catch {
    print("archtui-bench: \(error)")
    exit(1)
}
