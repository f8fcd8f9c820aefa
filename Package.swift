// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "archtui",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "archtui", targets: ["archtui"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0"),
    ],
    targets: [
        // Domain: what the user said (session) and the method (question catalogue).
        .target(name: "ArchModel", dependencies: ["Yams"]),
        // The method as data, plus what is derived from answers (capacity, later the rule engine).
        .target(
            name: "ArchRules",
            dependencies: ["ArchModel", "Yams"],
            plugins: ["EmbedResources"]
        ),
        // The design as files: one exporter per format, written atomically into one folder.
        .target(
            name: "ArchExport",
            dependencies: ["ArchModel"]
        ),
        // Screen buffer, layout and widgets; knows nothing about ncurses.
        .target(name: "TerminalUI"),
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses"),
        // The one place that calls ncurses.
        .target(name: "NCursesBackend", dependencies: ["TerminalUI", "CNCurses"]),
        // Application state, events, reduce and view.
        .target(name: "ArchApp", dependencies: ["ArchModel", "ArchRules", "ArchExport", "TerminalUI"]),
        .executableTarget(
            name: "archtui",
            dependencies: [
                "ArchApp", "ArchModel", "ArchRules", "ArchExport", "TerminalUI", "NCursesBackend", "BuiltInCatalogue",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "archtui-bench",
            dependencies: ["ArchApp", "ArchExport", "ArchModel", "ArchRules", "TerminalUI"]
        ),
        // Fuzz targets: replays inputs normally; `make fuzz` builds it with libFuzzer (-sanitize=fuzzer -DFUZZING).
        .executableTarget(
            name: "archtui-fuzz",
            dependencies: ["ArchModel", "ArchRules", "NCursesBackend", "TerminalUI"]
        ),
        // The question catalogue as Swift values (start-up parses no YAML for it); generated from Resources/questions
        // by CatalogueSwiftSource, and checked against it by CompiledCatalogueTests (which re-record it on request).
        .target(name: "BuiltInCatalogue", dependencies: ["ArchModel"]),
        // Build tool: turns Resources/ into Swift source so the binary needs no bundle.
        .executableTarget(name: "ResourceEmbedder", path: "Sources/ResourceEmbedder"),
        .plugin(
            name: "EmbedResources",
            capability: .buildTool(),
            dependencies: ["ResourceEmbedder"]
        ),

        .target(name: "TestSupport", dependencies: ["TerminalUI"], path: "Tests/TestSupport"),
        .testTarget(name: "ArchModelTests", dependencies: ["ArchModel", "TestSupport"]),
        .testTarget(name: "ArchRulesTests", dependencies: ["ArchRules", "ArchModel", "BuiltInCatalogue", "TestSupport"]),
        .testTarget(
            name: "ArchExportTests",
            // OpenAPIKit reads every exported document back and validates it (the exporter builds the tree itself).
            dependencies: ["ArchExport", "ArchModel", "ArchRules", "TestSupport", .product(name: "OpenAPIKit", package: "OpenAPIKit")],
            exclude: ["Goldens"]
        ),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(
            name: "ArchAppTests",
            dependencies: ["ArchApp", "ArchModel", "ArchRules", "TerminalUI", "TestSupport"],
            exclude: ["Goldens"]
        ),
        .testTarget(name: "NCursesBackendTests", dependencies: ["NCursesBackend", "CNCurses", "TerminalUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport"]),
    ]
)
