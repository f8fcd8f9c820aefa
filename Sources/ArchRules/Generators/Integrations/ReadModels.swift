import ArchModel

/// The entities another system is the system of record for (`ExternalSystem.owns`): the design keeps a read
/// model of each, copied from that system, and never lets its own clients change or delete one (a change would
/// be overwritten by the next sync, or fork the record). The table, the API, the components and the checks all
/// read this one value.
struct ReadModels: Hashable, Sendable {
    /// Where one read model comes from and how fresh it is.
    struct Source: Hashable, Sendable {
        /// The system of record's name.
        let system: String
        /// How the copy is refreshed: "consuming Legacy WMS's change events".
        let refresh: String
        /// How stale a read may be: "up to 5 minutes".
        let staleness: String
    }

    private let sources: [String: Source]

    init(session: Session) {
        var sources: [String: Source] = [:]
        let names = session.names
        for system in session.systems {
            let source = Self.source(of: system)
            for reference in system.owns where names.resolves(reference) {
                let key = NameKey.key(names.name(reference))
                if sources[key] == nil { sources[key] = source }
            }
        }
        self.sources = sources
    }

    /// The source of the entity called `name`, when another system owns it.
    func source(of name: String) -> Source? { sources.isEmpty ? nil : sources[NameKey.key(name)] }

    var isEmpty: Bool { sources.isEmpty }

    /// How a system's records reach the design, and how stale they may be.
    static func source(of system: ExternalSystem) -> Source {
        switch (system.kind, system.transport) {
        case (.fileExchange, _), (_, .file):
            return Source(system: system.name, refresh: "the nightly import of \(system.name)'s file", staleness: "up to 24 hours")
        case (_, .messaging):
            return Source(system: system.name, refresh: "consuming \(system.name)'s change events", staleness: "seconds")
        default:
            let within = system.rateLimit.map { ", within its \($0) req/s" } ?? ""
            return Source(system: system.name, refresh: "polling \(system.name) for changes every 5 minutes\(within)", staleness: "up to 5 minutes")
        }
    }
}
