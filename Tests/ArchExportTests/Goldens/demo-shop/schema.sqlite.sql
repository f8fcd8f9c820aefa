-- Schema of Northwind Shop for SQLite 3.35+, written by archtui export.
-- Runs on an empty database. Every identifier is quoted, so reserved words and any characters stay names.

-- Foreign keys are enforced only where each connection enables them.
PRAGMA foreign_keys = ON;

-- customers: Rows of the entity Customer.
CREATE TABLE "customers" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "shipping_address" TEXT,
    "marketing_opt_in" INTEGER NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_customers_email" UNIQUE ("email"),
    CONSTRAINT "ck_customers_marketing_opt_in" CHECK ("marketing_opt_in" IN (0, 1))
);
-- customers.email: Personal data (PII): encrypt at rest, mask in logs, erase on request.
-- customers.name: Personal data (PII): encrypt at rest, mask in logs, erase on request.
-- customers.phone: Personal data (PII): encrypt at rest, mask in logs, erase on request.
-- customers.shipping_address: Personal data (PII): encrypt at rest, mask in logs, erase on request.

-- products: Rows of the entity Product.
CREATE TABLE "products" (
    "id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "price" NUMERIC NOT NULL,
    "active" INTEGER NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_products_sku" UNIQUE ("sku"),
    CONSTRAINT "ck_products_active" CHECK ("active" IN (0, 1))
);

-- categories: Rows of the entity Category.
CREATE TABLE "categories" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_categories_slug" UNIQUE ("slug")
);

