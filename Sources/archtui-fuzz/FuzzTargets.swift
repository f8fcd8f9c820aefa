import ArchModel
import ArchRules
import Foundation
import NCursesBackend
import TerminalUI

/// What each fuzz target does with one input. Every input must end in a value or a thrown, located error: a trap,
/// a hang or a runaway allocation is a bug (libFuzzer reports it with the input that caused it).
enum FuzzTargets {
    static let names = ["session", "answer", "rules", "expression", "keys"]

    /// The catalogue and builder, made once per process.
    nonisolated(unsafe) static var builder: DesignBuilder = try! DesignBuilder.standard(memoizing: false)

    static func run(_ target: String, _ data: Data) {
        switch target {
        case "session": session(data)
        case "answer": answer(data)
        case "rules": rules(data)
        case "expression": expression(data)
        case "keys": keys(data)
        default: fatalError("no fuzz target \(target); one of \(names.joined(separator: ", "))")
        }
    }

    /// The session loader; a session that loads is derived too (the numbers in it reach the generators).
    static func session(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else {
            _ = SessionStoreProbe.firstInvalid(data)
            return
        }
        guard let decoded = try? SessionFile.decodeReporting(text, file: "fuzz.yaml", catalogue: builder.catalogue) else { return }
        if decoded.session.entities.count <= 40 { _ = builder.build(decoded.session) }
        _ = SessionFile.encode(decoded.session)
    }

    /// The answer parser and validation, against every question of the catalogue.
    static func answer(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        for question in builder.catalogue.questions.prefix(24) {
            if case .success(let value?) = AnswerParser.parse(text, for: question) { _ = AnswerParser.validate(value, for: question) }
        }
        _ = AnswerParser.parseNumber(text, unit: "%")
    }

    /// A rule pack file.
    static func rules(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        _ = try? RulePack.load(name: "fuzz", files: [("fuzz.yaml", text)], catalogue: builder.catalogue)
    }

    /// A rule condition.
    static func expression(_ data: Data) {
        _ = try? ExpressionParser.parse(String(decoding: data, as: UTF8.self))
    }

    /// Key codes as ncurses hands them over (two bytes a code; the first bit of each pair marks a key code).
    static func keys(_ data: Data) {
        var decoder = KeyDecoder()
        let bytes = Array(data)
        var index = 0
        while index + 1 < bytes.count {
            let isKeyCode = bytes[index] & 0x80 != 0
            let code = Int32(bytes[index] & 0x7F) << 8 | Int32(bytes[index + 1])
            _ = decoder.feed(code: code, isKeyCode: isKeyCode, currentSize: Size(width: 80, height: 24))
            index += 2
        }
        _ = decoder.flush()
    }
}

/// The non-UTF-8 position finder the store uses, reached through a file (it is internal to the store).
enum SessionStoreProbe {
    static func firstInvalid(_ data: Data) -> Bool {
        let path = NSTemporaryDirectory() + "archtui-fuzz-\(getpid()).yaml"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: data) else { return false }
        return (try? SessionStore.load(path: path, catalogue: nil)) != nil
    }
}
