import ArchModel
import TerminalUI

/// One block of a design tab: its lines, and the trace behind it. Items with a trace can be selected
/// (j/k) and explained (`t`); headings and notes have none.
struct DesignItem {
    var title: String
    var lines: [[Span]]
    var trace: Trace?
    /// The model element the item comes from, when it has one: Enter opens its editor.
    var subject: DesignSubject? = nil
    /// Which design element it shows, stable across derivations: the selection stays on it when a new design arrives.
    var id: DesignItemID? = nil
    /// A heading of the items after it (a resource of the API tab, a section of the Overview): a filter keeps it
    /// while it keeps one of them.
    var isHeading = false

    static func heading(_ text: String) -> DesignItem {
        DesignItem(title: text, lines: [[Span(text, DesignStyle.heading)]], trace: nil, isHeading: true)
    }

    static func note(_ text: String) -> DesignItem {
        DesignItem(title: text, lines: [[Span(text, .dim)]], trace: nil)
    }

    static let blank = DesignItem(title: "", lines: [[]], trace: nil)

    var isSelectable: Bool { trace != nil }
}

/// What a design item is about, in the model's terms: Enter on the item opens its editor.
enum DesignSubject: Hashable {
    case entity(String)
    case service(String)
    /// An endpoint of the API tab (generated, overridden or custom).
    case endpoint(EndpointID)
    /// A user-defined flow of the Sequences tab.
    case flow(FlowID)
    /// A question of the method (findings about answers lead there).
    case question(String)
    /// A finding of the Findings tab: Enter goes to what it is about.
    case finding(FindingSubject)
}

/// The design element an item shows, by the element's stable identity (or its name where it has only that).
enum DesignItemID: Hashable, Sendable {
    case endpoint(EndpointID)
    /// An endpoint the user hid, in the list at the end of the API tab (another item than the endpoint was:
    /// hiding one leaves the selection beside it, not on the list).
    case hiddenEndpoint(EndpointID)
    case table(TableID)
    /// A decision, by topic.
    case decision(String)
    /// A recommendation, by the id of the rule that made it.
    case recommendation(String)
    case component(String)
    case sequence(SequenceID)
    case deployment(String)
    case security(String)
    case capacity(String)
    /// A finding, by `Finding.key`.
    case finding(String)
    /// An entity of the Overview.
    case entity(EntityID)
    /// An answer of the Overview, by question id.
    case answer(String)
}

/// Styles shared by the design tabs.
enum DesignStyle {
    static let heading = Style(foreground: .cyan, bold: true)
    static let name = Style.bold
    static let note = Style.dim
    static let code = Style(foreground: .yellow)
    /// A generated endpoint the user changed.
    static let overridden = Style(foreground: .magenta)
    /// An endpoint the user added.
    static let custom = Style(foreground: .green)

    static func severity(_ severity: Severity) -> Style {
        switch severity {
        case .error: return Style(foreground: .red, bold: true)
        case .warning: return Style(foreground: .yellow, bold: true)
        case .info: return Style(foreground: .blue)
        }
    }

    static func mark(_ severity: Severity) -> String {
        switch severity {
        case .error: return "✗"
        case .warning: return "!"
        case .info: return "i"
        }
    }

    static func method(_ method: String) -> Style {
        switch method {
        case "GET": return Style(foreground: .green, bold: true)
        case "POST": return Style(foreground: .yellow, bold: true)
        case "DELETE": return Style(foreground: .red, bold: true)
        default: return Style(foreground: .blue, bold: true)
        }
    }
}
