import ArchModel
import XCTest

final class AnswerParserTests: XCTestCase {
    let peak = Question(id: "requirements.peak_rps", prompt: "Peak", kind: .integer, unit: "req/s",
                        validation: Validation(required: true, minimum: 1, maximum: 1_000_000))
    let availability = Question(id: "requirements.availability", prompt: "Availability", kind: .number, unit: "%",
                                validation: Validation(minimum: 90, maximum: 100))
    let style = Question(id: "api.style", prompt: "Style", kind: .choice,
                         choices: [Choice(value: "rest", label: "REST"), Choice(value: "grpc", label: "gRPC")])
    let auth = Question(id: "api.auth", prompt: "Auth", kind: .multiChoice,
                        choices: [Choice(value: "oidc", label: "OIDC"), Choice(value: "mtls", label: "Mutual TLS")])
    let shortText = Question(id: "x.name", prompt: "Name", kind: .text, validation: Validation(maxLength: 5))

    private func number(_ text: String, _ question: Question) -> Double? {
        try? AnswerParser.parse(text, for: question).get()?.number
    }

    private func message(_ text: String, _ question: Question) -> String? {
        if case .failure(let error) = AnswerParser.parse(text, for: question) { return error.message }
        return nil
    }

    func testAcceptsNumbersAsPeopleWriteThem() {
        XCTAssertEqual(number("25000", peak), 25000)
        XCTAssertEqual(number("25k", peak), 25000)
        XCTAssertNil(number("1.5M", peak), "above the maximum")
        XCTAssertEqual(number("2,500", peak), 2500)
        XCTAssertEqual(number(" 1,200 req/s ", peak), 1200)
        XCTAssertEqual(number("99.9", availability), 99.9)
        XCTAssertEqual(number("99.9%", availability), 99.9)
        XCTAssertEqual(number("1.5k", peak), 1500)
    }

    func testLargeSuffixWithinRange() {
        let big = Question(id: "r.records", prompt: "Records", kind: .integer, validation: Validation(maximum: 1e12))
        XCTAssertEqual(number("1.5M", big), 1_500_000)
    }

    func testRejectsNonNumbersAndOutOfRange() {
        XCTAssertEqual(message("abc", peak), "'abc' is not a number; write e.g. 2500, 2,500, 25k or 1.5M")
        XCTAssertEqual(message("0", peak), "must be between 1 and 1000000 req/s")
        XCTAssertEqual(message("2M", peak), "must be between 1 and 1000000 req/s")
        XCTAssertEqual(message("2.5", peak), "must be a whole number")
        XCTAssertEqual(message("101%", availability), "must be between 90 and 100%")
        XCTAssertNotNil(message("1,5", peak))
        XCTAssertNotNil(message("12abc", peak))
    }

    func testEmptyIsNoAnswerUnlessRequired() {
        XCTAssertEqual(try AnswerParser.parse("  ", for: availability).get(), nil)
        XCTAssertEqual(message("", peak), "an answer is required")
    }

    func testTextLength() {
        XCTAssertEqual(try AnswerParser.parse("short", for: shortText).get(), .text("short"))
        XCTAssertEqual(message("toolong", shortText), "must be at most 5 characters (is 7)")
    }

    func testChoicesByValueOrLabel() {
        XCTAssertEqual(try AnswerParser.parse("rest", for: style).get(), .choice("rest"))
        XCTAssertEqual(try AnswerParser.parse("grpc", for: style).get(), .choice("grpc"))
        XCTAssertEqual(try AnswerParser.parse("REST", for: style).get(), .choice("rest"))
        XCTAssertEqual(message("soap", style), "'soap' is not one of the options: rest, grpc")
        XCTAssertEqual(try AnswerParser.parse("oidc, Mutual TLS", for: auth).get(), .choices(["oidc", "mtls"]))
        XCTAssertNotNil(message("oidc, kerberos", auth))
    }

    func testListItems() {
        let list = Question(id: "r.items", prompt: "Items", kind: .list, validation: Validation(maxLength: 10))
        XCTAssertEqual(try AnswerParser.parseItem("  Stripe ", for: list).get(), "Stripe")
        XCTAssertThrowsError(try AnswerParser.parseItem("   ", for: list).get())
        XCTAssertThrowsError(try AnswerParser.parseItem("far too long item", for: list).get())
        XCTAssertEqual(try AnswerParser.parse("a\n\nb\n", for: list).get(), .list(["a", "b"]))
    }

    func testValidateStoredValues() {
        XCTAssertNil(AnswerParser.validate(.number(500), for: peak))
        XCTAssertEqual(AnswerParser.validate(.number(0), for: peak)?.message, "must be between 1 and 1000000 req/s")
        XCTAssertEqual(AnswerParser.validate(.text("x"), for: peak)?.message, "expected a whole number")
        XCTAssertNotNil(AnswerParser.validate(.choice("soap"), for: style))
    }
}
