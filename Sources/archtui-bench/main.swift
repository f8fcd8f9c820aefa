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
    exit(2)
}

do {
    let report = try BenchReport.measure(archtui: arguments[1] == "--in-process" ? nil : arguments[1])
    report.printTable()
} catch {
    print("archtui-bench: \(error)")
    exit(1)
}
