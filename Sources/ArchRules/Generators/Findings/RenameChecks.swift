import ArchModel

/// One finding per table whose names the schema changed (see `Table.renames`): a name too long for every SQL
/// dialect, or taken by an earlier table, column, index or constraint. Each says old → new and why, so nobody
/// is surprised that the column the API calls `customerId` is `customer_id_2` in the database.
struct RenameChecks: Sendable {
    let design: Design

    func findings() -> [Finding] {
        design.tables.compactMap { table in
            guard !table.renames.isEmpty else { return nil }
            let count = table.renames.count
            return makeFinding("data.identifier-renamed", .info, count == 1 ? "Identifier renamed" : "\(count) identifiers renamed",
                               subject: "table \(table.name)", about: .table(table.id),
                               detail: table.renames.map(\.sentence).joined(separator: "; "),
                               fix: "Give the entity, field or relation a shorter or distinct name if the new name does not suit")
        }
    }
}