-- orders: Rows of the entity Order.
-- The design partitions this table (range by created_at, monthly); SQLite has no partitioning, so it is one table here.
CREATE TABLE "orders" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "total" NUMERIC NOT NULL,
    "currency" TEXT NOT NULL,
    "shipping_address" TEXT NOT NULL,
    "placed_at" TEXT NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_orders_number" UNIQUE ("number"),
    CONSTRAINT "ck_orders_status" CHECK ("status" IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
    CONSTRAINT "fk_orders_customer_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_orders_customer_id" ON "orders" ("customer_id");
CREATE INDEX "ix_orders_status" ON "orders" ("status");
CREATE INDEX "ix_orders_placed_at" ON "orders" ("placed_at");
-- orders.shipping_address: Personal data (PII): encrypt at rest, mask in logs, erase on request.
-- ix_orders_customer_id: foreign key: joins and ON DELETE checks
-- ix_orders_status: indexed field status: frequent lookups
-- ix_orders_placed_at: indexed field placedAt: frequent lookups

-- order_items: Rows of the entity OrderItem.
-- The design partitions this table (range by created_at, monthly); SQLite has no partitioning, so it is one table here.
CREATE TABLE "order_items" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" NUMERIC NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_order_items_order_id" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_order_items_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_order_items_order_id" ON "order_items" ("order_id");
CREATE INDEX "ix_order_items_product_id" ON "order_items" ("product_id");
-- ix_order_items_order_id: foreign key: joins and ON DELETE checks
-- ix_order_items_product_id: foreign key: joins and ON DELETE checks

-- payments: Rows of the entity Payment.
-- The design partitions this table (range by created_at, monthly); SQLite has no partitioning, so it is one table here.
CREATE TABLE "payments" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "provider_reference" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amount" NUMERIC NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_payments_provider_reference" UNIQUE ("provider_reference"),
    CONSTRAINT "ck_payments_method" CHECK ("method" IN ('card', 'paypal')),
    CONSTRAINT "ck_payments_status" CHECK ("status" IN ('pending', 'authorised', 'captured', 'failed', 'refunded')),
    CONSTRAINT "fk_payments_order_id" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_payments_order_id" ON "payments" ("order_id");
-- ix_payments_order_id: foreign key: joins and ON DELETE checks

-- shipments: Rows of the entity Shipment.
-- The design partitions this table (range by created_at, monthly); SQLite has no partitioning, so it is one table here.
CREATE TABLE "shipments" (
    "id" TEXT NOT NULL,
    "order_id" TEXT NOT NULL,
    "carrier" TEXT NOT NULL,
    "tracking_number" TEXT,
    "status" TEXT NOT NULL,
    "shipped_at" TEXT,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_shipments_tracking_number" UNIQUE ("tracking_number"),
    CONSTRAINT "ck_shipments_carrier" CHECK ("carrier" IN ('dhl', 'ups')),
    CONSTRAINT "ck_shipments_status" CHECK ("status" IN ('label_created', 'in_transit', 'delivered', 'returned')),
    CONSTRAINT "fk_shipments_order_id" FOREIGN KEY ("order_id") REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX "ix_shipments_order_id" ON "shipments" ("order_id");
-- ix_shipments_order_id: foreign key: joins and ON DELETE checks

-- reviews: Rows of the entity Review.
-- The design partitions this table (range by created_at, monthly); SQLite has no partitioning, so it is one table here.
CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "customer_id" TEXT,
    "rating" INTEGER NOT NULL,
    "title" TEXT,
    "body" TEXT,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_reviews_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_reviews_customer_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE SET NULL
);
CREATE INDEX "ix_reviews_product_id" ON "reviews" ("product_id");
CREATE INDEX "ix_reviews_customer_id" ON "reviews" ("customer_id");
-- ix_reviews_product_id: foreign key: joins and ON DELETE checks
-- ix_reviews_customer_id: foreign key: joins and ON DELETE checks

-- carts: Rows of the entity Cart.
CREATE TABLE "carts" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT,
    "items" TEXT NOT NULL,
    "lock_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_carts_customer_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_carts_customer_id" ON "carts" ("customer_id");
-- ix_carts_customer_id: foreign key: joins and ON DELETE checks

-- inventory: Read model of the entity Inventory: copied from SAP ERP, its system of record (source_id, synced_at); never written by clients.
CREATE TABLE "inventory" (
    "id" TEXT NOT NULL,
    "product_id" TEXT NOT NULL,
    "warehouse" TEXT NOT NULL,
    "on_hand" INTEGER NOT NULL,
    "reserved" INTEGER NOT NULL,
    "source_id" TEXT NOT NULL,
    "synced_at" TEXT NOT NULL,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "updated_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_inventory_source_id" UNIQUE ("source_id"),
    CONSTRAINT "ck_inventory_source_id" CHECK (length("source_id") <= 128),
    CONSTRAINT "fk_inventory_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_inventory_product_id" ON "inventory" ("product_id");
CREATE INDEX "ix_inventory_synced_at" ON "inventory" ("synced_at");
-- ix_inventory_product_id: foreign key: joins and ON DELETE checks
-- ix_inventory_synced_at: the sync finds what it copied longest ago

-- product_categories: Join table of the many-to-many relation between products and categories.
CREATE TABLE "product_categories" (
    "product_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY ("product_id", "category_id"),
    CONSTRAINT "fk_product_categories_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_product_categories_category_id" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_product_categories_category_id" ON "product_categories" ("category_id");
-- ix_product_categories_category_id: foreign key: joins and ON DELETE checks (the primary key covers product_id)

-- outbox: Transactional outbox of Northwind Shop application: events written with the change that causes them, published by a relay, then marked published_at.
CREATE TABLE "outbox" (
    "id" TEXT NOT NULL,
    "aggregate_type" TEXT NOT NULL,
    "aggregate_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "created_at" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    "published_at" TEXT,
    PRIMARY KEY ("id"),
    CONSTRAINT "ck_outbox_aggregate_type" CHECK (length("aggregate_type") <= 64),
    CONSTRAINT "ck_outbox_event_type" CHECK (length("event_type") <= 128)
);
CREATE INDEX "ix_outbox_published_at" ON "outbox" ("published_at", "created_at");
-- ix_outbox_published_at: the relay reads unpublished rows (published_at IS NULL) in the order they were written
