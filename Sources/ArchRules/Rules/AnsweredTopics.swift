import ArchModel
import Foundation

/// Decision topics that a question settles. When the question is answered, the answer is the decision, marked
/// "(as answered)", whatever the rules would pick. When a rule picks something else, that pick becomes an
/// alternative, and a finding says what is recommended and why. An answer is never overridden silently
/// (issue 9: "Answers are honoured").
///
/// Only for choices the generators can build. The question's value maps to the topic's choice names, which
/// the generators read (`GeneratorInputs.choice`, `InfraFacts.choice`).
public struct AnsweredTopic: Sendable {
    public let topic: String
    public let question: String
    public let category: Category
    /// Answer value → the decision's choice and title.
    public let choices: [String: (choice: String, title: String)]
    /// Whether the answer applies at all in `session`. An answer about the broker means nothing when every call is
    /// synchronous.
    let applies: @Sendable (Session) -> Bool
    /// Whether the rules' choice already is what the answer asks for (by default, the same choice): "multi-region"
    /// answered agrees with an active-active region pair as well as with a warm standby.
    var agrees: @Sendable (_ recommended: String, _ answered: String) -> Bool = { $0 == $1 }

    /// The decisions the built-in questions settle.
    public static let builtIn: [AnsweredTopic] = [
        AnsweredTopic(topic: "api.versioning", question: "api.versioning", category: .api, choices: [
            "url": ("url", "Major version in the URL (/v1/…)"),
            "header": ("header", "Major version in a request header"),
            "none": ("evolve-compatibly", "No versions: additive changes, consumer-driven contract tests"),
        ], applies: { _ in true }),
        AnsweredTopic(topic: "messaging.broker", question: "services.messaging", category: .communication, choices: [
            "kafka": ("kafka", "Kafka: a partitioned event log"),
            "rabbitmq": ("rabbitmq", "RabbitMQ: a self-hosted queue"),
            "nats": ("nats", "NATS: a self-hosted queue"),
            "managed": ("managed-queue", "Managed queue (SQS, Pub/Sub, Service Bus)"),
        ], applies: { session in session["services.communication"]?.values.first != "sync" }),
        AnsweredTopic(topic: "deployment.topology", question: "nonfunctional.disaster_recovery", category: .reliability, choices: [
            "single_region": ("single-az", "Single availability zone, managed database with automated backups"),
            "multi_az": ("multi-az", "Multi-AZ in one region"),
            "multi_region": ("multi-region-active-passive", "Multi-AZ primary region with a warm standby region"),
        ], applies: { _ in true }, agrees: { $0 == $1 || ($0.hasPrefix("multi-region") && $1.hasPrefix("multi-region")) }),
        AnsweredTopic(topic: "caching.strategy", question: "nonfunctional.caching", category: .performance, choices: [
            "none": ("none", "No cache: reads go to the database"),
            "in_process": ("in-process-and-http", "In-process caches and HTTP caching"),
            "distributed": ("cache-aside-redis", "Cache-aside with a shared Redis"),
            "both": ("cache-aside-redis", "Cache-aside with a shared Redis, in-process caches in front"),
        ], applies: { _ in true }),
    ]

    /// The id of the finding that says an answer goes against what the rules recommend.
    public static let findingID = "answers.against-recommendation"

    /// `decisions` with every answered topic as answered, and a finding for each answer the rules recommend against.
    static func honour(_ decisions: [Decision], session: Session, catalogue: Catalogue,
                       topics: [AnsweredTopic] = builtIn) -> (decisions: [Decision], findings: [Finding]) {
        var decisions = decisions
        var findings: [Finding] = []
        for bound in topics {
            guard let value = session[bound.question]?.values.first, let answered = bound.choices[value], bound.applies(session) else { continue }
            let question = catalogue.question(id: bound.question)
            let label = question?.choices.first { $0.value == value }?.label ?? value
            let said = "Answered “\(question?.prompt ?? bound.question)”: \(label)."
            guard let index = decisions.firstIndex(where: { $0.topic == bound.topic }) else {
                decisions.append(Decision(topic: bound.topic, choice: answered.choice, title: answered.title + " (as answered)",
                                          category: bound.category, rationale: said, trace: Trace(answers: [bound.question])))
                continue
            }
            let recommended = decisions[index]
            let why = recommended.rationale.trimmingCharacters(in: .whitespacesAndNewlines)
            var trace = recommended.trace
            if !trace.answers.contains(bound.question) { trace.answers.insert(bound.question, at: 0) }
            if bound.agrees(recommended.choice, answered.choice) {
                decisions[index].trace = trace
                continue
            }
            let rules = recommended.trace.rules.joined(separator: ", ")
            let reasons = recommended.trace.answers.filter { $0 != bound.question }
            let because = reasons.isEmpty ? "" : " (answers: " + reasons.joined(separator: ", ") + ")"
            var alternatives = recommended.alternatives.filter { !bound.agrees($0.choice, answered.choice) }
            alternatives.insert(Alternative(choice: recommended.choice,
                                            reason: "recommended by \(rules), not chosen: the answer is \(label)",
                                            trace: recommended.trace), at: 0)
            decisions[index] = Decision(
                topic: bound.topic, choice: answered.choice, title: answered.title + " (as answered)", category: recommended.category,
                rationale: said + " The rules recommend \(recommended.title) instead: " + why,
                alternatives: alternatives, references: recommended.references, trace: trace)
            findings.append(Finding(
                id: findingID, severity: .info,
                title: "You chose \(label) (\(bound.question)); \(recommended.title) is recommended",
                detail: why + because,
                fix: "Keep the answer if you know why it fits better; else answer \(bound.question) with what is recommended.",
                subject: "decision " + bound.topic, about: .question(bound.question), trace: trace))
        }
        return (decisions, findings)
    }
}
