import ArchModel
@testable import ArchRules
import XCTest

final class ExpressionTests: XCTestCase {
    private func holds(_ condition: String, _ answers: [String: AnswerValue] = [:], entities: [Entity] = [],
                       file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        let expression = try ExpressionParser.parse(condition)
        _ = try ExpressionChecker.check(expression, catalogue: RulesFixtures.catalogue)
        let facts = Facts(session: RulesFixtures.session(answers, entities: entities), catalogue: RulesFixtures.catalogue)
        return ExpressionEvaluator(facts: facts).holds(expression)
    }

    private func checkError(_ condition: String) -> ExpressionError? {
        do {
            _ = try ExpressionChecker.check(try ExpressionParser.parse(condition), catalogue: RulesFixtures.catalogue)
            return nil
        } catch {
            return error
        }
    }

    func testLexerReadsMultipliersAndUnits() throws {
        var lexer = ExpressionLexer("25k 1.5M 2G 150 ms 2TB 99.9% 5 min 2 s x")
        let kinds = try lexer.tokens().map(\.kind)
        let ms = QuantityUnit.known["ms"], tb = QuantityUnit.known["TB"], pct = QuantityUnit.known["%"]
        XCTAssertEqual(kinds, [.number(25_000, nil), .number(1_500_000, nil), .number(2e9, nil), .number(150, ms),
                               .number(2, tb), .number(99.9, pct), .number(5, QuantityUnit.known["min"]),
                               .number(2, QuantityUnit.known["s"]), .word("x"), .end])
    }

    func testLexerPositionsAndBadCharacter() throws {
        var lexer = ExpressionLexer("a  == 'b'")
        XCTAssertEqual(try lexer.tokens().map(\.offset), [0, 3, 6, 9])
        XCTAssertThrowsError(try ExpressionParser.parse("a = 1")) { error in
            XCTAssertEqual(error as? ExpressionError, ExpressionError("expected '==', found '='", at: 2))
        }
    }

    func testUnitsConvertBetweenAnswerAndLiteral() throws {
        XCTAssertTrue(try holds("requirements.p99_latency_ms < 0.2 s", ["requirements.p99_latency_ms": .number(150)]))
        XCTAssertFalse(try holds("requirements.p99_latency_ms < 0.2 s", ["requirements.p99_latency_ms": .number(250)]))
        XCTAssertTrue(try holds("requirements.p99_latency_ms < 200", ["requirements.p99_latency_ms": .number(150)]))
        XCTAssertTrue(try holds("requirements.record_size_kb >= 1 MB", ["requirements.record_size_kb": .number(1000)]))
        XCTAssertTrue(try holds("nonfunctional.rpo_minutes <= 1 h", ["nonfunctional.rpo_minutes": .number(60)]))
        XCTAssertTrue(try holds("requirements.availability >= 99.9%", ["requirements.availability": .number(99.95)]))
        XCTAssertTrue(try holds("requirements.peak_rps >= 5k", ["requirements.peak_rps": .number(5000)]))
    }

    func testNullComparisonsAreFalse() throws {
        XCTAssertFalse(try holds("requirements.team_size > 5"))
        XCTAssertFalse(try holds("requirements.team_size <= 5"))
        XCTAssertTrue(try holds("requirements.team_size != 5"))
        XCTAssertTrue(try holds("services.deployment_style != \"microservices\""))
        XCTAssertTrue(try holds("not (requirements.team_size > 5)"))
        XCTAssertFalse(try holds("answered(requirements.team_size)"))
        XCTAssertTrue(try holds("answered(requirements.team_size)", ["requirements.team_size": .number(3)]))
        XCTAssertFalse(try holds("\"gdpr\" in nonfunctional.compliance"))
        XCTAssertFalse(try holds("capacity.peak_rps > 0"))
    }

    func testInWithListsAndAnswers() throws {
        let micro: [String: AnswerValue] = ["services.deployment_style": .choice("microservices")]
        XCTAssertTrue(try holds("services.deployment_style in [\"microservices\", \"serverless\"]", micro))
        XCTAssertFalse(try holds("services.deployment_style in ['monolith']", micro))
        XCTAssertTrue(try holds("'microservices' in services.deployment_style", micro))
        let compliance: [String: AnswerValue] = ["nonfunctional.compliance": .choices(["gdpr", "soc2"])]
        XCTAssertTrue(try holds("\"gdpr\" in nonfunctional.compliance", compliance))
        XCTAssertFalse(try holds("\"hipaa\" in nonfunctional.compliance", compliance))
        XCTAssertTrue(try holds("requirements.team_size in [3, 5]", ["requirements.team_size": .number(5)]))
    }

