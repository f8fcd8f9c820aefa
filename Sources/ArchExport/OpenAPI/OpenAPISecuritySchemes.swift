import ArchModel

/// The security schemes of the document: those the operations' requirements name, with the scopes they use.
enum OpenAPISecuritySchemes {
    /// The OpenID Connect discovery document; a placeholder for the team's identity provider.
    static let discoveryURL = "https://auth.example.com/.well-known/openid-configuration"

    /// The scheme's key in `components.securitySchemes`.
    static func key(_ scheme: SecurityScheme) -> String { scheme.rawValue }

    /// The schemes `endpoints` use, by key.
    static func components(for endpoints: [Endpoint]) -> [String: DocumentNode] {
        let used = Set(endpoints.flatMap { $0.security.map(\.scheme) })
        var result: [String: DocumentNode] = [:]
        for scheme in SecurityScheme.allCases where used.contains(scheme) { result[key(scheme)] = definition(scheme) }
        return result
    }

    private static func definition(_ scheme: SecurityScheme) -> DocumentNode {
        switch scheme {
        case .oidc:
            return .object([("type", .string("openIdConnect")), ("openIdConnectUrl", .string(discoveryURL)),
                            ("description", .string("Bearer tokens from the OpenID Connect provider; operations name the scopes they need."))])
        case .apiKey:
            return apiKey(SecurityScheme.apiKeyHeader, in: "header", "An API key issued to the calling client.")
        case .session:
            return apiKey(SecurityScheme.sessionCookie, in: "cookie", "A session cookie; writes also carry a CSRF token.")
        case .mutualTLS:
            return .object([("type", .string("mutualTLS")), ("description", .string("A client certificate the API trusts."))])
        }
    }

    private static func apiKey(_ name: String, in location: String, _ description: String) -> DocumentNode {
        .object([("type", .string("apiKey")), ("name", .string(name)), ("in", .string(location)), ("description", .string(description))])
    }
}
