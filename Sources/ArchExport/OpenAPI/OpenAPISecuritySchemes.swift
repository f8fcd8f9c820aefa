import ArchModel
import Foundation
import OpenAPIKit

/// The security schemes of the document: those the operations' requirements name, with the scopes they use.
enum OpenAPISecuritySchemes {
    /// The OpenID Connect discovery document; a placeholder for the team's identity provider.
    static let discoveryURL = URL(string: "https://auth.example.com/.well-known/openid-configuration")!

    /// The scheme's key in `components.securitySchemes`.
    static func key(_ scheme: SecurityScheme) -> String { scheme.rawValue }

    /// The schemes `endpoints` use, in declaration order of `SecurityScheme`.
    static func components(for endpoints: [Endpoint]) -> OpenAPI.ComponentReferenceDictionary<OpenAPI.SecurityScheme> {
        let used = Set(endpoints.flatMap { $0.security.map(\.scheme) })
        var result: OpenAPI.ComponentReferenceDictionary<OpenAPI.SecurityScheme> = [:]
        for scheme in SecurityScheme.allCases where used.contains(scheme) {
            result[OpenAPI.ComponentKey(rawValue: key(scheme))!] = .b(definition(scheme))
        }
        return result
    }

    private static func definition(_ scheme: SecurityScheme) -> OpenAPI.SecurityScheme {
        switch scheme {
        case .oidc:
            return .openIdConnect(url: discoveryURL,
                                  description: "Bearer tokens from the OpenID Connect provider; operations name the scopes they need.")
        case .apiKey:
            return .apiKey(name: SecurityScheme.apiKeyHeader, location: .header, description: "An API key issued to the calling client.")
        case .session:
            return .apiKey(name: SecurityScheme.sessionCookie, location: .cookie,
                           description: "A session cookie; writes also carry a CSRF token.")
        case .mutualTLS:
            return .mutualTLS(description: "A client certificate the API trusts.")
        }
    }
}
