import ArchModel
import ArchRules
import ArgumentParser
import Foundation

/// `--rules DIR`, shared by every command that derives a design.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "A directory of extra rule files (*.yaml), loaded after the built-in rules and ~/.config/archtui/rules; repeatable.",
        valueName: "DIR"))
    var directories: [String] = []

    /// The design builder over the built-in catalogue and every rule pack.
    func designBuilder() throws(CommandFailure) -> DesignBuilder {
        let (catalogue, registry) = try load()
        return DesignBuilder(catalogue: catalogue, registry: registry)
    }

    /// The catalogue and rules, with load errors turned into exit codes and `file:line:col` messages.
    func load() throws(CommandFailure) -> (Catalogue, RuleRegistry) {
        let catalogue: Catalogue
        do {
            catalogue = try CatalogueLoader.builtIn()
        } catch {
            throw CommandFailure(code: 70, message: "built-in question catalogue: \(error)")
        }
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure(code: 66, message: "--rules \(directory): no such directory")
            }
        }
        do {
            let registry = try RuleRegistry.load(userDirectories: directories.map { URL(fileURLWithPath: $0) }, catalogue: catalogue)
            return (catalogue, registry)
        } catch {
            throw CommandFailure(code: 65, message: "\(error)")
        }
    }
}
