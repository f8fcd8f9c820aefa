/// Why a session file could not be read, with the place to look.
public struct SessionFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, so the app can react (e.g. never overwrite a file from a newer archtui).
    public enum Reason: Hashable, Sendable {
        /// Not valid YAML.
        case syntax
        /// `schemaVersion` is missing or not a whole number.
        case missingSchemaVersion
        /// Written by a newer archtui; this build must not rewrite it.
        case newerSchemaVersion(Int)
        /// A version this build never wrote (below 1).
        case unsupportedSchemaVersion(Int)
        /// Valid YAML, but not a session (wrong types, unknown keys, …).
        case invalid
    }

    public var reason: Reason
    public var location: LocatedError

    public init(_ reason: Reason, _ location: LocatedError) {
        self.reason = reason
        self.location = location
    }

    public var file: String { location.file }
    public var line: Int { location.line }
    public var column: Int { location.column }
    public var message: String { location.message }
    public var description: String { location.description }
}

/// Something odd in a session file that was kept rather than dropped (e.g. an answer to an unknown question).
public struct SessionFileWarning: Hashable, Sendable, CustomStringConvertible {
    public var location: LocatedError

    public init(_ location: LocatedError) { self.location = location }

    public var description: String {
        "\(location.file):\(location.line):\(location.column): warning: \(location.message)"
    }
}
