import ArchModel
import Foundation
import OpenAPIKit

/// `openapi.yaml` and `openapi.json`: the design's REST API as an OpenAPI 3.1 document, built with OpenAPIKit's
/// typed model from the endpoints' structured values (bodies, security, errors), never from their sentences.
/// The two files hold the same document, keys sorted, written from one tree (`DocumentTree`, `DocumentText`).
public struct OpenAPIExporter: Exporter {
    /// The placeholder server; the paths carry the version prefix when the design versions in the URL.
    public static let serverURL = URL(string: "https://api.example.com")!

    public init() {}
    public var format: ExportFormat { .openapi }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        // One tree, keys sorted, written twice (side by side): the two files hold the same document in the same order.
        let tree = try Self.tree(of: Self.document(for: input.design))
        let texts = ConcurrentResults<String>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            texts.set(index, .success(index == 0 ? DocumentText.yaml(tree) : DocumentText.json(tree)))
        }
        let files = try texts.values.map { try $0.get() }
        return [ExportFile("openapi.yaml", files[0]), ExportFile("openapi.json", files[1])]
    }

    /// The document as a tree, keys sorted. The path items, component schemas and examples, most of a large API,
    /// are encoded side by side on every core; the rest of the document around them.
    static func tree(of document: OpenAPI.Document) throws -> DocumentNode {
        var shell = document
        shell.paths = [:]
        shell.components.schemas = [:]
        shell.components.examples = [:]
        let root = try DocumentTree.encode(shell)
        // Each part: where it goes (a member of the root, or of components), its key there, and its value.
        let parts: [(group: String, key: String, value: any Encodable & Sendable)] =
            document.paths.map { ("paths", $0.key.rawValue, $0.value) }
            + document.components.schemas.map { ("schemas", $0.key.rawValue, $0.value) }
            + document.components.examples.map { ("examples", $0.key.rawValue, $0.value) }
        let results = ConcurrentResults<DocumentNode>(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { index in
            results.set(index, Result { try DocumentTree.encode(parts[index].value) })
        }
        var groups: [String: [(key: String, value: DocumentNode)]] = [:]
        for (part, result) in zip(parts, results.values) { groups[part.group, default: []].append((part.key, try result.get())) }
        func group(_ name: String) -> DocumentNode {
            .object((groups[name] ?? []).sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
        }
        var tree = root.adding("paths", group("paths"))
        var components = root.member("components") ?? .object([])
        for name in ["schemas", "examples"] where groups[name] != nil { components = components.adding(name, group(name)) }
        if groups["schemas"] != nil || groups["examples"] != nil { tree = tree.adding("components", components) }
        return tree
    }

    /// The document of `design`'s visible endpoints (hidden ones are not part of the API).
    public static func document(for design: Design) -> OpenAPI.Document {
        var operations = OpenAPIOperations(endpoints: design.endpoints)
        var ids = OpenAPINames()
        var paths: OrderedDictionary<String, OpenAPI.PathItem> = [:]
        /// Path templates told apart by their fixed segments only: `/a/{x}` and `/a/{y}` are the same route.
        var templates: [String: String] = [:]
        var tags: [String] = []
        for endpoint in design.endpoints {
            let path = OpenAPIPath.normalized(endpoint.path)
            let template = OpenAPIPath.template(path)
            let key = templates[template] ?? path
            guard let method = OpenAPI.HttpMethod(rawValue: endpoint.method.uppercased()), key == path,
                  paths[key]?[method] == nil else { continue }  // a second operation on one route: the design reports it
            templates[template] = path
            let tag = endpoint.resource.isEmpty ? nil : endpoint.resource
            if let tag, !tags.contains(tag) { tags.append(tag) }
            let id = ids.operationId(endpoint.operationId, method: endpoint.method, path: path)
            var item = paths[key] ?? OpenAPI.PathItem()
            item[method] = operations.operation(endpoint, operationId: id, tag: tag)
            paths[key] = item
        }
        var pathMap: OpenAPI.PathItem.Map = [:]
        for (path, item) in paths { pathMap[OpenAPI.Path(rawValue: path)] = .b(item) }
        let services = Dictionary(design.endpoints.map { ($0.resource, $0.service) }, uniquingKeysWith: { first, _ in first })
        return OpenAPI.Document(
            openAPIVersion: .v3_1_0,  // 3.1.0: the version vacuum 0.8 and every 3.1 tool know
            info: OpenAPI.Document.Info(title: design.projectName.isEmpty ? "API" : design.projectName,
                                        description: OpenAPIProse.safe(description(design)), version: "1.0.0"),
            servers: [OpenAPI.Server(url: serverURL, description: "placeholder; replace with the deployed API's address")],
            paths: pathMap,
            components: OpenAPI.Components(schemas: operations.schemas.components, responses: operations.responses.components.mapValues { .b($0) },
                                           parameters: operations.parameters.components.mapValues { .b($0) },
                                           examples: operations.examples.components.mapValues { .b($0) },
                                           headers: operations.responses.headerComponents.mapValues { .b($0) },
                                           securitySchemes: OpenAPISecuritySchemes.components(for: design.endpoints)),
            tags: tags.map { tag in
                OpenAPI.Tag(name: tag, description: OpenAPIProse.safe(services[tag].flatMap { $0.isEmpty ? nil : "Served by \($0)." } ?? "The \(tag) resource."))
            })
    }

    private static func description(_ design: Design) -> String {
        var lines = ["The REST API of \(design.projectName.isEmpty ? "the system" : design.projectName), as archtui designed it."]
        if let versioning = design.decision("api.versioning") { lines.append("Versioning: \(versioning.choice).") }
        if let pagination = design.decision("api.pagination") { lines.append("Pagination: \(pagination.choice).") }
        lines.append("Errors are problem details (RFC 9457) unless the design chose an envelope; problem types live under \(OpenAPIResponses.problemBase).")
        return lines.joined(separator: "\n")
    }
}

/// Descriptions are CommonMark, which tools render as HTML: user text in them (names, requirements) must not
/// become markup. `<` and `>` become character references, so `<script>` is shown, never run; `&` goes first so
/// the references stay as written.
enum OpenAPIProse {
    static func safe(_ text: String) -> String {
        text.replacing(ascii: "&", with: "&amp;").replacing(ascii: "<", with: "&lt;").replacing(ascii: ">", with: "&gt;")
    }

}

/// Route strings as OpenAPI keys them.
enum OpenAPIPath {
    /// A path parameter's name as the spec and every tool can match it in the path: ASCII letters, digits and `_`.
    /// Another name (`注文Id`) is transliterated, with a short hash so that two never come out alike.
    static func parameterName(_ name: String) -> String {
        if !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }) {
            return name
        }
        let words = FileName.slug(name).split(separator: "-")
        let camel = words.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }
        return camel.joined() + "_" + StableHash.hex(name, digits: 6)
    }

    /// The path with a leading `/` and no empty segments, each fixed segment percent-encoded where URLs need it.
    static func normalized(_ path: String) -> String {
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/{}"))
        let segments = path.split(separator: "/").map { segment -> String in
            if segment.hasPrefix("{"), segment.hasSuffix("}") { return "{" + parameterName(String(segment.dropFirst().dropLast())) + "}" }
            return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? "x"
        }
        return "/" + segments.joined(separator: "/")
    }

    /// The path with every parameter's name blanked: two paths with one template are one route.
    static func template(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : String($0) }.joined(separator: "/")
    }
}