    func testFunctionsOverTheModel() throws {
        let entities = [
            Entity(name: "Customer", fields: [Field(name: "email", pii: true, indexed: true)]),
            Entity(name: "Order", fields: [Field(name: "total")], relations: [Relation(kind: .belongsTo, target: "Customer")]),
        ]
        XCTAssertTrue(try holds("count(entities) == 2 and count(fields) == 2 and count(relations) == 1", entities: entities))
        XCTAssertTrue(try holds("any(fields, pii) and count(fields, indexed) == 1 and not any(fields, unique)", entities: entities))
        XCTAssertTrue(try holds("any(relations, belongs-to) and not any(relations, many-to-many)", entities: entities))
        XCTAssertTrue(try holds("answered(data.entities)", entities: entities))
        XCTAssertTrue(try holds("count(requirements.integrations) == 2", ["requirements.integrations": .list(["Stripe", "SAP"])]))
        XCTAssertTrue(try holds("count(requirements.integrations) == 0"))
    }

    func testCapacityFacts() throws {
        let answers: [String: AnswerValue] = [
            "requirements.records_first_year": .number(1e9), "requirements.record_size_kb": .number(1),
            "requirements.retention_years": .number(3), "requirements.daily_active_users": .number(864_000),
            "requirements.requests_per_user": .number(100),
        ]
        XCTAssertTrue(try holds("capacity.storage_year1 == 1 TB and capacity.storage_total > 2 TB", answers))
        XCTAssertTrue(try holds("capacity.average_rps == 1k and capacity.peak_rps == 3k", answers))
    }

    func testPrecedence() throws {
        XCTAssertTrue(try holds("true or false and false"))
        XCTAssertFalse(try holds("(true or false) and false"))
        XCTAssertFalse(try holds("not false and false"))
        XCTAssertTrue(try holds("not requirements.team_size > 5 or false"))
    }

    func testDepthLimit() throws {
        let deep = String(repeating: "(", count: 40) + "true" + String(repeating: ")", count: 40)
        XCTAssertThrowsError(try ExpressionParser.parse(deep)) { error in
            XCTAssertTrue((error as? ExpressionError)?.message.contains("deeper than 32") == true, "\(error)")
        }
        let fine = String(repeating: "(", count: 20) + "true" + String(repeating: ")", count: 20)
        XCTAssertNoThrow(try ExpressionParser.parse(fine))
        XCTAssertThrowsError(try ExpressionParser.parse(String(repeating: "not ", count: 40) + "true"))
        let chain = Array(repeating: "true", count: 101).joined(separator: " and ")
        XCTAssertThrowsError(try ExpressionParser.parse(chain)) { error in
            XCTAssertEqual((error as? ExpressionError)?.message, "more than 100 terms joined by 'and'/'or'; split the rule")
        }
        XCTAssertNoThrow(try ExpressionParser.parse(Array(repeating: "true", count: 100).joined(separator: " or ")))
    }

    func testCheckerErrorsPointAtTheCulprit() {
        XCTAssertEqual(checkError("requirements.teamsize > 3"), ExpressionError("unknown question id 'requirements.teamsize'", at: 0))
        XCTAssertEqual(checkError("answered(api.style) and sum(entities) > 1")?.message,
                       "unknown function 'sum'; expected answered, count or any")
        XCTAssertEqual(checkError("requirements.p99_latency_ms < 2 KB"),
                       ExpressionError("cannot compare a duration with a size", at: 30))
        XCTAssertEqual(checkError("services.deployment_style == \"microservice\"")?.offset, 29)
        XCTAssertEqual(checkError("any(fields, secret)")?.message, "unknown property of fields; expected one of pii, unique, indexed, required")
        XCTAssertEqual(checkError("capacity.peak"), ExpressionError("unknown fact 'capacity.peak'; expected one of capacity.average_rps, capacity.instances, capacity.peak_factor, capacity.peak_rps, capacity.read_rps, capacity.record_write_rps, capacity.storage_total, capacity.storage_year1, capacity.write_rps", at: 0))
        XCTAssertEqual(checkError("requirements.team_size")?.message, "expected a condition (true or false), found a number")
        XCTAssertEqual(checkError("nonfunctional.compliance == 'gdpr'")?.message, "a list answer cannot be compared with '=='; write \"value\" in …")
        XCTAssertNil(checkError("true"))
    }

    func testSyntaxErrors() {
        XCTAssertThrowsError(try ExpressionParser.parse("a > ")) { error in
            XCTAssertEqual(error as? ExpressionError, ExpressionError("expected a value, found the end of the condition", at: 4))
        }
        XCTAssertThrowsError(try ExpressionParser.parse("1 < 2 < 3")) { error in
            XCTAssertEqual((error as? ExpressionError)?.offset, 6)
        }
        XCTAssertThrowsError(try ExpressionParser.parse("'open")) { error in
            XCTAssertEqual((error as? ExpressionError)?.offset, 0)
        }
    }
}
