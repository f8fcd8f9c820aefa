import ArchModel
import ArchRules
import BuiltInCatalogue
import ArgumentParser
import Foundation

/// `--rules DIR`, shared by every command that derives a design; what it does is `RuleSources`.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A directory of extra rule files (*.yaml), loaded after the built-in rules and ~/.config/archtui/rules; repeatable.",
        valueName: "DIR"))
    var directories: [String] = []

    var sources: RuleSources { RuleSources(directories: directories) }

    func designBuilder() throws(CommandFailure) -> DesignBuilder { try sources.designBuilder() }
    func catalogue() throws(CommandFailure) -> Catalogue { try sources.catalogue() }
    func load() throws(CommandFailure) -> (Catalogue, RuleRegistry) { try sources.load() }
}

/// Where the rules come from: the built-in packs, ~/.config/archtui/rules and the `--rules` directories. A plain
/// value, so the TUI's usual command lines need no ArgumentParser to make one (`TUILaunch`).
struct RuleSources: Sendable {
    var directories: [String] = []

    /// The design builder over the built-in catalogue and every rule pack.
    func designBuilder() throws(CommandFailure) -> DesignBuilder {
        let (catalogue, registry) = try load()
        return DesignBuilder(catalogue: catalogue, registry: registry)
    }

    /// The design builder over an already loaded catalogue.
    func designBuilder(catalogue: Catalogue) throws(CommandFailure) -> DesignBuilder {
        DesignBuilder(catalogue: catalogue, registry: try registry(catalogue: catalogue))
    }

    /// The built-in question catalogue as compiled Swift values (`BuiltInCatalogue`; CompiledCatalogueTests checks them against the YAML).
    func catalogue() throws(CommandFailure) -> Catalogue {
        CompiledCatalogue.catalogue
    }

    /// Loads each `--rules` directory alone, to report a broken user pack before the TUI starts.
    func checkUserPacks(catalogue: Catalogue) throws(CommandFailure) {
        try checkDirectoriesExist()
        for directory in directories {
            do {
                _ = try RulePack.load(directory: URL(fileURLWithPath: directory), catalogue: catalogue)
            } catch {
                throw CommandFailure(code: 65, message: "\(error)")
            }
        }
    }

    private func checkDirectoriesExist() throws(CommandFailure) {
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(code: 66, message: "--rules \(directory): no such directory")
            }
        }
    }

    /// The catalogue and rules, with load errors turned into exit codes and `file:line:col` messages.
    func load() throws(CommandFailure) -> (Catalogue, RuleRegistry) {
        let catalogue = try catalogue()
        return (catalogue, try registry(catalogue: catalogue))
    }

    private func registry(catalogue: Catalogue) throws(CommandFailure) -> RuleRegistry {
        try checkDirectoriesExist()
        do {
            return try RuleRegistry.load(userDirectories: directories.map { URL(fileURLWithPath: $0) }, catalogue: catalogue)
        } catch {
            throw CommandFailure(code: 65, message: "\(error)")
        }
    }
}
