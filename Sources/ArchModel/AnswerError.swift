/// Why a typed answer was refused; `message` is shown to the user as is.
public struct AnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
