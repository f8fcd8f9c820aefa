import ArchModel
@testable import ArchRules
import TestSupport
import XCTest

/// Random scripts of edits over the shipped sessions: undoing everything gives the starting file byte for
/// byte, and redoing everything gives the final one.
final class SessionEditPropertyTests: XCTestCase {
    func testUndoingAndRedoingRandomScriptsRestoresTheFilesExactly() throws {
        let sessions = try [Demo.session()] + SampleSessions.all().map(\.1)
        var random = SplitMix64(seed: 0x5EED_ED17)
        for script in 0..<1_000 {
            let start = sessions[script % sessions.count]
            var session = start
            var forward: [SessionEdit] = []
            var inverses: [SessionEdit] = []
            for _ in 0..<50 {
                let edit = RandomEdits.edit(in: &session, &random)
                forward.append(edit)
                inverses.append(session.apply(edit))
            }
            let final = session
            for inverse in inverses.reversed() { session.apply(inverse) }
            // Equal sessions (content and identities) encode to equal bytes; the bytes are compared on every
            // tenth script too, as the encoder is slow in debug builds.
            XCTAssertEqual(session, start, "script \(script): undoing everything")
            if script % 10 == 0 { XCTAssertEqual(SessionFile.encode(session), SessionFile.encode(start), "script \(script): file after undo") }
            for edit in forward { session.apply(edit) }
            XCTAssertEqual(session, final, "script \(script): redoing everything")
            if script % 10 == 0 { XCTAssertEqual(SessionFile.encode(session), SessionFile.encode(final), "script \(script): file after redo") }
            if session != final { return }
        }
    }
}


/// One random edit that makes sense for the session as it is (and sometimes one that targets nothing).
enum RandomEdits {
    static let words = ["Loan", "Member", "Book", "Copy", "Fine", "Branch", "order; DROP TABLE x", "Straße", "yes", "a, b"]

