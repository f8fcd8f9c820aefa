import ArchModel
@testable import ArchRules
import Foundation
import XCTest

/// A decided stream (issue 9): `datastore.secondary: time-series-store` and friends make measurement records an
/// append-only table keyed by source and time, a batch ingest answering 202, and an ingest flow — and only then.
final class StreamRecordsTests: XCTestCase {
    private static let device = Entity(name: "Device", fields: [Field(name: "serial", type: .string, required: true, unique: true)],
                                       relations: [Relation(kind: .hasMany, target: "Reading")], service: "Ingest")
    private static let reading = Entity(name: "Reading", fields: [
        Field(name: "measuredAt", type: .timestamp, required: true, indexed: true),
        Field(name: "metric", type: .string, required: true),
        Field(name: "value", type: .decimal, required: true),
    ], relations: [Relation(kind: .belongsTo, target: "Device")], service: "Ingest")

    /// 50k req/s, 2 % reads: `data.time-series-store` fires.
    private static let appendHeavy: [String: AnswerValue] = ["requirements.peak_rps": .number(50_000), "requirements.read_ratio": .number(2)]

    private func design(_ answers: [String: AnswerValue], entities: [Entity] = [device, reading]) throws -> Design {
        try DesignBuilder.standard().build(Session(projectName: "Telemetry", answers: answers, entities: entities))
    }

    func testATimeSeriesDecisionMakesReadingsAnAppendOnlyTableKeyedBySourceMetricAndTime() throws {
        let design = try design(Self.appendHeavy)
        XCTAssertEqual(design.decisions.first { $0.topic == "datastore.secondary" }?.choice, "time-series-store")
        let table = try XCTUnwrap(design.tables.first { $0.entity == "Reading" })
        XCTAssertEqual(table.stream, StreamKey(source: "device_id", sourceEntity: "Device", time: "measured_at", discriminators: ["metric"],
                                               store: .timeSeries, decision: "datastore.secondary: time-series-store"))
        XCTAssertEqual(table.primaryKey, ["device_id", "metric", "measured_at"])
        XCTAssertNil(table.column("id"))
        XCTAssertNil(table.column("lock_version"))
        XCTAssertNil(table.column("updated_at"))
        XCTAssertNotNil(table.column("created_at"), "the ingest time stays")
        XCTAssertEqual(table.partitioning, Partitioning(method: .range, key: "measured_at", interval: .daily))
        XCTAssertFalse(table.indexes.contains { $0.columns == ["device_id"] }, "the key leads with the source already")
        XCTAssertEqual(table.column("metric")?.nullable, false)
        // The source keeps its ordinary shape.
        let devices = try XCTUnwrap(design.tables.first { $0.entity == "Device" })
        XCTAssertNil(devices.stream)
        XCTAssertNotNil(devices.column("lock_version"))
    }

