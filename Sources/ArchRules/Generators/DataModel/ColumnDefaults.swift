import Foundation
import ArchModel

/// Reads a field's default as the user typed it (`0`, `true`, `pending`, `now`) into a `ColumnDefault`, once,
/// so the SQL exporters never parse it. A default the type cannot hold (the form rejects those, a hand-edited
/// session may not) gives no column default rather than DDL that fails.
enum ColumnDefaults {
    static func parse(_ text: String, for type: FieldType) -> ColumnDefault? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        switch type {
        case .integer, .bigint:
            return value.range(of: #"^-?[0-9]{1,18}$"#, options: .regularExpression) == nil ? nil : .number(value)
        case .decimal, .money:
            return value.range(of: #"^-?[0-9]{1,18}(\.[0-9]{1,12})?$"#, options: .regularExpression) == nil ? nil : .number(value)
        case .boolean:
            switch value.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .date, .timestamp:
            if value.lowercased() == "now" { return .now }
            return value.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) == nil ? nil : .text(value)
        case .string, .text, .email, .enumeration:
            return .text(value)
        case .uuid, .json:
            return nil  // uuids are made by the application (`random`); a JSON default is left to it too
        }
    }
}
