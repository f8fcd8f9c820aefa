import Foundation

/// The path of the built `archtui` executable for end-to-end tests.
///
/// Order: `$ARCHTUI_BINARY`; beside the test bundle (same build configuration); then
/// `<package root>/.build/{debug,release}/archtui`, the root derived from `#filePath`.
/// `swift test` does not build executables the tests do not depend on, so build it first
/// (`swift build --product archtui`; `make test` should do that before `swift test`).
func archtuiBinaryPath(filePath: String = #filePath) throws -> String {
    let fm = FileManager.default
    if let override = ProcessInfo.processInfo.environment["ARCHTUI_BINARY"], !override.isEmpty {
        guard fm.isExecutableFile(atPath: override) else {
            throw TmuxError(description: "ARCHTUI_BINARY=\(override) is not an executable file")
        }
        return override
    }
    let root = URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // EndToEndTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    // On Linux the test bundle is an executable in .build/<config>; on macOS an .xctest directory there.
    var candidates: [URL] = []
    if let executable = Bundle.main.executableURL {
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("archtui"))
    }
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("archtui"))
    }
    for config in ["debug", "release"] {
        candidates.append(root.appendingPathComponent(".build/\(config)/archtui"))
    }
    var seen = Set<String>()
    for url in candidates where seen.insert(url.standardizedFileURL.path).inserted {
        if fm.isExecutableFile(atPath: url.path) { return url.standardizedFileURL.path }
    }
    throw TmuxError(description: "archtui binary not found (looked in: \(seen.sorted().joined(separator: ", "))); "
        + "run `swift build --product archtui` first or set ARCHTUI_BINARY")
}