    func testTheStreamsAPIIsATimeRangeReadAndABatchIngestAnswering202() throws {
        let endpoints = try design(Self.appendHeavy).endpoints.filter { $0.resource == "Reading" }
        XCTAssertEqual(endpoints.map { "\($0.method) \($0.path)" },
                       ["GET /v1/devices/{deviceId}/readings", "POST /v1/devices/{deviceId}/readings/batch"])
        let list = endpoints[0], batch = endpoints[1]
        let names = list.parameters.map(\.name)
        XCTAssertTrue(["from", "to", "metric"].allSatisfy(names.contains), "\(names)")
        XCTAssertFalse(names.contains("measuredAt"), "the time is filtered by from/to")
        XCTAssertEqual(batch.responses.first?.status, 202)
        XCTAssertTrue(batch.responses.contains { $0.status == 422 && $0.description.contains("1000") })
        XCTAssertFalse(batch.responses.contains { $0.status == 201 })
        guard case .batch(let schema, let omitting)? = batch.requestBody?.schema else { return XCTFail("\(String(describing: batch.requestBody))") }
        XCTAssertEqual(schema.entity, "Reading")
        XCTAssertEqual(omitting, ["deviceId"], "the path carries the source")
        let example = try XCTUnwrap(batch.requestBody?.example.rendered())
        let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(example.utf8)) as? [String: Any])
        let items = try XCTUnwrap(body["items"] as? [[String: Any]], example)
        XCTAssertEqual(items.count, 2)
        XCTAssertNotEqual(items[0]["measuredAt"] as? String, items[1]["measuredAt"] as? String, "two records of one source at two times")
        XCTAssertNil(items[0]["id"])
        XCTAssertNil(items[0]["deviceId"], "the path carries the source")
        XCTAssertEqual(batch.responseBody?.schema, .batchAccepted)
    }

    func testTheIngestFlowAppendsToTheLogAnswers202AndACopyWritesTheBatch() throws {
        let design = try design(Self.appendHeavy.merging(["services.messaging": .choice("kafka"),
                                                          "services.communication": .choice("async")]) { $1 })
        let flow = try XCTUnwrap(design.sequences.first { $0.title == "Ingest a batch of readings" }, "\(design.sequences.map(\.title))")
        let texts = flow.messages.map(\.text)
        XCTAssertTrue(texts.contains { $0.hasPrefix("append the batch to readings stream, keyed by device_id") }, "\(texts)")
        XCTAssertTrue(texts.contains("COPY the batch into readings (rows already there skipped)"), "\(texts)")
        XCTAssertTrue(flow.participants.contains("time-series-store"), "\(flow.participants)")
        XCTAssertFalse(texts.contains { $0.hasPrefix("201") || $0.hasPrefix("INSERT") }, "\(texts)")
        let accepted = try XCTUnwrap(texts.firstIndex(of: "202 Accepted")), copy = try XCTUnwrap(texts.firstIndex { $0.hasPrefix("COPY") })
        XCTAssertLessThan(accepted, copy, "the client is answered before the store write")
        XCTAssertFalse(design.sequences.contains { $0.title == "Create Reading" })
    }

    func testWithoutTheDecisionOrWithARecordReferencingAReadingNothingIsAStream() throws {
        let readHeavy = try design(["requirements.peak_rps": .number(50_000), "requirements.read_ratio": .number(80)])
        XCTAssertNil(readHeavy.tables.first { $0.entity == "Reading" }?.stream)
        XCTAssertTrue(readHeavy.endpoints.contains { $0.resource == "Reading" && $0.method == "PATCH" })
        // An alert raised on one reading references it: a single reading is then a record of its own.
        let alert = Entity(name: "Alert", fields: [Field(name: "severity", type: .string, required: true)],
                           relations: [Relation(kind: .belongsTo, target: "Reading")], service: "Ingest")
        let referenced = try design(Self.appendHeavy, entities: [Self.device, Self.reading, alert])
        XCTAssertNil(referenced.tables.first { $0.entity == "Reading" }?.stream)
        // Not a measurement by name.
        let invoice = Entity(name: "Invoice", fields: [Field(name: "issuedAt", type: .timestamp, required: true)],
                             relations: [Relation(kind: .belongsTo, target: "Device")], service: "Ingest")
        let named = try design(Self.appendHeavy, entities: [Self.device, invoice])
        XCTAssertNil(named.tables.first { $0.entity == "Invoice" }?.stream)
    }

    func testTheStreamDesignHasNoCoherenceFindingsAndTheCheckFiresOnAMutableStream() throws {
        var design = try design(Self.appendHeavy)
        XCTAssertEqual(design.findings.filter { $0.id.hasPrefix("coherence.") }.map(\.title), [])
        let index = try XCTUnwrap(design.tables.firstIndex { $0.entity == "Reading" })
        design.tables[index].columns.append(Column(name: "lock_version", type: .integer, nullable: false))
        design.tables[index].primaryKey = ["id"]
        design.endpoints.append(Endpoint(method: "DELETE", path: "/v1/readings/{readingId}", operationId: "deleteReading", summary: "",
                                         resource: "Reading", service: "Ingest"))
        design.endpoints.append(Endpoint(method: "POST", path: "/v1/readings", operationId: "createReading", summary: "",
                                         resource: "Reading", service: "Ingest"))
        let ids = CoherenceChecks(design: design).findings().map(\.id)
        XCTAssertEqual(ids.filter { $0 == "coherence.datastore.secondary" }.count, 4, "\(ids)")
    }
}
