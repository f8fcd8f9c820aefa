import ArchModel
import TerminalUI

/// A layered box picture: clients on top, then the edge (CDN, gateway, load balancer), services, and
/// the stores and brokers they use. Boxes that do not fit one row continue on the next.
struct ComponentDiagram {
    let components: [Component]
    /// Widest row before boxes wrap; the pane wraps longer lines anyway.
    var maxWidth = 72

    var lines: [[Span]] {
        let layers = self.layers.filter { !$0.isEmpty }
        var out: [[Span]] = []
        for (index, layer) in layers.enumerated() {
            if index > 0 { out.append([Span("  " + String(repeating: " ", count: 4) + "│", DesignStyle.note)]) ; out.append([Span("      ▼", DesignStyle.note)]) }
            for row in rows(of: layer) { out += boxes(row) }
        }
        return out
    }

    private var layers: [[String]] {
        func names(_ kinds: Set<ComponentKind>) -> [String] {
            components.filter { kinds.contains($0.kind) }.map { label($0) }
        }
        return [
            ["Clients"],
            names([.cdn, .gateway, .loadBalancer, .identityProvider]),
            names([.service, .worker]),
            names([.cache, .broker, .search, .database, .replica, .objectStorage]),
            names([.external, .observability]),
        ]
    }

    private func label(_ component: Component) -> String {
        DisplayWidth.truncate(component.name, to: 24)
    }

    /// Splits a layer's boxes into rows no wider than `maxWidth`.
    private func rows(of names: [String]) -> [[String]] {
        var rows: [[String]] = [[]]
        var used = 2
        for name in names {
            let width = DisplayWidth.of(name) + 5
            if used + width > maxWidth, !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 2
            }
            rows[rows.count - 1].append(name)
            used += width
        }
        return rows
    }

    private func boxes(_ names: [String]) -> [[Span]] {
        var top = "  ", middle = "  ", bottom = "  "
        for name in names {
            let bar = String(repeating: "─", count: DisplayWidth.of(name) + 2)
            top += "┌" + bar + "┐ "
            middle += "│ " + name + " │ "
            bottom += "└" + bar + "┘ "
        }
        return [[Span(top, DesignStyle.note)], [Span(middle)], [Span(bottom, DesignStyle.note)]]
    }
}
