import ArchModel
import Foundation

/// `openapi.yaml` and `openapi.json`: the design's REST API as an OpenAPI 3.1 document, built from the endpoints'
/// structured values (bodies, security, errors), never from their sentences. The two files hold the same document,
/// keys sorted, written from one tree (`DocumentNode`, `DocumentText`).
public struct OpenAPIExporter: Exporter {
    /// The placeholder server; the paths carry the version prefix when the design versions in the URL.
    public static let serverURL = "https://api.example.com"
    /// The methods an OpenAPI 3.1 path item holds.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    public init() {}
    public var format: ExportFormat { .openapi }

    public func files(for input: ExportInput) throws -> [ExportFile] {
        // One tree, written twice (side by side): the two files hold the same document in the same order.
        let tree = Self.document(for: input.design)
        let texts = ConcurrentResults<String>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            texts.set(index, .success(index == 0 ? DocumentText.yaml(tree) : DocumentText.json(tree)))
        }
        let files = try texts.values.map { try $0.get() }
        return [ExportFile("openapi.yaml", files[0]), ExportFile("openapi.json", files[1])]
    }

    /// The document of `design`'s visible endpoints (hidden ones are not part of the API).
    static func document(for design: Design) -> DocumentNode {
        var operations = OpenAPIOperations(endpoints: design.endpoints)
        var ids = OpenAPINames()
        /// Each path's operations, as (method, operation); written in key order like every object.
        var paths: [String: [(String, DocumentNode?)]] = [:]
        var taken: [String: Set<String>] = [:]
        /// Path templates told apart by their fixed segments only: `/a/{x}` and `/a/{y}` are the same route.
        var templates: [String: String] = [:]
        var tags: [String] = []
        for endpoint in design.endpoints {
            let path = OpenAPIPath.normalized(endpoint.path)
            let template = OpenAPIPath.template(path)
            let key = templates[template] ?? path
            let method = endpoint.method.lowercased()
            guard Self.methods.contains(method), key == path,
                  taken[key]?.contains(method) != true else { continue }  // a second operation on one route: the design reports it
            templates[template] = path
            taken[key, default: []].insert(method)
            let tag = endpoint.resource.isEmpty ? nil : endpoint.resource
            if let tag, !tags.contains(tag) { tags.append(tag) }
            let id = ids.operationId(endpoint.operationId, method: endpoint.method, path: path)
            paths[key, default: []].append((method, operations.operation(endpoint, operationId: id, tag: tag)))
        }
        let services = Dictionary(design.endpoints.map { ($0.resource, $0.service) }, uniquingKeysWith: { first, _ in first })
        let components: [(String, DocumentNode?)] = [
            ("schemas", operations.schemas.components), ("responses", operations.responses.components),
            ("parameters", operations.parameters.components), ("examples", operations.examples.components),
            ("headers", operations.responses.headerComponents),
            ("securitySchemes", OpenAPISecuritySchemes.components(for: design.endpoints)),
        ].map { ($0.0, $0.1.isEmpty ? nil : DocumentNode.object($0.1)) }
        let title = design.projectName.isEmpty ? "API" : design.projectName
        return .object([
            ("openapi", .string("3.1.0")),  // 3.1.0: the version vacuum 0.8 and every 3.1 tool know
            ("info", .object([("title", .string(title)), ("description", .string(OpenAPIProse.safe(description(design)))),
                              ("version", .string("1.0.0"))])),
            ("servers", .array([.object([("url", .string(serverURL)),
                                         ("description", .string("placeholder; replace with the deployed API's address"))])])),
            ("paths", .object(paths.mapValues { DocumentNode.object($0) })),
            ("components", components.allSatisfy { $0.1 == nil } ? nil : .object(components)),
            ("tags", .array(tags.map { tag in
                let description = services[tag].flatMap { $0.isEmpty ? nil : "Served by \($0)." } ?? "The \(tag) resource."
                return .object([("name", .string(tag)), ("description", .string(OpenAPIProse.safe(description)))])
            })),
        ])
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
        if isNormalized(path) { return path }  // nearly every generated path: no work to do
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/{}"))
        let segments = path.split(separator: "/").map { segment -> String in
            if segment.hasPrefix("{"), segment.hasSuffix("}") { return "{" + parameterName(String(segment.dropFirst().dropLast())) + "}" }
            return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? "x"
        }
        return "/" + segments.joined(separator: "/")
    }

    /// Whether `normalized` would give `path` back: it starts with `/`, and every segment is non-empty and either
    /// unreserved characters (`A-Z a-z 0-9 - . _ ~`) or a `{parameter}` named with ASCII letters, digits and `_`.
    private static func isNormalized(_ path: String) -> Bool {
        let slash = UInt8(ascii: "/")
        let utf8 = path.utf8
        guard utf8.first == slash, utf8.count > 1 else { return false }
        for segment in utf8.dropFirst().split(separator: slash, omittingEmptySubsequences: false) {
            guard let first = segment.first else { return false }
            if first == UInt8(ascii: "{") {
                guard segment.count > 2, segment.last == UInt8(ascii: "}"),
                      segment.dropFirst().dropLast().allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "_") }) else { return false }
            } else if !segment.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "~") }) {
                return false
            }
        }
        return true
    }

    /// The path with every parameter's name blanked: two paths with one template are one route.
    static func template(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "{")) else { return path }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        for (index, segment) in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "/")) }
            if segment.first == UInt8(ascii: "{"), segment.last == UInt8(ascii: "}") {
                bytes += [UInt8(ascii: "{"), UInt8(ascii: "}")]
            } else {
                bytes += segment
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
