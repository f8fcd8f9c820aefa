import ArchModel

/// The words endpoints share: who may call them, and what each error status means under the answered error format.
/// The answers are read once, when it is made: every endpoint of a large design asks again.
struct EndpointVocabulary: Hashable {
    /// The answered schemes, in the question's order; empty for a public API.
    let securitySchemes: [SecurityScheme]
    /// "bearer token (OIDC) or API key"; nil when no scheme is answered (public API).
    private let schemes: String?
    /// The body of every error response.
    let errorFormat: ErrorFormat
    private let authorizationModel: String
    private let tenantScoped: Bool
    /// " (problem details, RFC 9457)" or " (error envelope)".
    private let formatSuffix: String
    /// 401, 403, 429 and 500, as they apply: merged into every endpoint's responses.
    private let commonErrors: [Endpoint.Response]

    init(inputs: GeneratorInputs) {
        securitySchemes = inputs.values("api.auth").compactMap { scheme -> SecurityScheme? in
            switch scheme {
            case "oidc": return .oidc
            case "api_keys": return .apiKey
            case "session": return .session
            case "mtls": return .mutualTLS
            default: return nil
            }
        }
        schemes = securitySchemes.isEmpty ? nil : securitySchemes.map(\.sentence).joined(separator: " or ")
        errorFormat = inputs.choice("api.error_format") == "problem_json" ? .problemDetails : .envelope
        authorizationModel = inputs.choice("api.authorization")
        tenantScoped = inputs.sharedSchemaTenancy
        formatSuffix = errorFormat == .problemDetails ? " (problem details, RFC 9457)" : " (error envelope)"
        var common: [(Int, String)] = []
        if !inputs.values("api.auth").isEmpty {
            common += [(401, "missing or invalid credentials"), (403, "authenticated but not allowed")]
        }
        if inputs.choice("api.rate_limiting") != "none" { common.append((429, "rate limit exceeded; retry after the Retry-After header")) }
        common.append((500, "unexpected error; the problem's instance identifies it in the logs"))
        let suffix = formatSuffix
        commonErrors = common.map { Endpoint.Response(status: $0.0, description: $0.1 + suffix, error: ErrorKind(status: $0.0),
                                                      headers: $0.0 == 429 ? [.retryAfter] : []) }
    }

    /// The requirements of a resource's reading or writing routes: any answered scheme, OIDC tokens with the
    /// scope the sentence names.
    func security(_ resource: RouteInputs, write: Bool) -> [SecurityRequirement] {
        security(scope: "\(resource.own.segment):\(write ? "write" : "read")")
    }

    /// Every answered scheme, OIDC with `scope` when there is one.
    func security(scope: String?) -> [SecurityRequirement] {
        securitySchemes.map { SecurityRequirement(scheme: $0, scopes: $0.takesScopes ? scope.map { [$0] } ?? [] : []) }
    }

    /// "bearer token (OIDC); scope orders:write; RBAC: a role granting orders:write"
    func authorization(_ resource: RouteInputs, write: Bool) -> String {
        guard let schemes else { return "none (public)" }
        let display = resource.own.display
        let permission = "\(resource.own.segment):\(write ? "write" : "read")"
        var parts = [schemes, "scope \(permission)"]
        switch authorizationModel {
        case "abac": parts.append("ABAC: policy on the caller's and the \(display)'s attributes")
        case "rebac": parts.append("ReBAC: the caller must be related to the \(display) (owner, member, …)")
        case "owner": parts.append(ownerOnly(resource, write: write))
        default: parts.append("RBAC: a role granting \(permission)")
        }
        if tenantScoped { parts.append("within the caller's tenant") }
        return parts.joined(separator: "; ")
    }

    /// Owner-only authorisation as it applies to the resource: its own record, records reached through their
    /// owner, or reference data that nobody owns.
    private func ownerOnly(_ resource: RouteInputs, write: Bool) -> String {
        switch resource.owner {
        case .unknownOwner: return "owner only: the caller's own \(resource.own.display) records; others' answer 404"
        case .principal: return "owner only: the caller's own \(resource.own.display) record; others' answer 404"
        case .owned(let principal):
            return "owner only: \(resource.own.pluralDisplay) of the calling \(principal); others' answer 404"
        case .referenceData:
            return write ? "no owner (reference data): an admin role only" : "no owner (reference data): any signed-in caller"
        }
    }

    /// An error response with its meaning, in the answered format.
    func error(_ status: Int, _ meaning: String) -> Endpoint.Response {
        Endpoint.Response(status: status, description: meaning + formatSuffix, error: ErrorKind(status: status))
    }

    /// The errors every endpoint can answer, merged into `specific` in status order.
    func errors(_ specific: [Endpoint.Response]) -> [Endpoint.Response] {
        (specific + commonErrors).sorted { ($0.status, $0.description) < ($1.status, $1.description) }
    }
}
