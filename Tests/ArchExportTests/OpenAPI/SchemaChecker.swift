import Foundation

/// A checker for the JSON Schema subset the OpenAPI exporter emits (`$ref` to components, `type`, `format`,
/// `enum`, string lengths and patterns, integer bounds, `required`, `properties`, `additionalProperties: false`,
/// `items`, `maxItems`, `readOnly`), so a test can prove that every example validates against its schema.
struct SchemaChecker {
    /// `components.schemas` of the document.
    let components: [String: Any]

    /// Every way `value` breaks `schema`, as `path: what`; empty when it conforms. `request`: read-only
    /// properties must not be sent.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$", request: Bool = false) -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/components/schemas/".count))
            guard ref.hasPrefix("#/components/schemas/"), let target = components[name] as? [String: Any] else {
                return ["\(path): unresolved \(ref)"]
            }
            return problems(value, target, at: path, request: request)
        }
        var found: [String] = []
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) {
            found.append("\(path): \(value) is not one of \(allowed)")
        }
        switch schema["type"] as? String {
        case "string":
            guard let text = value as? String else { return ["\(path): \(value) is not a string"] }
            found += stringProblems(text, schema, at: path)
        case "integer":
            guard let number = value as? NSNumber, !isBool(value), number.doubleValue == number.doubleValue.rounded() else {
                return ["\(path): \(value) is not an integer"]
            }
            if let minimum = (schema["minimum"] as? NSNumber)?.doubleValue, number.doubleValue < minimum { found.append("\(path): below \(minimum)") }
            if let maximum = (schema["maximum"] as? NSNumber)?.doubleValue, number.doubleValue > maximum { found.append("\(path): above \(maximum)") }
        case "number":
            if !(value is NSNumber) || isBool(value) { found.append("\(path): \(value) is not a number") }
        case "boolean":
            if !isBool(value) { found.append("\(path): \(value) is not a boolean") }
        case "array":
            guard let items = value as? [Any] else { return ["\(path): not an array"] }
            if let maximum = schema["maxItems"] as? Int, items.count > maximum { found.append("\(path): more than \(maximum) items") }
            if let item = schema["items"] as? [String: Any] {
                for (index, element) in items.enumerated() { found += problems(element, item, at: "\(path)[\(index)]", request: request) }
            }
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            found += objectProblems(object, schema, at: path, request: request)
        case nil:
            break
        case let other?:
            found.append("\(path): the checker does not know type \(other)")
        }
        return found
    }

    private func objectProblems(_ object: [String: Any], _ schema: [String: Any], at path: String, request: Bool) -> [String] {
        var found: [String] = []
        let properties = schema["properties"] as? [String: Any] ?? [:]
        for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path): \(key) is missing") }
        for (key, member) in object.sorted(by: { $0.key < $1.key }) {
            guard let property = properties[key] as? [String: Any] else {
                if schema["additionalProperties"] as? Bool == false { found.append("\(path): \(key) is not allowed") }
                continue
            }
            if request, property["readOnly"] as? Bool == true { found.append("\(path).\(key): read-only, sent in a request") }
            found += problems(member, property, at: "\(path).\(key)", request: request)
        }
        return found
    }

    private func stringProblems(_ text: String, _ schema: [String: Any], at path: String) -> [String] {
        var found: [String] = []
        if let maximum = schema["maxLength"] as? Int, text.count > maximum { found.append("\(path): longer than \(maximum)") }
        if let minimum = schema["minLength"] as? Int, text.count < minimum { found.append("\(path): shorter than \(minimum)") }
        if let pattern = schema["pattern"] as? String, text.range(of: pattern, options: .regularExpression) == nil {
            found.append("\(path): \(text) does not match \(pattern)")
        }
        let formats = [
            "uuid": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            "date": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "date-time": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
            "email": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
            "uri-reference": "^[^\\s]*$",
        ]
        if let format = schema["format"] as? String {
            if let pattern = formats[format] {
                if text.range(of: pattern, options: .regularExpression) == nil { found.append("\(path): \(text) is not a \(format)") }
            } else {
                found.append("\(path): the checker does not know format \(format)")
            }
        }
        return found
    }

    /// JSONSerialization gives booleans as NSNumbers of ObjC type `c`.
    private func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }
}
