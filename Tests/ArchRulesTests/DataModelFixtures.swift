import ArchModel

/// A small shop: Order has-many OrderItem, OrderItem belongs-to Product, Product many-to-many Category (declared
/// on both sides).
enum ShopFixture {
    static let entities = [
        Entity(name: "Order", fields: [
            Field(name: "number", type: .string, required: true, unique: true),
            Field(name: "status", type: .enumeration, required: true, indexed: true, enumValues: ["pending", "paid", "shipped"]),
            Field(name: "total", type: .money, required: true),
            Field(name: "customerEmail", type: .email, required: true, pii: true, indexed: true),
            Field(name: "placedAt", type: .timestamp),
        ], relations: [Relation(kind: .hasMany, target: "OrderItem", name: "items")], service: "Ordering"),
        Entity(name: "OrderItem", fields: [
            Field(name: "quantity", type: .integer, required: true),
            Field(name: "unitPrice", type: .money, required: true),
        ], relations: [Relation(kind: .belongsTo, target: "Product")], service: "Ordering"),
        Entity(name: "Product", fields: [
            Field(name: "sku", type: .string, required: true, unique: true),
            Field(name: "name", type: .string, required: true, indexed: true),
            Field(name: "description", type: .text),
        ], relations: [Relation(kind: .manyToMany, target: "Category")], service: "Catalog"),
        Entity(name: "Category", fields: [Field(name: "name", type: .string, required: true, unique: true)],
               relations: [Relation(kind: .manyToMany, target: "Product")]),
    ]

    static func session(_ answers: [String: AnswerValue] = [:], entities: [Entity] = entities) -> Session {
        Session(projectName: "Shop", answers: answers, entities: entities)
    }
}
