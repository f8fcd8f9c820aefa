import Foundation

#if FUZZING
/// libFuzzer's entry point (a build with `-sanitize=fuzzer -DFUZZING`, see `make fuzz`); the target is
/// `ARCHTUI_FUZZ_TARGET`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    FuzzTargets.run(fuzzTarget, Data(bytes: bytes, count: count))
    return 0
}

private let fuzzTarget = ProcessInfo.processInfo.environment["ARCHTUI_FUZZ_TARGET"] ?? "session"

/// SwiftPM links an executable's `main` to `archtui_fuzz_main`; it hands the command line to libFuzzer's driver.
@_cdecl("archtui_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32
#else
/// Without libFuzzer: `archtui-fuzz TARGET FILE…` runs each file through the target once, as libFuzzer would, so
/// a crash libFuzzer found can be replayed (and every corpus file is a regression test, `FuzzCorpusTests`).
@main
struct FuzzRunner {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let target = arguments.first, FuzzTargets.names.contains(target) else {
            print("usage: archtui-fuzz TARGET FILE… (TARGET: \(FuzzTargets.names.joined(separator: ", ")))")
            exit(64)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("archtui-fuzz: cannot read \(path)")
                exit(66)
            }
            FuzzTargets.run(target, data)
        }
        print("\(arguments.count - 1) inputs, no crash")
    }
}
#endif
