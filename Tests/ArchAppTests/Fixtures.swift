import ArchApp
import ArchModel
import TerminalUI

/// A small catalogue with one question of each kind, independent of the shipped YAML.
enum Fixtures {
    static let catalogue = Catalogue(steps: [
        MethodStep(id: "requirements", title: "Understand requirements", summary: "Who uses it and how much.", questions: [
            Question(id: "requirements.daily_active_users", prompt: "Daily active users", help: "Sizes everything.",
                     kind: .integer, unit: "users", defaultValue: .number(1000), validation: Validation(minimum: 1, maximum: 1e9)),
            Question(id: "requirements.requests_per_user", prompt: "Requests per user per day", kind: .integer,
                     validation: Validation(minimum: 1, maximum: 1e6)),
            Question(id: "requirements.peak_rps", prompt: "Peak requests per second", kind: .integer, unit: "req/s",
                     validation: Validation(minimum: 1, maximum: 1e7)),
            Question(id: "requirements.summary", prompt: "What does it do?", kind: .text, validation: Validation(maxLength: 40)),
            Question(id: "requirements.integrations", prompt: "Existing systems", kind: .list),
        ]),
        MethodStep(id: "api", title: "Design APIs", questions: [
            Question(id: "api.style", prompt: "API style", kind: .choice,
                     choices: [Choice(value: "rest", label: "REST"), Choice(value: "graphql", label: "GraphQL"),
                               Choice(value: "grpc", label: "gRPC")]),
            Question(id: "api.versioning", prompt: "Versioning", kind: .choice,
                     choices: [Choice(value: "url", label: "In the URL"), Choice(value: "header", label: "In a header")],
                     showIf: ShowIf(question: "api.style", values: ["rest"])),
            Question(id: "api.auth", prompt: "Authentication", kind: .multiChoice,
                     choices: [Choice(value: "oauth2", label: "OAuth 2"), Choice(value: "api_key", label: "API keys"),
                               Choice(value: "mtls", label: "mTLS")]),
        ]),
        MethodStep(id: "data", title: "Design data models", questions: [
            Question(id: "data.entities", prompt: "Entities", kind: .entities),
        ]),
    ])

    static func state(width: Int = 120, height: Int = 40, session: Session = Session(projectName: "Bookstore")) -> AppState {
        AppState(catalogue: catalogue, session: session, filePath: "bookstore.archtui.yaml", size: Size(width: width, height: height))
    }
}

extension AppState {
    /// Sends keys one by one and returns every effect they asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(.key($0)) }
    }

    /// Types text character by character.
    mutating func type(_ text: String) {
        for character in text { _ = reduce(.key(.character(character))) }
    }

    /// Sends keys one by one as the runtime does, drawing a frame after each (which lays out the design tab
    /// shown and keeps it in `layouts`).
    mutating func pressAndDraw(_ keys: Key...) {
        for key in keys {
            _ = reduce(.key(key))
            _ = AppView.render(self)
        }
    }

    /// Applies an event as the runtime does, drawing a frame after it.
    mutating func reduceAndDraw(_ event: Event) {
        _ = reduce(event)
        _ = AppView.render(self)
    }

    var screenLines: [String] { AppView.render(self).trimmedLines }
    var screenText: String { screenLines.joined(separator: "\n") }
}
