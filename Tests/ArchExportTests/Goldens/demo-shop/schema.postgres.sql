-- Schema of Northwind Shop for PostgreSQL 12+, written by archtui export.
-- Runs on an empty database. Every identifier is quoted, so reserved words and any characters stay names.

-- customers: Rows of the entity Customer.
CREATE TABLE "customers" (
    "id" uuid NOT NULL,
    "email" text NOT NULL,
    "name" text NOT NULL,
    "phone" text,
    "shipping_address" text,
    "marketing_opt_in" boolean NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_customers_email" UNIQUE ("email")
);
COMMENT ON TABLE "customers" IS 'Rows of the entity Customer.';
COMMENT ON COLUMN "customers"."email" IS 'Personal data (PII): encrypt at rest, mask in logs, erase on request.';
COMMENT ON COLUMN "customers"."name" IS 'Personal data (PII): encrypt at rest, mask in logs, erase on request.';
COMMENT ON COLUMN "customers"."phone" IS 'Personal data (PII): encrypt at rest, mask in logs, erase on request.';
COMMENT ON COLUMN "customers"."shipping_address" IS 'Personal data (PII): encrypt at rest, mask in logs, erase on request.';

-- products: Rows of the entity Product.
CREATE TABLE "products" (
    "id" uuid NOT NULL,
    "sku" text NOT NULL,
    "name" text NOT NULL,
    "description" text,
    "price" numeric(19,4) NOT NULL,
    "active" boolean NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_products_sku" UNIQUE ("sku")
);
COMMENT ON TABLE "products" IS 'Rows of the entity Product.';

-- categories: Rows of the entity Category.
CREATE TABLE "categories" (
    "id" uuid NOT NULL,
    "slug" text NOT NULL,
    "name" text NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_categories_slug" UNIQUE ("slug")
);
COMMENT ON TABLE "categories" IS 'Rows of the entity Category.';

