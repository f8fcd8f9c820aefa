import Yams

extension SessionFile {
    /// A decoded session and what was odd but kept.
    public struct Decoded: Hashable, Sendable {
        public var session: Session
        public var warnings: [SessionFileWarning]
        /// The version the file declared; below `Session.currentSchemaVersion`, the first save upgrades it.
        public var schemaVersion: Int = Session.currentSchemaVersion
        /// The file's text as it was read (an export copies it as it is).
        public var text: String = ""
    }

    /// Reads a session; answers are typed by `catalogue` (an answer to a question it does not know is kept,
    /// as a number, text or list). Throws with the file position of the first problem.
    public static func decode(_ text: String, file: String, catalogue: Catalogue? = nil) throws(SessionFileError) -> Session {
        try decodeReporting(text, file: file, catalogue: catalogue).session
    }

    /// Like `decode`, and also returns warnings: unknown question ids, values outside the options or limits.
    public static func decodeReporting(_ text: String, file: String, catalogue: Catalogue? = nil) throws(SessionFileError) -> Decoded {
        var decoder = SessionDecoder(reader: YAMLReader(file: file), catalogue: catalogue)
        return try decoder.decode(text)
    }

    /// The `schemaVersion` a file declares, or nil when it cannot be read; used to refuse overwriting newer files.
    public static func schemaVersion(of text: String) -> Int? {
        guard let root = try? Yams.compose(yaml: text, YAMLReader.resolver), let node = root.mapping?["schemaVersion"] else { return nil }
        return node.int
    }
}

/// The work of `SessionFile.decode`: one pass over the node tree, collecting warnings.
private struct SessionDecoder {
    let reader: YAMLReader
    let catalogue: Catalogue?
    var warnings: [SessionFileWarning] = []

    init(reader: YAMLReader, catalogue: Catalogue?) {
        self.reader = reader
        self.catalogue = catalogue
    }

    mutating func decode(_ text: String) throws(SessionFileError) -> SessionFile.Decoded {
        let root: Node
        do {
            guard let node = try reader.compose(text) else {
                throw SessionFileError(.missingSchemaVersion, reader.error("empty file: missing key 'schemaVersion'", at: nil))
            }
            root = node
        } catch let error as LocatedError {
            throw SessionFileError(.syntax, error)
        } catch let error as SessionFileError {
            throw error
        } catch {
            throw SessionFileError(.invalid, reader.error("\(error)", at: nil))
        }
        let version = try checkVersion(root)
        do {
            let session = try readSession(root)
            return SessionFile.Decoded(session: session, warnings: warnings, schemaVersion: version, text: text)
        } catch {
            throw SessionFileError(.invalid, error)
        }
    }

    /// The version is checked before anything else: a newer file may use keys this build does not know.
    private func checkVersion(_ root: Node) throws(SessionFileError) -> Int {
        guard let mapping = root.mapping else {
            throw SessionFileError(.invalid, reader.error("expected a session (a mapping with schemaVersion, projectName, answers, entities, services, systems, flows, endpoints), found \(reader.describe(root))", at: root))
        }
        guard let node = mapping["schemaVersion"] else {
            throw SessionFileError(.missingSchemaVersion, reader.error("missing key 'schemaVersion' (this archtui writes \(Session.currentSchemaVersion))", at: root))
        }
        guard let version = node.int, node.scalar?.style == .plain else {
            throw SessionFileError(.missingSchemaVersion, reader.error("schemaVersion must be a whole number, found \(reader.describe(node))", at: node))
        }
        if version > Session.currentSchemaVersion {
            throw SessionFileError(.newerSchemaVersion(version), reader.error("schemaVersion \(version) is newer than this archtui supports (\(Session.currentSchemaVersion)); update archtui to open this file", at: node))
        }
        if version < 1 {
            throw SessionFileError(.unsupportedSchemaVersion(version), reader.error("schemaVersion \(version) is not supported; versions start at 1", at: node))
        }
        return version
    }

