import ArchModel
import TerminalUI

/// What a form edits: one model element, addressed by identity.
public enum FormTarget: Hashable, Sendable {
    case entity(EntityID)
    case field(EntityID, FieldID)
    case relation(EntityID, RelationID)
    case service(ServiceID)
    case call(ServiceID, CallID)
    /// A generated endpoint: what the user changed in it (an override, made on the first change).
    case endpoint(EndpointKey)
    /// An endpoint the user added.
    case customEndpoint(OverrideID)
    case flow(FlowID)
    case flowStep(FlowID, FlowStepID)
    /// An existing system (the integrations question).
    case system(SystemID)
}

/// The model editor: a stack of forms (entity → its field), each with its cursor and the text being typed.
/// The rows are not stored: they are made from the session each time (`FormRows`), so an undo never leaves
/// a form showing values the session no longer has.
public struct FormState: Hashable, Sendable {
    public struct Frame: Hashable, Sendable {
        public var target: FormTarget
        /// Index of the selected row among the form's rows.
        public var cursor: Int
        /// The row being typed into and its text; nil when moving between rows.
        public var editing: Editing?

        public init(target: FormTarget, cursor: Int = 0, editing: Editing? = nil) {
            self.target = target
            self.cursor = cursor
            self.editing = editing
        }
    }

    /// Text typed into one row: an existing value, or a new item on a "+ add" row.
    public struct Editing: Hashable, Sendable {
        public var row: FormRow.Key
        public var field: TextFieldState
    }

    /// Where the editor returns when the last form closes.
    public enum Origin: Hashable, Sendable { case questions, design }

    public var frames: [Frame]
    public var origin: Origin

    public init(_ target: FormTarget, origin: Origin) {
        frames = [Frame(target: target)]
        self.origin = origin
    }

    public var top: Frame {
        get { frames[frames.count - 1] }
        set { frames[frames.count - 1] = newValue }
    }
}

/// One row of a form: what it shows and how keys change it.
public struct FormRow: Hashable, Sendable {
    /// Which row: stable across edits, so the cursor and a typed text stay on the same row.
    public enum Key: Hashable, Sendable {
        case name, description, owner, type, length, precision, scale, values, required, unique, indexed, pii
        case defaultValue, kind, target, role, onDelete, responsibilities, style, purpose
        case hidden, method, path, summary, authorization, request, response, from, to, action, failure
        case transport, direction, rateLimit, latency, availability, plan
        case header(String)
        /// A service owns (or not) this entity.
        case owns(EntityID)
        case item(ItemID)
        case add(Section)
    }

    /// A row that opens a nested element: a field or relation of an entity, a call of a service.
    public enum ItemID: Hashable, Sendable {
        case field(FieldID), relation(RelationID), call(CallID), step(FlowStepID)
    }

    /// The lists a form holds.
    public enum Section: String, Hashable, Sendable {
        case fields, relations, calls, steps
        var addLabel: String {
            switch self {
            case .fields: return "+ add field   (name, or name: type)"
            case .relations: return "+ add relation   ([kind] Target)"
            case .calls: return "+ add call   (Service [async])"
            case .steps: return "+ add step   (From -> To: action [async])"
            }
        }
    }

    public enum Kind: Hashable, Sendable {
        /// Typed text; Enter edits it.
        case text(String)
        /// One of `options`; Enter, Space, ← and → step through them.
        case choice([String], selected: Int)
        /// Space or Enter flips it.
        case toggle(Bool)
        /// A title between sections; never selected.
        case header
        /// A nested element; Enter opens its form.
        case item
        /// "+ add …": typing starts a new item.
        case add
    }

    public var key: Key
    public var label: String
    /// What the row shows after its label.
    public var value: String
    public var kind: Kind
    /// Completions offered while typing (entity or service names).
    public var completions: [String] = []

    public var isSelectable: Bool { kind != .header }
}