-- orders: Rows of the entity Order.
-- Partitioned range by created_at, monthly: the primary key and unique constraints include created_at.
-- Create the monthly partitions ahead of time (pg_partman or a scheduled job); rows outside them land in the DEFAULT partition.
CREATE TABLE "orders" (
    "id" uuid NOT NULL,
    "customer_id" uuid NOT NULL,
    "number" text NOT NULL,
    "status" text NOT NULL,
    "total" numeric(19,4) NOT NULL,
    "currency" text NOT NULL,
    "shipping_address" text NOT NULL,
    "placed_at" timestamptz NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id", "created_at"),
    CONSTRAINT "uq_orders_number" UNIQUE ("number", "created_at"),
    CONSTRAINT "ck_orders_status" CHECK ("status" IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
    CONSTRAINT "fk_orders_customer_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE RESTRICT
) PARTITION BY RANGE ("created_at");
CREATE INDEX "ix_orders_customer_id" ON "orders" ("customer_id");
CREATE INDEX "ix_orders_status" ON "orders" ("status");
CREATE INDEX "ix_orders_placed_at" ON "orders" ("placed_at");
CREATE TABLE "orders_default" PARTITION OF "orders" DEFAULT;
COMMENT ON TABLE "orders" IS 'Rows of the entity Order.';
COMMENT ON COLUMN "orders"."shipping_address" IS 'Personal data (PII): encrypt at rest, mask in logs, erase on request.';
COMMENT ON INDEX "ix_orders_customer_id" IS 'foreign key: joins and ON DELETE checks';
COMMENT ON INDEX "ix_orders_status" IS 'indexed field status: frequent lookups';
COMMENT ON INDEX "ix_orders_placed_at" IS 'indexed field placedAt: frequent lookups';

-- order_items: Rows of the entity OrderItem.
-- Partitioned range by created_at, monthly: the primary key and unique constraints include created_at.
-- Create the monthly partitions ahead of time (pg_partman or a scheduled job); rows outside them land in the DEFAULT partition.
-- No foreign key fk_order_items_order_id (order_id → orders): orders is partitioned, so a foreign key would have to reference (id, created_at); the application keeps the reference valid and the column stays indexed.
CREATE TABLE "order_items" (
    "id" uuid NOT NULL,
    "order_id" uuid NOT NULL,
    "product_id" uuid NOT NULL,
    "quantity" integer NOT NULL,
    "unit_price" numeric(19,4) NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id", "created_at"),
    CONSTRAINT "fk_order_items_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE RESTRICT
) PARTITION BY RANGE ("created_at");
CREATE INDEX "ix_order_items_order_id" ON "order_items" ("order_id");
CREATE INDEX "ix_order_items_product_id" ON "order_items" ("product_id");
CREATE TABLE "order_items_default" PARTITION OF "order_items" DEFAULT;
COMMENT ON TABLE "order_items" IS 'Rows of the entity OrderItem.';
COMMENT ON INDEX "ix_order_items_order_id" IS 'foreign key: joins and ON DELETE checks';
COMMENT ON INDEX "ix_order_items_product_id" IS 'foreign key: joins and ON DELETE checks';

-- payments: Rows of the entity Payment.
-- Partitioned range by created_at, monthly: the primary key and unique constraints include created_at.
-- Create the monthly partitions ahead of time (pg_partman or a scheduled job); rows outside them land in the DEFAULT partition.
-- No foreign key fk_payments_order_id (order_id → orders): orders is partitioned, so a foreign key would have to reference (id, created_at); the application keeps the reference valid and the column stays indexed.
CREATE TABLE "payments" (
    "id" uuid NOT NULL,
    "order_id" uuid NOT NULL,
    "provider_reference" text NOT NULL,
    "method" text NOT NULL,
    "status" text NOT NULL,
    "amount" numeric(19,4) NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id", "created_at"),
    CONSTRAINT "uq_payments_provider_reference" UNIQUE ("provider_reference", "created_at"),
    CONSTRAINT "ck_payments_method" CHECK ("method" IN ('card', 'paypal')),
    CONSTRAINT "ck_payments_status" CHECK ("status" IN ('pending', 'authorised', 'captured', 'failed', 'refunded'))
) PARTITION BY RANGE ("created_at");
CREATE INDEX "ix_payments_order_id" ON "payments" ("order_id");
CREATE TABLE "payments_default" PARTITION OF "payments" DEFAULT;
COMMENT ON TABLE "payments" IS 'Rows of the entity Payment.';
COMMENT ON INDEX "ix_payments_order_id" IS 'foreign key: joins and ON DELETE checks';

-- shipments: Rows of the entity Shipment.
-- Partitioned range by created_at, monthly: the primary key and unique constraints include created_at.
-- Create the monthly partitions ahead of time (pg_partman or a scheduled job); rows outside them land in the DEFAULT partition.
-- No foreign key fk_shipments_order_id (order_id → orders): orders is partitioned, so a foreign key would have to reference (id, created_at); the application keeps the reference valid and the column stays indexed.
CREATE TABLE "shipments" (
    "id" uuid NOT NULL,
    "order_id" uuid NOT NULL,
    "carrier" text NOT NULL,
    "tracking_number" text,
    "status" text NOT NULL,
    "shipped_at" timestamptz,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id", "created_at"),
    CONSTRAINT "uq_shipments_tracking_number" UNIQUE ("tracking_number", "created_at"),
    CONSTRAINT "ck_shipments_carrier" CHECK ("carrier" IN ('dhl', 'ups')),
    CONSTRAINT "ck_shipments_status" CHECK ("status" IN ('label_created', 'in_transit', 'delivered', 'returned'))
) PARTITION BY RANGE ("created_at");
CREATE INDEX "ix_shipments_order_id" ON "shipments" ("order_id");
CREATE TABLE "shipments_default" PARTITION OF "shipments" DEFAULT;
COMMENT ON TABLE "shipments" IS 'Rows of the entity Shipment.';
COMMENT ON INDEX "ix_shipments_order_id" IS 'foreign key: joins and ON DELETE checks';

-- reviews: Rows of the entity Review.
-- Partitioned range by created_at, monthly: the primary key and unique constraints include created_at.
-- Create the monthly partitions ahead of time (pg_partman or a scheduled job); rows outside them land in the DEFAULT partition.
CREATE TABLE "reviews" (
    "id" uuid NOT NULL,
    "product_id" uuid NOT NULL,
    "customer_id" uuid,
    "rating" integer NOT NULL,
    "title" text,
    "body" text,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id", "created_at"),
    CONSTRAINT "fk_reviews_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_reviews_customer_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE SET NULL
) PARTITION BY RANGE ("created_at");
CREATE INDEX "ix_reviews_product_id" ON "reviews" ("product_id");
CREATE INDEX "ix_reviews_customer_id" ON "reviews" ("customer_id");
CREATE TABLE "reviews_default" PARTITION OF "reviews" DEFAULT;
COMMENT ON TABLE "reviews" IS 'Rows of the entity Review.';
COMMENT ON INDEX "ix_reviews_product_id" IS 'foreign key: joins and ON DELETE checks';
COMMENT ON INDEX "ix_reviews_customer_id" IS 'foreign key: joins and ON DELETE checks';

-- carts: Rows of the entity Cart.
CREATE TABLE "carts" (
    "id" uuid NOT NULL,
    "customer_id" uuid,
    "items" jsonb NOT NULL,
    "lock_version" integer NOT NULL DEFAULT 0,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id"),
    CONSTRAINT "fk_carts_customer_id" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_carts_customer_id" ON "carts" ("customer_id");
COMMENT ON TABLE "carts" IS 'Rows of the entity Cart.';
COMMENT ON INDEX "ix_carts_customer_id" IS 'foreign key: joins and ON DELETE checks';

-- inventory: Read model of the entity Inventory: copied from SAP ERP, its system of record (source_id, synced_at); never written by clients.
CREATE TABLE "inventory" (
    "id" uuid NOT NULL,
    "product_id" uuid NOT NULL,
    "warehouse" text NOT NULL,
    "on_hand" integer NOT NULL,
    "reserved" integer NOT NULL,
    "source_id" text NOT NULL,
    "synced_at" timestamptz NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("id"),
    CONSTRAINT "uq_inventory_source_id" UNIQUE ("source_id"),
    CONSTRAINT "ck_inventory_source_id" CHECK (char_length("source_id") <= 128),
    CONSTRAINT "fk_inventory_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_inventory_product_id" ON "inventory" ("product_id");
CREATE INDEX "ix_inventory_synced_at" ON "inventory" ("synced_at");
COMMENT ON TABLE "inventory" IS 'Read model of the entity Inventory: copied from SAP ERP, its system of record (source_id, synced_at); never written by clients.';
COMMENT ON INDEX "ix_inventory_product_id" IS 'foreign key: joins and ON DELETE checks';
COMMENT ON INDEX "ix_inventory_synced_at" IS 'the sync finds what it copied longest ago';

-- product_categories: Join table of the many-to-many relation between products and categories.
CREATE TABLE "product_categories" (
    "product_id" uuid NOT NULL,
    "category_id" uuid NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY ("product_id", "category_id"),
    CONSTRAINT "fk_product_categories_product_id" FOREIGN KEY ("product_id") REFERENCES "products" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_product_categories_category_id" FOREIGN KEY ("category_id") REFERENCES "categories" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_product_categories_category_id" ON "product_categories" ("category_id");
COMMENT ON TABLE "product_categories" IS 'Join table of the many-to-many relation between products and categories.';
COMMENT ON INDEX "ix_product_categories_category_id" IS 'foreign key: joins and ON DELETE checks (the primary key covers product_id)';

-- outbox: Transactional outbox of Northwind Shop application: events written with the change that causes them, published by a relay, then marked published_at.
CREATE TABLE "outbox" (
    "id" uuid NOT NULL,
    "aggregate_type" text NOT NULL,
    "aggregate_id" uuid NOT NULL,
    "event_type" text NOT NULL,
    "payload" jsonb NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    "published_at" timestamptz,
    PRIMARY KEY ("id"),
    CONSTRAINT "ck_outbox_aggregate_type" CHECK (char_length("aggregate_type") <= 64),
    CONSTRAINT "ck_outbox_event_type" CHECK (char_length("event_type") <= 128)
);
CREATE INDEX "ix_outbox_published_at" ON "outbox" ("published_at", "created_at");
COMMENT ON TABLE "outbox" IS 'Transactional outbox of Northwind Shop application: events written with the change that causes them, published by a relay, then marked published_at.';
COMMENT ON INDEX "ix_outbox_published_at" IS 'the relay reads unpublished rows (published_at IS NULL) in the order they were written';
