// Generated from Resources/questions/*.yaml by CatalogueSwiftSource; do not edit. After changing the YAML:
// ARCHTUI_RECORD_GOLDENS=1 swift test --filter CompiledCatalogueTests (CompiledCatalogueTests fails until then).
import ArchModel

public enum CompiledCatalogue {
    /// The built-in question catalogue, as `CatalogueLoader.builtIn()` reads it from the YAML.
    public static let catalogue = Catalogue(steps: [step0(), step1(), step2(), step3(), step4()])

    private static func step0() -> MethodStep {
        MethodStep(id: "requirements", title: "Understand requirements", summary: "What the system must do, for whom, at what scale, and within which constraints.", questions: [
            step0question0(),
            step0question1(),
            step0question2(),
            step0question3(),
            step0question4(),
            step0question5(),
            step0question6(),
            step0question7(),
            step0question8(),
            step0question9(),
            step0question10(),
            step0question11(),
            step0question12(),
            step0question13(),
            step0question14(),
            step0question15(),
            step0question16(),
            step0question17(),
            step0question18(),
        ])
    }

    private static func step0question0() -> Question {
        Question(
            id: "requirements.functional",
            prompt: "What must the system do? (functional requirements)",
            help: "Every later decision traces back to a requirement; a design without them optimises for nothing in particular.",
            kind: QuestionKind(rawValue: "list")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: true, minimum: nil, maximum: nil, maxLength: 200),
            showIf: nil
        )
    }

    private static func step0question1() -> Question {
        Question(
            id: "requirements.use_cases",
            prompt: "Which core use cases matter most?",
            help: "The few flows users run all day decide the hot paths, the APIs and where to spend on latency.",
            kind: QuestionKind(rawValue: "list")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: 200),
            showIf: nil
        )
    }

    private static func step0question2() -> Question {
        Question(
            id: "requirements.peak_rps",
            prompt: "Peak requests per second",
            help: "Peak load, not the average, sizes instances, connection pools and databases.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "req/s",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4059000000000000) /* 100.0 */),
            validation: Validation(required: true, minimum: Double(bitPattern: 0x3ff0000000000000) /* 1.0 */, maximum: Double(bitPattern: 0x412e848000000000) /* 1000000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question3() -> Question {
        Question(
            id: "requirements.daily_active_users",
            prompt: "Daily active users",
            help: "Users times requests per user gives the daily volume; it cross-checks the peak figure.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "users",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x40c3880000000000) /* 10000.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x3ff0000000000000) /* 1.0 */, maximum: Double(bitPattern: 0x41cdcd6500000000) /* 1000000000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question4() -> Question {
        Question(
            id: "requirements.requests_per_user",
            prompt: "Requests per user per day",
            help: "With daily users, this gives total daily requests and the average load behind the peak.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "req/day",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4049000000000000) /* 50.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x3ff0000000000000) /* 1.0 */, maximum: Double(bitPattern: 0x40f86a0000000000) /* 100000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question5() -> Question {
        Question(
            id: "requirements.read_ratio",
            prompt: "Share of reads in all requests",
            help: "Read-heavy systems gain most from caches and replicas; write-heavy ones from partitioning and queues.",
            kind: QuestionKind(rawValue: "number")!,
            unit: "%",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4054000000000000) /* 80.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x4059000000000000) /* 100.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question6() -> Question {
        Question(
            id: "requirements.records_first_year",
            prompt: "Records stored in the first year",
            help: "Volume decides whether one database node suffices or partitioning is needed early.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "records",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x412e848000000000) /* 1000000.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x426d1a94a2000000) /* 1000000000000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question7() -> Question {
        Question(
            id: "requirements.record_size_kb",
            prompt: "Average record size",
            help: "Size times count gives storage, backup time and how much fits in memory.",
            kind: QuestionKind(rawValue: "number")!,
            unit: "KB",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4000000000000000) /* 2.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x3f847ae147ae147b) /* 0.01 */, maximum: Double(bitPattern: 0x40f86a0000000000) /* 100000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question8() -> Question {
        Question(
            id: "requirements.growth_per_year",
            prompt: "Data growth per year",
            help: "Growth turns today's comfortable database into next year's bottleneck; plan capacity for it.",
            kind: QuestionKind(rawValue: "number")!,
            unit: "%",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4049000000000000) /* 50.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x40c3880000000000) /* 10000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question9() -> Question {
        Question(
            id: "requirements.retention_years",
            prompt: "How many years must data be kept?",
            help: "Retention multiplies storage and often comes from law; it also decides archiving.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "years",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4014000000000000) /* 5.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x4059000000000000) /* 100.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question10() -> Question {
        Question(
            id: "requirements.p99_latency_ms",
            prompt: "Target p99 latency",
            help: "The 99th percentile is what your busiest users feel; it bounds how many network hops a request may take.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "ms",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4072c00000000000) /* 300.0 */),
            validation: Validation(required: true, minimum: Double(bitPattern: 0x3ff0000000000000) /* 1.0 */, maximum: Double(bitPattern: 0x40ed4c0000000000) /* 60000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question11() -> Question {
        Question(
            id: "requirements.availability",
            prompt: "Availability target",
            help: "Each extra nine cuts allowed downtime tenfold and costs redundancy, automation and on-call.",
            kind: QuestionKind(rawValue: "number")!,
            unit: "%",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4058f9999999999a) /* 99.9 */),
            validation: Validation(required: true, minimum: Double(bitPattern: 0x4056800000000000) /* 90.0 */, maximum: Double(bitPattern: 0x4058fffe5c91d14e) /* 99.9999 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question12() -> Question {
        Question(
            id: "requirements.consistency",
            prompt: "How fresh must reads be?",
            help: "Strong consistency limits how you replicate and cache; eventual consistency buys scale and availability.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "strong", label: "Strong everywhere"), Choice(value: "mixed", label: "Strong for money and stock, eventual elsewhere"), Choice(value: "eventual", label: "Eventual is fine")] as [Choice],
            defaultValue: AnswerValue.choice("mixed"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question13() -> Question {
        Question(
            id: "requirements.integrations",
            prompt: "Existing systems and integrations",
            help: "Every external system is a dependency with its own latency, failures and contract. Add each one (Enter on it opens its form): what kind it is, how it is spoken to, its rate limit, latency and availability, the entities it is the system of record for, and whether it stays, is replaced or is strangled.",
            kind: QuestionKind(rawValue: "systems")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question14() -> Question {
        Question(
            id: "requirements.constraints",
            prompt: "Technology constraints and preferences",
            help: "Mandated platforms, licences or vendors narrow the options before any design starts.",
            kind: QuestionKind(rawValue: "list")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: 200),
            showIf: nil
        )
    }

    private static func step0question15() -> Question {
        Question(
            id: "requirements.language",
            prompt: "Main implementation language",
            help: "The team's language decides frameworks, libraries and who can help at 3 a.m.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "java", label: "Java / Kotlin"), Choice(value: "go", label: "Go"), Choice(value: "csharp", label: "C# / .NET"), Choice(value: "python", label: "Python"), Choice(value: "typescript", label: "TypeScript / Node.js"), Choice(value: "swift", label: "Swift"), Choice(value: "rust", label: "Rust"), Choice(value: "other", label: "Other")] as [Choice],
            defaultValue: AnswerValue.choice("java"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question16() -> Question {
        Question(
            id: "requirements.team_size",
            prompt: "How many engineers build and run it?",
            help: "Conway's law - a small team pays heavily for many services; a large one needs clear boundaries.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "engineers",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x4014000000000000) /* 5.0 */),
            validation: Validation(required: true, minimum: Double(bitPattern: 0x3ff0000000000000) /* 1.0 */, maximum: Double(bitPattern: 0x40c3880000000000) /* 10000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question17() -> Question {
        Question(
            id: "requirements.expertise",
            prompt: "Where does the team have real experience?",
            help: "A design the team cannot operate is worse than a simpler one it can.",
            kind: QuestionKind(rawValue: "multi-choice")!,
            unit: nil,
            choices: [Choice(value: "sql", label: "Relational databases"), Choice(value: "nosql", label: "NoSQL databases"), Choice(value: "messaging", label: "Message brokers / event streaming"), Choice(value: "kubernetes", label: "Kubernetes"), Choice(value: "cloud", label: "Managed cloud services"), Choice(value: "security", label: "Security and identity"), Choice(value: "frontend", label: "Frontend")] as [Choice],
            defaultValue: AnswerValue.choices(["sql"] as [String]),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step0question18() -> Question {
        Question(
            id: "requirements.ops_capability",
            prompt: "Operational capability",
            help: "Distributed systems need monitoring, on-call and automation; without them, prefer fewer moving parts.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "none", label: "None - developers deploy by hand"), Choice(value: "basic", label: "Basic - CI/CD and some monitoring"), Choice(value: "mature", label: "Mature SRE - on-call, SLOs, infrastructure as code")] as [Choice],
            defaultValue: AnswerValue.choice("basic"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1() -> MethodStep {
        MethodStep(id: "api", title: "Design APIs", summary: "How clients talk to the system - style, versioning, security and conventions.", questions: [
            step1question0(),
            step1question1(),
            step1question2(),
            step1question3(),
            step1question4(),
            step1question5(),
            step1question6(),
            step1question7(),
            step1question8(),
            step1question9(),
        ])
    }

    private static func step1question0() -> Question {
        Question(
            id: "api.clients",
            prompt: "Who calls the API?",
            help: "Public clients need stable contracts, documentation and rate limits; internal ones can move faster.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "public", label: "Public - third parties"), Choice(value: "internal", label: "Internal - our own apps and services"), Choice(value: "both", label: "Both")] as [Choice],
            defaultValue: AnswerValue.choice("internal"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question1() -> Question {
        Question(
            id: "api.style",
            prompt: "API style",
            help: "REST is understood everywhere; GraphQL suits varied client views; gRPC suits fast service-to-service calls.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "rest", label: "REST (JSON over HTTP)"), Choice(value: "graphql", label: "GraphQL"), Choice(value: "grpc", label: "gRPC")] as [Choice],
            defaultValue: AnswerValue.choice("rest"),
            validation: Validation(required: true, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question2() -> Question {
        Question(
            id: "api.versioning",
            prompt: "How are versions told apart?",
            help: "Clients you do not control cannot upgrade with you; versioning lets old and new contracts coexist.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "url", label: "In the URL (/v1/...)"), Choice(value: "header", label: "In a header or media type"), Choice(value: "none", label: "No versioning - evolve compatibly")] as [Choice],
            defaultValue: AnswerValue.choice("url"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question3() -> Question {
        Question(
            id: "api.auth",
            prompt: "How do callers authenticate?",
            help: "Authentication is the front door; reuse a standard rather than inventing a token format.",
            kind: QuestionKind(rawValue: "multi-choice")!,
            unit: nil,
            choices: [Choice(value: "oidc", label: "OAuth2 / OpenID Connect"), Choice(value: "api_keys", label: "API keys"), Choice(value: "session", label: "Session cookies"), Choice(value: "mtls", label: "Mutual TLS")] as [Choice],
            defaultValue: AnswerValue.choices(["oidc"] as [String]),
            validation: Validation(required: true, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question4() -> Question {
        Question(
            id: "api.authorization",
            prompt: "Authorisation model",
            help: "Decide early who may do what; retrofitting permissions into every endpoint is expensive.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "rbac", label: "Role-based (RBAC)"), Choice(value: "abac", label: "Attribute-based (ABAC)"), Choice(value: "rebac", label: "Relationship-based (ReBAC)"), Choice(value: "owner", label: "Owner only - users see their own data")] as [Choice],
            defaultValue: AnswerValue.choice("rbac"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question5() -> Question {
        Question(
            id: "api.pagination",
            prompt: "How are long lists paged?",
            help: "Cursor paging stays fast and stable on large, changing tables; offsets get slower and skip rows.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "cursor", label: "Cursor-based"), Choice(value: "offset", label: "Offset and limit"), Choice(value: "none", label: "No paging")] as [Choice],
            defaultValue: AnswerValue.choice("cursor"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question6() -> Question {
        Question(
            id: "api.error_format",
            prompt: "Error format",
            help: "One machine-readable error shape lets every client handle failures the same way.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "problem_json", label: "RFC 9457 Problem Details"), Choice(value: "custom", label: "Custom JSON envelope"), Choice(value: "grpc_status", label: "gRPC status codes")] as [Choice],
            defaultValue: AnswerValue.choice("problem_json"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question7() -> Question {
        Question(
            id: "api.rate_limiting",
            prompt: "Rate limiting",
            help: "Limits protect the system from one noisy client and are expected on any public API.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "none", label: "None"), Choice(value: "per_client", label: "Per client or API key"), Choice(value: "per_user", label: "Per user")] as [Choice],
            defaultValue: AnswerValue.choice("per_client"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question8() -> Question {
        Question(
            id: "api.idempotency",
            prompt: "Are retried writes safe?",
            help: "Clients retry on timeouts; idempotency keys stop a retry from charging a card twice.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "keys", label: "Idempotency keys on writes"), Choice(value: "natural", label: "Writes are naturally idempotent"), Choice(value: "none", label: "Not handled")] as [Choice],
            defaultValue: AnswerValue.choice("keys"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step1question9() -> Question {
        Question(
            id: "api.documentation",
            prompt: "How is the API documented?",
            help: "A machine-readable contract generates clients and tests and stops docs from drifting.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "openapi", label: "OpenAPI"), Choice(value: "schema", label: "GraphQL schema / protobuf"), Choice(value: "prose", label: "Hand-written docs")] as [Choice],
            defaultValue: AnswerValue.choice("openapi"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step2() -> MethodStep {
        MethodStep(id: "services", title: "Define service boundaries", summary: "How the system splits into parts, how they talk, and how they fail.", questions: [
            step2question0(),
            step2question1(),
            step2question2(),
            step2question3(),
            step2question4(),
            step2question5(),
            step2question6(),
            step2question7(),
            step2question8(),
            step2question9(),
        ])
    }

    private static func step2question0() -> Question {
        Question(
            id: "services.bounded_contexts",
            prompt: "Which bounded contexts does the domain have?",
            help: "Boundaries drawn along the domain keep changes local; boundaries drawn along layers spread every change.",
            kind: QuestionKind(rawValue: "list")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: true, minimum: nil, maximum: nil, maxLength: 100),
            showIf: nil
        )
    }

    private static func step2question1() -> Question {
        Question(
            id: "services.services",
            prompt: "Services you define yourself (optional)",
            help: "Leave it empty and the design derives one service or module per bounded context. Define services to name them, say what each is responsible for, which entities it owns and whom it calls (Enter on a service opens its form).",
            kind: QuestionKind(rawValue: "services")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: 60),
            showIf: nil
        )
    }

    private static func step2question2() -> Question {
        Question(
            id: "services.deployment_style",
            prompt: "Preferred deployment style",
            help: "A modular monolith is simplest to run; microservices pay off with many teams and uneven scaling.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "monolith", label: "Monolith"), Choice(value: "modular_monolith", label: "Modular monolith"), Choice(value: "microservices", label: "Microservices"), Choice(value: "serverless", label: "Serverless functions")] as [Choice],
            defaultValue: AnswerValue.choice("modular_monolith"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step2question3() -> Question {
        Question(
            id: "services.communication",
            prompt: "How do the parts talk to each other?",
            help: "Synchronous calls are simple but couple availability; asynchronous messages decouple at the cost of eventual consistency.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "sync", label: "Synchronous calls"), Choice(value: "async", label: "Asynchronous messages"), Choice(value: "mixed", label: "Mixed - queries sync, events async")] as [Choice],
            defaultValue: AnswerValue.choice("mixed"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step2question4() -> Question {
        Question(
            id: "services.messaging",
            prompt: "Messaging technology",
            help: "Logs like Kafka replay history; queues like RabbitMQ route work; managed services save operations.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "kafka", label: "Kafka / event log"), Choice(value: "rabbitmq", label: "RabbitMQ / AMQP"), Choice(value: "managed", label: "Managed cloud queue (SQS, Pub/Sub, Service Bus)"), Choice(value: "nats", label: "NATS")] as [Choice],
            defaultValue: AnswerValue.choice("kafka"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: ShowIf(question: "services.communication", values: ["async", "mixed"] as [String])
        )
    }

    private static func step2question5() -> Question {
        Question(
            id: "services.delivery",
            prompt: "Message delivery guarantee",
            help: "At-least-once is the practical default; it needs idempotent consumers.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "at_least_once", label: "At least once"), Choice(value: "at_most_once", label: "At most once"), Choice(value: "effectively_once", label: "Effectively once (transactions)")] as [Choice],
            defaultValue: AnswerValue.choice("at_least_once"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: ShowIf(question: "services.communication", values: ["async", "mixed"] as [String])
        )
    }

    private static func step2question6() -> Question {
        Question(
            id: "services.failure_handling",
            prompt: "How do calls survive failures?",
            help: "In a distributed system something is always failing; these patterns keep one failure from spreading.",
            kind: QuestionKind(rawValue: "multi-choice")!,
            unit: nil,
            choices: [Choice(value: "timeouts", label: "Timeouts"), Choice(value: "retries", label: "Retries with backoff"), Choice(value: "circuit_breakers", label: "Circuit breakers"), Choice(value: "bulkheads", label: "Bulkheads"), Choice(value: "sagas", label: "Sagas for multi-step workflows"), Choice(value: "outbox", label: "Transactional outbox")] as [Choice],
            defaultValue: AnswerValue.choices(["timeouts", "retries"] as [String]),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step2question7() -> Question {
        Question(
            id: "services.discovery",
            prompt: "How do services find each other?",
            help: "Platform DNS is enough for most; a mesh adds mTLS and traffic control at an operational price.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "dns", label: "Platform DNS / load balancer"), Choice(value: "mesh", label: "Service mesh"), Choice(value: "registry", label: "Service registry")] as [Choice],
            defaultValue: AnswerValue.choice("dns"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: ShowIf(question: "services.deployment_style", values: ["microservices", "serverless"] as [String])
        )
    }

    private static func step2question8() -> Question {
        Question(
            id: "services.gateway",
            prompt: "Is there an API gateway in front?",
            help: "A gateway centralises authentication, rate limits and routing so services do not repeat them.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")] as [Choice],
            defaultValue: AnswerValue.choice("yes"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step2question9() -> Question {
        Question(
            id: "services.platform",
            prompt: "Where does it run?",
            help: "The platform decides what you build yourself and what you rent.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "kubernetes", label: "Kubernetes"), Choice(value: "paas", label: "PaaS (Heroku, Cloud Run, App Service)"), Choice(value: "vms", label: "Virtual machines"), Choice(value: "functions", label: "Functions as a service")] as [Choice],
            defaultValue: AnswerValue.choice("kubernetes"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step3() -> MethodStep {
        MethodStep(id: "data", title: "Design data models", summary: "What is stored, where, how consistent it must be and who may see it.", questions: [
            step3question0(),
            step3question1(),
            step3question2(),
            step3question3(),
            step3question4(),
            step3question5(),
            step3question6(),
            step3question7(),
            step3question8(),
            step3question9(),
        ])
    }

    private static func step3question0() -> Question {
        Question(
            id: "data.entities",
            prompt: "Which entities does the domain have?",
            help: "Entities become tables or documents, endpoints and events; name them as the business does.",
            kind: QuestionKind(rawValue: "entities")!,
            unit: nil,
            choices: [] as [Choice],
            defaultValue: nil,
            validation: Validation(required: true, minimum: nil, maximum: nil, maxLength: 60),
            showIf: nil
        )
    }

    private static func step3question1() -> Question {
        Question(
            id: "data.datastore",
            prompt: "Primary datastore",
            help: "Relational databases give transactions and ad-hoc queries; NoSQL trades them for scale and flexible shape.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "sql", label: "Relational (SQL)"), Choice(value: "nosql", label: "NoSQL"), Choice(value: "both", label: "Both - polyglot persistence")] as [Choice],
            defaultValue: AnswerValue.choice("sql"),
            validation: Validation(required: true, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step3question2() -> Question {
        Question(
            id: "data.sql_engine",
            prompt: "Which relational database?",
            help: "Stay with what the team and the platform support well.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "postgres", label: "PostgreSQL"), Choice(value: "mysql", label: "MySQL / MariaDB"), Choice(value: "sqlserver", label: "SQL Server"), Choice(value: "oracle", label: "Oracle")] as [Choice],
            defaultValue: AnswerValue.choice("postgres"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: ShowIf(question: "data.datastore", values: ["sql", "both"] as [String])
        )
    }

    private static func step3question3() -> Question {
        Question(
            id: "data.nosql_type",
            prompt: "Which kind of NoSQL store?",
            help: "Each NoSQL family fits one access pattern well; pick by how data is read, not by fashion.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "document", label: "Document (MongoDB, Couchbase)"), Choice(value: "key_value", label: "Key-value (DynamoDB, Redis)"), Choice(value: "wide_column", label: "Wide-column (Cassandra)"), Choice(value: "graph", label: "Graph (Neo4j)")] as [Choice],
            defaultValue: AnswerValue.choice("document"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: ShowIf(question: "data.datastore", values: ["nosql", "both"] as [String])
        )
    }

    private static func step3question4() -> Question {
        Question(
            id: "data.transactions",
            prompt: "Transaction needs",
            help: "Transactions across entities are easy in one database and hard across services; know where you need them.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "acid", label: "ACID transactions across entities"), Choice(value: "single_entity", label: "Atomic per entity only"), Choice(value: "eventual", label: "Eventual consistency with compensation")] as [Choice],
            defaultValue: AnswerValue.choice("acid"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step3question5() -> Question {
        Question(
            id: "data.multi_tenancy",
            prompt: "Multi-tenancy",
            help: "Tenant isolation is hard to add later; it shapes keys, queries, backups and cost.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "none", label: "None - single tenant"), Choice(value: "shared_schema", label: "Shared schema with tenant id"), Choice(value: "schema_per_tenant", label: "Schema per tenant"), Choice(value: "db_per_tenant", label: "Database per tenant")] as [Choice],
            defaultValue: AnswerValue.choice("none"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step3question6() -> Question {
        Question(
            id: "data.pii",
            prompt: "Does it store personal data (PII)?",
            help: "Personal data brings legal duties - minimisation, access control, deletion and breach reporting.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")] as [Choice],
            defaultValue: AnswerValue.choice("yes"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step3question7() -> Question {
        Question(
            id: "data.pii_categories",
            prompt: "Which personal data?",
            help: "Knowing the categories decides encryption, masking in logs and who may see what.",
            kind: QuestionKind(rawValue: "multi-choice")!,
            unit: nil,
            choices: [Choice(value: "contact", label: "Names and contact details"), Choice(value: "address", label: "Postal addresses"), Choice(value: "payment", label: "Payment data"), Choice(value: "health", label: "Health data"), Choice(value: "government_id", label: "Government ids"), Choice(value: "location", label: "Location data"), Choice(value: "behaviour", label: "Behaviour and tracking")] as [Choice],
            defaultValue: AnswerValue.choices(["contact"] as [String]),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: ShowIf(question: "data.pii", values: ["yes"] as [String])
        )
    }

    private static func step3question8() -> Question {
        Question(
            id: "data.search",
            prompt: "Search needs",
            help: "Full-text and faceted search rarely belong in the main database; a search index needs syncing.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "none", label: "None beyond lookups"), Choice(value: "database", label: "Database queries and indexes"), Choice(value: "full_text", label: "Full-text search engine (OpenSearch, Elasticsearch)")] as [Choice],
            defaultValue: AnswerValue.choice("database"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step3question9() -> Question {
        Question(
            id: "data.schema_migrations",
            prompt: "How are schema changes rolled out?",
            help: "Backward-compatible migrations allow deploys without downtime.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "tool", label: "Versioned migrations (Flyway, Liquibase, \u{2026})"), Choice(value: "orm", label: "ORM-managed"), Choice(value: "manual", label: "By hand")] as [Choice],
            defaultValue: AnswerValue.choice("tool"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4() -> MethodStep {
        MethodStep(id: "nonfunctional", title: "Non-functional design", summary: "Security, resilience, operations and capacity.", questions: [
            step4question0(),
            step4question1(),
            step4question2(),
            step4question3(),
            step4question4(),
            step4question5(),
            step4question6(),
            step4question7(),
            step4question8(),
            step4question9(),
            step4question10(),
            step4question11(),
        ])
    }

    private static func step4question0() -> Question {
        Question(
            id: "nonfunctional.compliance",
            prompt: "Which regulations apply?",
            help: "Compliance regimes dictate encryption, audit logs, data location and retention.",
            kind: QuestionKind(rawValue: "multi-choice")!,
            unit: nil,
            choices: [Choice(value: "gdpr", label: "GDPR"), Choice(value: "pci_dss", label: "PCI-DSS"), Choice(value: "hipaa", label: "HIPAA"), Choice(value: "soc2", label: "SOC 2"), Choice(value: "none", label: "None")] as [Choice],
            defaultValue: AnswerValue.choices(["none"] as [String]),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question1() -> Question {
        Question(
            id: "nonfunctional.encryption_at_rest",
            prompt: "Encryption at rest",
            help: "Disk encryption is table stakes; field-level encryption protects the most sensitive data even from operators.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "none", label: "None"), Choice(value: "disk", label: "Storage or disk encryption"), Choice(value: "field", label: "Disk plus field-level for sensitive data")] as [Choice],
            defaultValue: AnswerValue.choice("disk"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question2() -> Question {
        Question(
            id: "nonfunctional.caching",
            prompt: "Caching",
            help: "A cache absorbs read load cheaply but brings invalidation and staleness.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "none", label: "None"), Choice(value: "in_process", label: "In-process cache"), Choice(value: "distributed", label: "Distributed cache (Redis, Memcached)"), Choice(value: "both", label: "Both tiers")] as [Choice],
            defaultValue: AnswerValue.choice("distributed"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question3() -> Question {
        Question(
            id: "nonfunctional.cdn",
            prompt: "Use a CDN for static content and images?",
            help: "A CDN serves static bytes near users and takes them off your servers.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "yes", label: "Yes"), Choice(value: "no", label: "No")] as [Choice],
            defaultValue: AnswerValue.choice("yes"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question4() -> Question {
        Question(
            id: "nonfunctional.backup_frequency",
            prompt: "Backup frequency",
            help: "Backups bound how much data a disaster can take; continuous backups allow point-in-time recovery.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "continuous", label: "Continuous (point-in-time recovery)"), Choice(value: "hourly", label: "Hourly"), Choice(value: "daily", label: "Daily"), Choice(value: "weekly", label: "Weekly")] as [Choice],
            defaultValue: AnswerValue.choice("daily"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question5() -> Question {
        Question(
            id: "nonfunctional.rpo_minutes",
            prompt: "Recovery point objective (RPO)",
            help: "The most data, in minutes of writes, the business accepts losing in a disaster.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "min",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x404e000000000000) /* 60.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x41200a4000000000) /* 525600.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question6() -> Question {
        Question(
            id: "nonfunctional.rto_minutes",
            prompt: "Recovery time objective (RTO)",
            help: "How long the system may be down after a disaster; it decides standby capacity.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "min",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x406e000000000000) /* 240.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x41200a4000000000) /* 525600.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question7() -> Question {
        Question(
            id: "nonfunctional.disaster_recovery",
            prompt: "Disaster recovery setup",
            help: "Multi-AZ survives a data-centre outage; multi-region survives a regional one at much higher cost.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "single_region", label: "Single region"), Choice(value: "multi_az", label: "Multi-AZ in one region"), Choice(value: "multi_region", label: "Multi-region")] as [Choice],
            defaultValue: AnswerValue.choice("multi_az"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question8() -> Question {
        Question(
            id: "nonfunctional.monitoring",
            prompt: "Observability",
            help: "You cannot meet an SLA you cannot measure; traces find the slow hop in a distributed call.",
            kind: QuestionKind(rawValue: "multi-choice")!,
            unit: nil,
            choices: [Choice(value: "metrics", label: "Metrics"), Choice(value: "logs", label: "Centralised logs"), Choice(value: "traces", label: "Distributed traces"), Choice(value: "alerting", label: "Alerting")] as [Choice],
            defaultValue: AnswerValue.choices(["metrics", "logs", "alerting"] as [String]),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question9() -> Question {
        Question(
            id: "nonfunctional.scaling",
            prompt: "Scaling strategy",
            help: "Horizontal scaling needs stateless services; vertical scaling is simple but has a ceiling.",
            kind: QuestionKind(rawValue: "choice")!,
            unit: nil,
            choices: [Choice(value: "horizontal", label: "Horizontal - more instances"), Choice(value: "vertical", label: "Vertical - bigger machines"), Choice(value: "autoscaling", label: "Autoscaling on load")] as [Choice],
            defaultValue: AnswerValue.choice("autoscaling"),
            validation: Validation(required: false, minimum: nil, maximum: nil, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question10() -> Question {
        Question(
            id: "nonfunctional.instance_rps",
            prompt: "Requests per second one instance handles",
            help: "With peak load this sizes the fleet; measure it with a load test as soon as you can.",
            kind: QuestionKind(rawValue: "integer")!,
            unit: "req/s",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x407f400000000000) /* 500.0 */),
            validation: Validation(required: true, minimum: Double(bitPattern: 0x3ff0000000000000) /* 1.0 */, maximum: Double(bitPattern: 0x412e848000000000) /* 1000000.0 */, maxLength: nil),
            showIf: nil
        )
    }

    private static func step4question11() -> Question {
        Question(
            id: "nonfunctional.headroom",
            prompt: "Capacity headroom above peak",
            help: "Headroom covers spikes, a failed instance and deploys.",
            kind: QuestionKind(rawValue: "number")!,
            unit: "%",
            choices: [] as [Choice],
            defaultValue: AnswerValue.number(Double(bitPattern: 0x403e000000000000) /* 30.0 */),
            validation: Validation(required: false, minimum: Double(bitPattern: 0x0) /* 0.0 */, maximum: Double(bitPattern: 0x408f400000000000) /* 1000.0 */, maxLength: nil),
            showIf: nil
        )
    }
}
