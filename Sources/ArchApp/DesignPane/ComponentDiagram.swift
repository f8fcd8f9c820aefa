import ArchModel
import TerminalUI

/// A layered box picture: clients on top, then the edge (CDN, gateway, load balancer), services, and
/// the stores and brokers they use. Laid out for a width: boxes that do not fit one row continue on the
/// next, a name too long for a box ends in `…`, and below `minimumWidth` the picture becomes a list,
/// so no line is ever wider than the pane (a wrapped box line would tear the boxes apart).
struct ComponentDiagram {
    let components: [Component]
    /// The widest a line may be: the pane's text width (`archtui render` uses `DesignSections.defaultWidth`).
    var width = DesignSections.defaultWidth

    /// Longest name a box shows, however wide the pane.
    static let labelLimit = 24
    /// Narrower than this a box would hold a few letters: the layers are listed instead.
    static let minimumWidth = 12

    var lines: [[Span]] {
        let layers = self.layers.filter { !$0.isEmpty }
        guard width >= Self.minimumWidth else { return list(layers) }
        let indent = width >= 30 ? 2 : 0
        let labelWidth = min(Self.labelLimit, width - indent - 4)
        var out: [[Span]] = []
        for (index, layer) in layers.enumerated() {
            if index > 0 { out += connector(indent: indent) }
            let labels = layer.map { DisplayWidth.truncate($0, to: labelWidth) }
            for row in rows(of: labels, indent: indent) { out += boxes(row, indent: indent) }
        }
        return out
    }

    private var layers: [[String]] {
        func names(_ kinds: Set<ComponentKind>) -> [String] {
            components.filter { kinds.contains($0.kind) }.map(\.name)
        }
        return [
            ["Clients"],
            names([.cdn, .gateway, .loadBalancer, .identityProvider]),
            names([.service, .worker]),
            names([.cache, .broker, .search, .database, .replica, .objectStorage]),
            names([.external, .observability]),
        ]
    }

    private func connector(indent: Int) -> [[Span]] {
        let pad = String(repeating: " ", count: indent + 4)
        return [[Span(pad + "│", DesignStyle.note)], [Span(pad + "▼", DesignStyle.note)]]
    }

    /// Splits a layer's boxes into rows no wider than `width`: a box is its label plus 4 cells, one space between boxes.
    private func rows(of labels: [String], indent: Int) -> [[String]] {
        var rows: [[String]] = [[]]
        var used = indent
        for label in labels {
            let box = DisplayWidth.of(label) + 4
            let gap = rows[rows.count - 1].isEmpty ? 0 : 1
            if used + gap + box > width, !rows[rows.count - 1].isEmpty {
                rows.append([label])
                used = indent + box
            } else {
                rows[rows.count - 1].append(label)
                used += gap + box
            }
        }
        return rows
    }

    private func boxes(_ labels: [String], indent: Int) -> [[Span]] {
        let pad = String(repeating: " ", count: indent)
        let bars = labels.map { String(repeating: "─", count: DisplayWidth.of($0) + 2) }
        let top = pad + bars.map { "┌" + $0 + "┐" }.joined(separator: " ")
        let middle = pad + labels.map { "│ " + $0 + " │" }.joined(separator: " ")
        let bottom = pad + bars.map { "└" + $0 + "┘" }.joined(separator: " ")
        return [[Span(top, DesignStyle.note)], [Span(middle)], [Span(bottom, DesignStyle.note)]]
    }

    /// The layers as a list, top to bottom, for a pane too narrow for boxes.
    private func list(_ layers: [[String]]) -> [[Span]] {
        var out: [[Span]] = []
        for (index, layer) in layers.enumerated() {
            if index > 0 { out.append([Span("  ▼", DesignStyle.note)]) }
            out += layer.map { [Span("• " + $0)] }
        }
        return out
    }
}
