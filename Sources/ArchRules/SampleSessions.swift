import ArchModel

/// The sample sessions shipped under `Resources/examples/`: fully answered designs of very different systems.
public enum SampleSessions {
    /// Resource paths of the samples, sorted.
    public static var resourcePaths: [String] {
        EmbeddedResources.files.keys.filter { $0.hasPrefix("examples/") && $0.hasSuffix(".archtui.yaml") }.sorted()
    }

    /// Every sample decoded against the built-in catalogue, named by its file name without `.archtui.yaml`.
    public static func all() throws -> [(name: String, session: Session)] {
        let catalogue = try CatalogueLoader.builtIn()
        return try resourcePaths.map { path in
            let name = String(path.dropFirst("examples/".count).dropLast(".archtui.yaml".count))
            return (name, try SessionFile.decode(EmbeddedResources.files[path] ?? "", file: path, catalogue: catalogue))
        }
    }
}