    private mutating func readSession(_ root: Node) throws(LocatedError) -> Session {
        let pairs = try reader.keyed(root.mapping!, allowed: ["schemaVersion", "projectName", "answers", "entities", "services", "systems", "flows", "endpoints"], in: "the session")
        let name = try reader.string(try reader.require("projectName", in: pairs, of: root, "the session"), "projectName")
        var session = Session(projectName: name)
        if let answers = pairs["answers"], !reader.isNull(answers) {
            for (key, value) in try reader.mapping(answers, "answers") {
                let id = try reader.string(key, "a question id")
                if let answer = try readAnswer(value, id: id, key: key) { session.answers[id] = answer }
            }
        }
        var model = SessionFileModelDecoder(reader: reader)
        if let entities = pairs["entities"], !reader.isNull(entities) { session.entities = try model.entities(entities) }
        if let services = pairs["services"], !reader.isNull(services) { session.services = try model.services(services) }
        var systems = SessionFileSystemDecoder(reader: reader)
        if let node = pairs["systems"], !reader.isNull(node) {
            session.systems = try systems.systems(node)
            if let legacy = pairs["answers"].flatMap({ $0.mapping?[ExternalSystem.questionID] }), session.answers[ExternalSystem.questionID] != nil {
                throw reader.error("\(ExternalSystem.questionID) is answered by 'systems'; remove the answer (or the systems list)", at: legacy)
            }
        } else if let lines = session.answers.removeValue(forKey: ExternalSystem.questionID)?.values {
            // Written before systems were structured: one system per line.
            session.systems = ExternalSystem.systems(fromLines: lines)
        }
        var flows = SessionFileFlowDecoder(reader: reader)
        if let node = pairs["flows"], !reader.isNull(node) { session.flows = try flows.flows(node) }
        if let node = pairs["endpoints"], !reader.isNull(node) { session.endpointOverrides = try flows.endpointOverrides(node) }
        model.checkReferences(entities: session.entities, services: session.services)
        flows.checkReferences(entities: session.entities, services: session.services)
        systems.checkReferences(entities: session.entities)
        warnings += model.warnings + systems.warnings + flows.warnings
        session.assignIdentities()
        session.resolveReferences()
        return session
    }

    private mutating func readAnswer(_ node: Node, id: String, key: Node) throws(LocatedError) -> AnswerValue? {
        if reader.isNull(node) { return nil }
        guard let question = catalogue?.question(id: id) else {
            if catalogue != nil { warn("answer to unknown question '\(id)' kept as is", at: key) }
            return try infer(node, id: id)
        }
        let value: AnswerValue
        switch question.kind {
        case .text: value = .text(try reader.string(node, "the answer to \(id)"))
        case .integer, .number: value = .number(try reader.number(node, "the answer to \(id)"))
        case .choice: value = .choice(try reader.string(node, "the answer to \(id)"))
        case .multiChoice: value = .choices(try strings(node, id: id))
        case .list, .entities, .services, .systems: value = .list(try strings(node, id: id))
        }
        if !question.kind.isModelList, let problem = AnswerParser.validate(value, for: question) { warn("\(id): \(problem.message)", at: node) }
        return value
    }

    /// Without a question to say the kind: plain numbers are numbers, other scalars text, lists lists.
    private func infer(_ node: Node, id: String) throws(LocatedError) -> AnswerValue {
        if node.sequence != nil { return .list(try strings(node, id: id)) }
        let text = try reader.string(node, "the answer to \(id)")
        if node.scalar?.style == .plain, let number = YAMLReader.number(text) { return .number(number) }
        return .text(text)
    }

    private func strings(_ node: Node, id: String) throws(LocatedError) -> [String] {
        var items: [String] = []
        for item in try reader.sequence(node, "the answer to \(id)") {
            items.append(try reader.string(item, "an item of \(id)"))
        }
        return items
    }

    private mutating func warn(_ message: String, at node: Node) {
        warnings.append(SessionFileWarning(reader.error(message, at: node)))
    }
}
