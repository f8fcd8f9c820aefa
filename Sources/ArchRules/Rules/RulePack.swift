import ArchModel
import Foundation

/// The rules of one source (the built-in files, or one directory), in load order: file name, then position.
public struct RulePack: Hashable, Sendable {
    /// `built-in`, or the directory's path.
    public var name: String
    public var rules: [Rule]

    public init(name: String, rules: [Rule]) {
        self.name = name
        self.rules = rules
    }

    /// Loads `files` in the order given; a rule id used twice in the pack is an error at the second one.
    public static func load(name: String, files: [(name: String, text: String)], catalogue: Catalogue) throws(RuleError) -> RulePack {
        var rules: [Rule] = []
        var seen: [String: RuleOrigin] = [:]
        for file in files {
            for rule in try RuleDecoder(file: file.name, text: file.text, catalogue: catalogue).decode(file.text) {
                if let first = seen[rule.id] {
                    throw RuleError(file: rule.origin.file, line: rule.origin.line, column: rule.origin.column,
                                    message: "duplicate rule id '\(rule.id)'; first defined at \(first)")
                }
                seen[rule.id] = rule.origin
                rules.append(rule)
            }
        }
        return RulePack(name: name, rules: rules)
    }

    /// The rules compiled into the binary (`Resources/rules/*.yaml`, in file-name order).
    public static func builtIn(catalogue: Catalogue) throws(RuleError) -> RulePack {
        let files = EmbeddedResources.files
            .filter { $0.key.hasPrefix("rules/") && ($0.key.hasSuffix(".yaml") || $0.key.hasSuffix(".yml")) }
            .sorted { $0.key < $1.key }
            .map { (name: $0.key, text: $0.value) }
        return try load(name: "built-in", files: files, catalogue: catalogue)
    }

    /// Every `*.yaml`/`*.yml` file directly in `directory`, in file-name order.
    public static func load(directory: URL, catalogue: Catalogue) throws(RuleError) -> RulePack {
        let path = directory.path
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw RuleError(file: path, line: 1, column: 1, message: "cannot read the rules directory: \(error.localizedDescription)")
        }
        var files: [(name: String, text: String)] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw RuleError(file: file, line: 1, column: 1, message: "cannot read the file as UTF-8 text")
            }
            files.append((file, text))
        }
        return try load(name: path, files: files, catalogue: catalogue)
    }
}
