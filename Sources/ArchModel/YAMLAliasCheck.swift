import CYaml

/// Finds YAML aliases (`*name`) before a file is composed. An alias repeats the node its anchor names, so a small
/// file of aliases to aliases expands to gigabytes once read ("billion laughs"); archtui's files never need one, so
/// the readers refuse any alias with its position. libyaml's event parser sees aliases exactly (a `*` in a quoted
/// string, a comment or a block scalar is none) in time linear in the file.
enum YAMLAliasCheck {
    struct Alias: Equatable {
        /// 1-based, as the other errors.
        let line: Int
        let column: Int
        let name: String
    }

    /// The first alias of `text`, or nil when it has none (or when it is not valid YAML up to one: the composer
    /// then reports the syntax error).
    static func firstAlias(in text: String) -> Alias? {
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }  // no alias without its indicator
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Alias? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                    return Alias(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1, name: name)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
            return nil
        }
    }
}
