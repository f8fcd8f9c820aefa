import ArchModel
import Yams

/// A problem in a catalogue file: `questions/02-api.yaml:14:11: unknown kind 'choise'; …`.
public typealias CatalogueError = LocatedError

/// Loads the method's question catalogue from YAML files, one per step, checking everything a typo could break.
public enum CatalogueLoader {
    /// The catalogue shipped inside the binary (`Resources/questions/*.yaml`, in file-name order).
    public static func builtIn() throws(CatalogueError) -> Catalogue {
        let files = EmbeddedResources.files
            .filter { $0.key.hasPrefix("questions/") && $0.key.hasSuffix(".yaml") }
            .sorted { $0.key < $1.key }
            .map { (name: $0.key, text: $0.value) }
        return try load(files: files)
    }

    /// Loads steps from `files` in the order given; each file holds one step.
    public static func load(files: [(name: String, text: String)]) throws(CatalogueError) -> Catalogue {
        var steps: [MethodStep] = []
        var known: [String: Question] = [:]
        var stepIDs: Set<String> = []
        for file in files {
            var decoder = StepDecoder(reader: YAMLReader(file: file.name), earlier: known)
            let (step, stepNode) = try decoder.decode(file.text)
            guard stepIDs.insert(step.id).inserted else {
                throw decoder.reader.error("duplicate step id '\(step.id)'", at: stepNode)
            }
            for question in step.questions { known[question.id] = question }
            steps.append(step)
        }
        return Catalogue(steps: steps)
    }
}
