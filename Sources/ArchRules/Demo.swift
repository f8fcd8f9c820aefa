import ArchModel

/// The demo session shipped with archtui: an e-commerce shop with every question answered.
public enum Demo {
    /// Resource path of the demo session file.
    public static let resourcePath = "demo/shop.yaml"

    /// The demo session's file text, as shipped.
    public static func sessionText() -> String { EmbeddedResources.files[resourcePath] ?? "" }

    /// The demo session, decoded against the built-in catalogue.
    public static func session() throws -> Session {
        try session(catalogue: CatalogueLoader.builtIn())
    }

    /// The demo session, decoded against a catalogue the caller already loaded.
    public static func session(catalogue: Catalogue) throws -> Session {
        try SessionFile.decode(sessionText(), file: resourcePath, catalogue: catalogue)
    }
}
