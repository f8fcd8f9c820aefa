/// A problem in a text file, pinned to the place a person must look: `file:line:column: message`.
public struct LocatedError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's name as the user knows it (a path, or a resource name like `questions/02-api.yaml`).
    public var file: String
    /// Line, counted from 1.
    public var line: Int
    /// Column in Unicode scalars, counted from 1.
    public var column: Int
    /// What was expected and what was found, written for people.
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
