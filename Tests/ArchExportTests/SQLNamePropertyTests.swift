@testable import ArchExport
import ArchModel
import ArchRules
import Foundation
import TestSupport
import XCTest

/// The name builder on 10,000 seeded random names (Unicode, reserved words, long names, case twins): no two
/// identifiers alike (ignoring case and accents) and none over a dialect's byte limit; and a session made of a few
/// hundred of them gives DDL every engine runs.
final class SQLNamePropertyTests: XCTestCase {
    static let pieces = ["order", "user", "select", "group", "Order", "ORDER", "naïve", "café", "Café", "注文", "データ", "Ωmega",
                         "émoji😀", "quote\"d", "semi;colon", "back`tick", "../etc", "a'b", "x", "Name", "name", "名前"]

    static func names(_ count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(state: seed)
        var names: [String] = []
        for _ in 0..<count {
            var name = (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
            if Int.random(in: 0..<5, using: &random) == 0 { name += String(repeating: "long", count: Int.random(in: 15...40, using: &random)) }
            if let last = names.last, Int.random(in: 0..<4, using: &random) == 0 { name = last.uppercased() }  // a case twin
            names.append(name)
        }
        return names
    }

    func testTenThousandNamesGiveDistinctIdentifiersWithinEveryLimit() {
        let names = Self.names(10_000, seed: 42)
        for dialect in SQLDialect.allCases {
            var space = SQLNamespace(maxBytes: dialect.maxIdentifierBytes)
            var keys: Set<String> = []
            var overLong = 0
            for name in names {
                let identifier = space.claim(name).name
                if identifier.utf8.count > dialect.maxIdentifierBytes { overLong += 1 }
                keys.insert(SQLNamespace.key(identifier))
            }
            XCTAssertEqual(keys.count, names.count, "\(dialect): collisions")
            XCTAssertEqual(overLong, 0, "\(dialect): over-long identifiers")
        }
        // Through the derivation's spelling too (snake case, then the namespace).
        var space = SQLNamespace()
        let identifiers = names.map { space.claim(Naming.snakeCase($0)).name }
        XCTAssertEqual(Set(identifiers.map(SQLNamespace.key)).count, names.count)
    }

    func testASessionOfRandomNamesRunsOnEveryEngine() throws {
        let names = Self.names(300, seed: 7)
        var entities: [Entity] = []
        for (index, name) in names.enumerated() where index % 3 == 0 {
            let fields = names[(index + 1)...min(index + 2, names.count - 1)].map { Field(name: $0, type: .string, indexed: true) }
            let relations = entities.last.map { [Relation(kind: .belongsTo, target: $0.name)] } ?? []
            entities.append(Entity(name: name + " \(index)", fields: fields, relations: relations))
        }
        let files = try SQLExportSupport.files(of: Session(projectName: "Random names", entities: entities))
        for (dialect, file) in [("postgres", "schema.postgres.sql"), ("mysql", "schema.mysql.sql"), ("sqlite", "schema.sqlite.sql")] {
            let validator = try SQLExportSupport.validator("validate-sql-\(dialect)")
            let folder = try SQLExportSupport.folder(["random.\(dialect).sql": try XCTUnwrap(files[file])])
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try SQLExportSupport.run(validator, [folder.appendingPathComponent("random.\(dialect).sql").path])
            XCTAssertEqual(result.status, 0, result.output)
        }
    }
}
