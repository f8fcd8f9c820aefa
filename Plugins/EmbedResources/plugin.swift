import Foundation
import PackagePlugin

/// Embeds every file under the package's top-level `Resources/` folder into the target as Swift source,
/// so an installed binary carries its question catalogue and needs no resource bundle beside it.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let resources = context.package.directoryURL.appending(path: "Resources")
        let inputs = Self.files(under: resources)
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) resource files",
                executable: try context.tool(named: "ResourceEmbedder").url,
                arguments: [output.path(), resources.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    /// Regular files below `root`, sorted so the generated source is deterministic.
    static func files(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey]
        ) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker {
            let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
            if isFile, !url.lastPathComponent.hasPrefix(".") { found.append(url) }
        }
        return found.sorted { $0.path() < $1.path() }
    }
}
