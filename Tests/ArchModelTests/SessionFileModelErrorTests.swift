import ArchModel
import XCTest

/// Every problem in `entities` and `services` names the file, line and column, and what was allowed.
final class SessionFileModelErrorTests: XCTestCase {
    private func failure(_ body: String) -> String? {
        do {
            _ = try SessionFile.decode("schemaVersion: 1\nprojectName: p\n" + body, file: "m.yaml")
            return nil
        } catch {
            XCTAssertEqual(error.reason, .invalid)
            return error.description
        }
    }

    func testUnknownKeys() {
        XCTAssertEqual(failure("entities:\n- name: A\n  fields:\n  - {name: x, typ: uuid}\n"),
                       "m.yaml:6:15: unknown key 'typ' in a field of A; expected one of name, type, required, unique, pii, indexed, values, length, precision, scale, default, description")
        XCTAssertEqual(failure("entities:\n- name: A\n  relations:\n  - {kind: has-one, target: A, ondelete: cascade}\n"),
                       "m.yaml:6:32: unknown key 'ondelete' in a relation of A; expected one of kind, target, name, required, onDelete")
        XCTAssertEqual(failure("services:\n- name: S\n  owner: me\n"),
                       "m.yaml:5:3: unknown key 'owner' in a service; expected one of name, responsibilities, calls")
        XCTAssertEqual(failure("services:\n- name: S\n  calls:\n  - {target: S, mode: async}\n"),
                       "m.yaml:6:17: unknown key 'mode' in a call of S; expected one of target, style, purpose")
    }

    func testBadValuesListTheAllowedOnes() {
        XCTAssertEqual(failure("entities:\n- name: A\n  fields:\n  - {name: x, type: monee}\n"),
                       "m.yaml:6:21: unknown field type 'monee' in A.x; expected one of string, text, integer, bigint, decimal, money, boolean, date, timestamp, uuid, email, json, enum")
        XCTAssertEqual(failure("entities:\n- name: A\n  relations:\n  - {kind: owns, target: A}\n"),
                       "m.yaml:6:12: unknown relation kind 'owns' in A; expected one of belongs-to, has-many, has-one, many-to-many")
        XCTAssertEqual(failure("entities:\n- name: A\n  relations:\n  - {kind: has-one, target: A, onDelete: nullify}\n"),
                       "m.yaml:6:42: unknown onDelete rule 'nullify' in A; expected one of cascade, restrict, set-null")
        XCTAssertEqual(failure("services:\n- name: S\n  calls:\n  - {target: S, style: rpc}\n"),
                       "m.yaml:6:24: unknown call style 'rpc' in S; expected one of sync, async")
        XCTAssertEqual(failure("entities:\n- name: A\n  fields:\n  - {name: x, pii: maybe}\n"),
                       "m.yaml:6:20: expected pii of A.x as true or false, found 'maybe'")
        XCTAssertEqual(failure("entities:\n- name: A\n  fields: {name: x}\n"),
                       "m.yaml:5:11: expected the fields of A as a list, found a mapping")
    }

    func testMissingNamesAndTargets() {
        XCTAssertEqual(failure("entities:\n- service: S\n"), "m.yaml:4:3: missing key 'name' in an entity")
        XCTAssertEqual(failure("entities:\n- name: A\n  fields:\n  - {type: uuid}\n"), "m.yaml:6:5: missing key 'name' in a field of A")
        XCTAssertEqual(failure("entities:\n- name: A\n  relations:\n  - {kind: has-one}\n"), "m.yaml:6:5: missing key 'target' in a relation of A")
        XCTAssertEqual(failure("services:\n- responsibilities: x\n"), "m.yaml:4:3: missing key 'name' in a service")
        XCTAssertEqual(failure("entities:\n- name: ~\n"), "m.yaml:4:9: expected the entity name as text, found nothing")
    }

    func testDuplicateNamesCompareCaseInsensitively() {
        XCTAssertEqual(failure("entities:\n- name: Order\n- name: Customer\n- name: ORDER\n"),
                       "m.yaml:6:9: duplicate entity name 'ORDER': already used at line 4 (names compare ignoring case and separators)")
        XCTAssertEqual(failure("entities:\n- name: A\n  fields:\n  - {name: email}\n  - {name: Email, type: email}\n"),
                       "m.yaml:7:12: duplicate field 'Email' in A: already used at line 6 (names compare ignoring case and separators)")
        XCTAssertEqual(failure("services:\n- name: Ordering\n- name: ordering\n"),
                       "m.yaml:5:9: duplicate service name 'ordering': already used at line 4 (names compare ignoring case and separators)")
    }
}
