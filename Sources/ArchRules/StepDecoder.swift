import ArchModel
import Yams

/// Reads one catalogue file (`step:` and `questions:`) into a `MethodStep`.
struct StepDecoder {
    let reader: YAMLReader
    /// Questions of earlier steps (and, as decoding goes on, of this one): ids must be unique, `show_if` must look back.
    var earlier: [String: Question]

    static let kinds = QuestionKind.allCases.map(\.rawValue).joined(separator: ", ")

    mutating func decode(_ text: String) throws(CatalogueError) -> (MethodStep, Node) {
        guard let root = try reader.compose(text) else { throw reader.error("empty file: expected keys 'step' and 'questions'", at: nil) }
        let pairs = try reader.keyed(try reader.mapping(root, "a catalogue file"), allowed: ["step", "questions"], in: "a catalogue file")
        let stepNode = try reader.require("step", in: pairs, of: root, "a catalogue file")
        let stepPairs = try reader.keyed(try reader.mapping(stepNode, "the step"), allowed: ["id", "title", "summary"], in: "the step")
        let idNode = try reader.require("id", in: stepPairs, of: stepNode, "the step")
        let id = try reader.string(idNode, "the step id")
        let title = try reader.string(try reader.require("title", in: stepPairs, of: stepNode, "the step"), "the step title")
        let summary = try stepPairs["summary"].map { node throws(CatalogueError) in try reader.string(node, "the step summary") } ?? ""
        let list = try reader.sequence(try reader.require("questions", in: pairs, of: root, "a catalogue file"), "questions")
        if list.isEmpty { throw reader.error("a step needs at least one question", at: pairs["questions"]) }
        var questions: [Question] = []
        for node in list {
            let question = try QuestionDecoder(reader: reader, stepID: id, earlier: earlier).decode(node)
            earlier[question.id] = question
            questions.append(question)
        }
        return (MethodStep(id: id, title: title, summary: summary, questions: questions), idNode)
    }
}
