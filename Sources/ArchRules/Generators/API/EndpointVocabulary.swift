import ArchModel

/// The words endpoints share: who may call them, and what each error status means under the answered error format.
struct EndpointVocabulary {
    let inputs: GeneratorInputs

    /// "bearer token (OIDC); scope orders:write; RBAC: a role granting orders:write"
    func authorization(segment: String, display: String, write: Bool) -> String {
        let schemes = inputs.values("api.auth").compactMap { scheme -> String? in
            switch scheme {
            case "oidc": return "bearer token (OIDC)"
            case "api_keys": return "API key"
            case "session": return "session cookie (with CSRF token on writes)"
            case "mtls": return "mutual TLS client certificate"
            default: return nil
            }
        }
        guard !schemes.isEmpty else { return "none (public)" }
        let permission = "\(segment):\(write ? "write" : "read")"
        var parts = [schemes.joined(separator: " or "), "scope \(permission)"]
        switch inputs.choice("api.authorization") {
        case "abac": parts.append("ABAC: policy on the caller's and the \(display)'s attributes")
        case "rebac": parts.append("ReBAC: the caller must be related to the \(display) (owner, member, …)")
        case "owner": parts.append("owner only: the caller's own \(display) records; others' answer 404")
        default: parts.append("RBAC: a role granting \(permission)")
        }
        if inputs.sharedSchemaTenancy { parts.append("within the caller's tenant") }
        return parts.joined(separator: "; ")
    }

    /// Whether 401/403 apply: some authentication scheme is in use.
    var authenticated: Bool { !inputs.values("api.auth").isEmpty }

    /// Whether 429 applies.
    var rateLimited: Bool { inputs.choice("api.rate_limiting") != "none" }

    /// An error response with its meaning, in the answered format.
    func error(_ status: Int, _ meaning: String) -> Endpoint.Response {
        let format = inputs.choice("api.error_format") == "problem_json" ? "problem details, RFC 9457" : "error envelope"
        return Endpoint.Response(status: status, description: "\(meaning) (\(format))")
    }

    /// The errors every endpoint can answer, merged into `specific` in status order.
    func errors(_ specific: [Endpoint.Response]) -> [Endpoint.Response] {
        var all = specific
        if authenticated {
            all.append(error(401, "missing or invalid credentials"))
            all.append(error(403, "authenticated but not allowed"))
        }
        if rateLimited { all.append(error(429, "rate limit exceeded; retry after the Retry-After header")) }
        all.append(error(500, "unexpected error; the problem's instance identifies it in the logs"))
        return all.sorted { ($0.status, $0.description) < ($1.status, $1.description) }
    }
}