    static func edit(in session: inout Session, _ random: inout SplitMix64) -> SessionEdit {
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)] }
        func name() -> String { (pick(words) ?? "X") + String(Int.random(in: 0..<100, using: &random)) }
        let entity = pick(session.entities)
        let service = pick(session.services)
        switch Int.random(in: 0..<30, using: &random) {
        case 0: return .setProjectName(name())
        case 1:
            let id = pick(Array(session.answers.keys)) ?? "requirements.team_size"
            return .setAnswer(question: id, Bool.random(using: &random) ? nil : .number(Double(Int.random(in: 0..<1000, using: &random))))
        case 2:
            let target = pick(session.entities).map { Reference<Entity>.id($0.id) } ?? .named("Nowhere")
            let new = Entity(id: session.newID(), name: name(), fields: [Field(id: session.newID(), name: "title")],
                             relations: [Relation(id: session.newID(), kind: .belongsTo, target: target)])
            return .insertEntity(new, at: Int.random(in: -1...session.entities.count + 1, using: &random))
        case 3: return entity.map { .removeEntity($0.id) } ?? .removeEntity(EntityID(999_999))
        case 4:
            guard var changed = entity else { return .none }
            changed.name = name()
            changed.description = Bool.random(using: &random) ? "" : "described"
            return .updateEntity(changed)
        case 5: return entity.map { .moveEntity($0.id, to: Int.random(in: 0..<session.entities.count, using: &random)) } ?? .none
        case 6:
            guard let entity else { return .none }
            let field = Field(id: session.newID(), name: name(), type: pick(FieldType.allCases) ?? .string, pii: Bool.random(using: &random))
            return .insertField(field, entity: entity.id, at: Int.random(in: 0...entity.fields.count, using: &random))
        case 7:
            guard let entity, let field = pick(entity.fields) else { return .none }
            return .removeField(field.id, entity: entity.id)
        case 8:
            guard let entity, var field = pick(entity.fields) else { return .none }
            field.required.toggle()
            field.defaultValue = Bool.random(using: &random) ? nil : "0"
            return .updateField(field, entity: entity.id)
        case 9:
            guard let entity, let field = pick(entity.fields) else { return .none }
            return .moveField(field.id, entity: entity.id, to: Int.random(in: 0..<entity.fields.count, using: &random))
        case 10:
            guard let entity, let target = pick(session.entities) else { return .none }
            let relation = Relation(id: session.newID(), kind: pick(RelationKind.allCases) ?? .belongsTo, target: .id(target.id))
            return .insertRelation(relation, entity: entity.id, at: entity.relations.count)
        case 11:
            guard let entity, let relation = pick(entity.relations) else { return .none }
            return .removeRelation(relation.id, entity: entity.id)
        case 12:
            guard let entity, var relation = pick(entity.relations) else { return .none }
            relation.onDelete = pick(DeleteRule.allCases) ?? .restrict
            relation.name = Bool.random(using: &random) ? nil : "role"
            return .updateRelation(relation, entity: entity.id)
        case 13:
            let new = Service(id: session.newID(), name: name(), responsibilities: "does things")
            return .insertService(new, at: session.services.count)
        case 14: return service.map { .removeService($0.id) } ?? .none
        case 15:
            guard var changed = service else { return .none }
            changed.name = name()
            return .updateService(changed)
        case 16:
            guard let service, let target = pick(session.services) else { return .none }
            return .insertCall(ServiceCall(id: session.newID(), target: .id(target.id), style: .async), service: service.id, at: 0)
        case 17:
            guard let service, let call = pick(service.calls) else { return .none }
            return .removeCall(call.id, service: service.id)
        case 18:
            // An entity owned by a service that is then removed: the cascade clears the owner.
            guard var owned = entity, let service else { return .none }
            owned.service = .id(service.id)
            return .batch([.updateEntity(owned), .removeService(service.id)])
        case 19...28: return flowOrOverrideEdit(in: &session, &random)
        default:
            return .batch([edit(in: &session, &random), edit(in: &session, &random)])
        }
    }

    /// Edits of flows, their steps and endpoint overrides (removing entities and services above cascades into them).
    static func flowOrOverrideEdit(in session: inout Session, _ random: inout SplitMix64) -> SessionEdit {
        func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &random)] }
        func name() -> String { (pick(words) ?? "X") + String(Int.random(in: 0..<100, using: &random)) }
        func participant() -> FlowParticipant {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: return .actor(name())
            case 1: return .external(name())
            case 2: return .service(named: name())
            default: return pick(session.services).map { .service(.id($0.id)) } ?? .actor("Nobody")
            }
        }
        func step() -> FlowStep {
            FlowStep(id: session.newID(), from: participant(), to: participant(), action: name(),
                     style: Bool.random(using: &random) ? .sync : .async, failure: Bool.random(using: &random) ? nil : name())
        }
        func entityReference() -> Reference<Entity> { pick(session.entities).map { .id($0.id) } ?? .named(name()) }
        func endpointOverride() -> EndpointOverride {
            if Bool.random(using: &random) {
                return EndpointOverride(id: session.newID(), custom: CustomEndpoint(
                    method: pick(HTTPMethod.allCases) ?? .get, path: "/v1/" + name(), summary: name(),
                    request: Bool.random(using: &random) ? nil : entityReference(), response: entityReference()))
            }
            let key = EndpointKey(entity: entityReference(), operation: pick(EndpointKey.Operation.allCases) ?? .get,
                                  parent: Bool.random(using: &random) ? nil : entityReference())
            return EndpointOverride(id: session.newID(), target: key, EndpointChanges(
                hidden: Bool.random(using: &random), path: Bool.random(using: &random) ? nil : "/" + name(), summary: name()))
        }
        let flow = pick(session.flows)
        switch Int.random(in: 0..<12, using: &random) {
        case 0:
            let new = Flow(id: session.newID(), name: name(), steps: (0..<Int.random(in: 0..<4, using: &random)).map { _ in step() })
            return .insertFlow(new, at: Int.random(in: -1...session.flows.count + 1, using: &random))
        case 1: return flow.map { .removeFlow($0.id) } ?? .removeFlow(FlowID(999_999))
        case 2:
            guard var changed = flow else { return .none }
            changed.name = name()
            if !changed.steps.isEmpty, Bool.random(using: &random) { changed.steps.removeFirst() }
            return .updateFlow(changed)
        case 3: return flow.map { .moveFlow($0.id, to: Int.random(in: 0..<session.flows.count, using: &random)) } ?? .none
        case 4:
            guard let flow else { return .none }
            return .insertFlowStep(step(), flow: flow.id, at: Int.random(in: 0...flow.steps.count, using: &random))
        case 5:
            guard let flow, let step = pick(flow.steps) else { return .none }
            return .removeFlowStep(step.id, flow: flow.id)
        case 6:
            guard let flow, var changed = pick(flow.steps) else { return .none }
            changed.to = participant()
            changed.failure = changed.failure == nil ? "times out" : nil
            return .updateFlowStep(changed, flow: flow.id)
        case 7:
            guard let flow, let step = pick(flow.steps) else { return .none }
            return .moveFlowStep(step.id, flow: flow.id, to: Int.random(in: 0..<flow.steps.count, using: &random))
        case 8: return .insertEndpointOverride(endpointOverride(), at: Int.random(in: 0...session.endpointOverrides.count, using: &random))
        case 9: return pick(session.endpointOverrides).map { .removeEndpointOverride($0.id) } ?? .none
        case 10:
            guard let old = pick(session.endpointOverrides) else { return .none }
            var changed = endpointOverride()
            changed.id = old.id
            return .updateEndpointOverride(changed)
        default:
            return pick(session.endpointOverrides).map {
                .moveEndpointOverride($0.id, to: Int.random(in: 0..<session.endpointOverrides.count, using: &random))
            } ?? .none
        }
    }
}
