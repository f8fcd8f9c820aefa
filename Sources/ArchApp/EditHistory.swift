import ArchModel

/// Undo and redo within one run: each step is an edit, its inverse and what to call it. Unlimited; a new
/// edit clears what could be redone.
public struct EditHistory: Hashable, Sendable {
    public struct Step: Hashable, Sendable {
        public var forward: SessionEdit
        public var inverse: SessionEdit
        /// What the status line says: "delete entity Loan (2 relations, 5 endpoints)".
        public var label: String
    }

    public private(set) var undoSteps: [Step] = []
    public private(set) var redoSteps: [Step] = []

    /// A new edit: undoable, and nothing is left to redo.
    mutating func record(_ step: Step) {
        undoSteps.append(step)
        redoSteps.removeAll()
    }

    mutating func popUndo() -> Step? { undoSteps.popLast() }
    mutating func popRedo() -> Step? { redoSteps.popLast() }
    mutating func pushRedo(_ step: Step) { redoSteps.append(step) }
    mutating func pushUndoKeepingRedo(_ step: Step) { undoSteps.append(step) }
}
