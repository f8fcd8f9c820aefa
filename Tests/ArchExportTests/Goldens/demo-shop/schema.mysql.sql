-- Schema of Northwind Shop for MySQL 8.0.16+ / MariaDB 10.5+ (InnoDB, utf8mb4), written by archtui export.
-- Runs on an empty database. Every identifier is quoted, so reserved words and any characters stay names.

SET NAMES utf8mb4;

-- customers: Rows of the entity Customer.
CREATE TABLE `customers` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `email` VARCHAR(320) NOT NULL COMMENT 'Personal data (PII): encrypt at rest, mask in logs, erase on request.',
    `name` VARCHAR(255) NOT NULL COMMENT 'Personal data (PII): encrypt at rest, mask in logs, erase on request.',
    `phone` VARCHAR(255) COMMENT 'Personal data (PII): encrypt at rest, mask in logs, erase on request.',
    `shipping_address` TEXT COMMENT 'Personal data (PII): encrypt at rest, mask in logs, erase on request.',
    `marketing_opt_in` BOOLEAN NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_customers_email` UNIQUE (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Customer.';

-- products: Rows of the entity Product.
CREATE TABLE `products` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `sku` VARCHAR(255) NOT NULL,
    `name` VARCHAR(255) NOT NULL,
    `description` TEXT,
    `price` DECIMAL(19,4) NOT NULL,
    `active` BOOLEAN NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_products_sku` UNIQUE (`sku`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Product.';

-- categories: Rows of the entity Category.
CREATE TABLE `categories` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `slug` VARCHAR(255) NOT NULL,
    `name` VARCHAR(255) NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_categories_slug` UNIQUE (`slug`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Category.';

-- orders: Rows of the entity Order.
-- The design partitions this table (range by created_at, monthly). Left out here: InnoDB allows no foreign keys on or to a
-- partitioned table, and the partition key would have to join every unique key. The keys are kept; archive old rows instead.
CREATE TABLE `orders` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `customer_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `number` VARCHAR(255) NOT NULL,
    `status` VARCHAR(32) NOT NULL,
    `total` DECIMAL(19,4) NOT NULL,
    `currency` VARCHAR(255) NOT NULL,
    `shipping_address` TEXT NOT NULL COMMENT 'Personal data (PII): encrypt at rest, mask in logs, erase on request.',
    `placed_at` DATETIME(6) NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_orders_number` UNIQUE (`number`),
    CONSTRAINT `ck_orders_status` CHECK (`status` IN ('placed', 'paid', 'shipped', 'delivered', 'cancelled', 'refunded')),
    CONSTRAINT `fk_orders_customer_id` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Order.';
CREATE INDEX `ix_orders_customer_id` ON `orders` (`customer_id`) COMMENT 'foreign key: joins and ON DELETE checks';
CREATE INDEX `ix_orders_status` ON `orders` (`status`) COMMENT 'indexed field status: frequent lookups';
CREATE INDEX `ix_orders_placed_at` ON `orders` (`placed_at`) COMMENT 'indexed field placedAt: frequent lookups';

-- order_items: Rows of the entity OrderItem.
-- The design partitions this table (range by created_at, monthly). Left out here: InnoDB allows no foreign keys on or to a
-- partitioned table, and the partition key would have to join every unique key. The keys are kept; archive old rows instead.
CREATE TABLE `order_items` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `order_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `product_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `quantity` INT NOT NULL,
    `unit_price` DECIMAL(19,4) NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_order_items_order_id` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_order_items_product_id` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity OrderItem.';
CREATE INDEX `ix_order_items_order_id` ON `order_items` (`order_id`) COMMENT 'foreign key: joins and ON DELETE checks';
CREATE INDEX `ix_order_items_product_id` ON `order_items` (`product_id`) COMMENT 'foreign key: joins and ON DELETE checks';

-- payments: Rows of the entity Payment.
-- The design partitions this table (range by created_at, monthly). Left out here: InnoDB allows no foreign keys on or to a
-- partitioned table, and the partition key would have to join every unique key. The keys are kept; archive old rows instead.
CREATE TABLE `payments` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `order_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `provider_reference` VARCHAR(255) NOT NULL,
    `method` VARCHAR(32) NOT NULL,
    `status` VARCHAR(32) NOT NULL,
    `amount` DECIMAL(19,4) NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_payments_provider_reference` UNIQUE (`provider_reference`),
    CONSTRAINT `ck_payments_method` CHECK (`method` IN ('card', 'paypal')),
    CONSTRAINT `ck_payments_status` CHECK (`status` IN ('pending', 'authorised', 'captured', 'failed', 'refunded')),
    CONSTRAINT `fk_payments_order_id` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Payment.';
CREATE INDEX `ix_payments_order_id` ON `payments` (`order_id`) COMMENT 'foreign key: joins and ON DELETE checks';

-- shipments: Rows of the entity Shipment.
-- The design partitions this table (range by created_at, monthly). Left out here: InnoDB allows no foreign keys on or to a
-- partitioned table, and the partition key would have to join every unique key. The keys are kept; archive old rows instead.
CREATE TABLE `shipments` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `order_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `carrier` VARCHAR(32) NOT NULL,
    `tracking_number` VARCHAR(255),
    `status` VARCHAR(32) NOT NULL,
    `shipped_at` DATETIME(6),
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_shipments_tracking_number` UNIQUE (`tracking_number`),
    CONSTRAINT `ck_shipments_carrier` CHECK (`carrier` IN ('dhl', 'ups')),
    CONSTRAINT `ck_shipments_status` CHECK (`status` IN ('label_created', 'in_transit', 'delivered', 'returned')),
    CONSTRAINT `fk_shipments_order_id` FOREIGN KEY (`order_id`) REFERENCES `orders` (`id`) ON DELETE RESTRICT
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Shipment.';
CREATE INDEX `ix_shipments_order_id` ON `shipments` (`order_id`) COMMENT 'foreign key: joins and ON DELETE checks';

-- reviews: Rows of the entity Review.
-- The design partitions this table (range by created_at, monthly). Left out here: InnoDB allows no foreign keys on or to a
-- partitioned table, and the partition key would have to join every unique key. The keys are kept; archive old rows instead.
CREATE TABLE `reviews` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `product_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `customer_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    `rating` INT NOT NULL,
    `title` VARCHAR(255),
    `body` TEXT,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_reviews_product_id` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_reviews_customer_id` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Review.';
CREATE INDEX `ix_reviews_product_id` ON `reviews` (`product_id`) COMMENT 'foreign key: joins and ON DELETE checks';
CREATE INDEX `ix_reviews_customer_id` ON `reviews` (`customer_id`) COMMENT 'foreign key: joins and ON DELETE checks';

-- carts: Rows of the entity Cart.
CREATE TABLE `carts` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `customer_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin,
    `items` JSON NOT NULL,
    `lock_version` INT NOT NULL DEFAULT 0,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `fk_carts_customer_id` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Rows of the entity Cart.';
CREATE INDEX `ix_carts_customer_id` ON `carts` (`customer_id`) COMMENT 'foreign key: joins and ON DELETE checks';

-- inventory: Read model of the entity Inventory: copied from SAP ERP, its system of record (source_id, synced_at); never written by clients.
CREATE TABLE `inventory` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `product_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `warehouse` VARCHAR(255) NOT NULL,
    `on_hand` INT NOT NULL,
    `reserved` INT NOT NULL,
    `source_id` VARCHAR(128) NOT NULL,
    `synced_at` DATETIME(6) NOT NULL,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `updated_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_inventory_source_id` UNIQUE (`source_id`),
    CONSTRAINT `fk_inventory_product_id` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Read model of the entity Inventory: copied from SAP ERP, its system of record (source_id, synced_at); never written by clients.';
CREATE INDEX `ix_inventory_product_id` ON `inventory` (`product_id`) COMMENT 'foreign key: joins and ON DELETE checks';
CREATE INDEX `ix_inventory_synced_at` ON `inventory` (`synced_at`) COMMENT 'the sync finds what it copied longest ago';

-- product_categories: Join table of the many-to-many relation between products and categories.
CREATE TABLE `product_categories` (
    `product_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `category_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`product_id`, `category_id`),
    CONSTRAINT `fk_product_categories_product_id` FOREIGN KEY (`product_id`) REFERENCES `products` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_product_categories_category_id` FOREIGN KEY (`category_id`) REFERENCES `categories` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Join table of the many-to-many relation between products and categories.';
CREATE INDEX `ix_product_categories_category_id` ON `product_categories` (`category_id`) COMMENT 'foreign key: joins and ON DELETE checks (the primary key covers product_id)';

-- outbox: Transactional outbox of Northwind Shop application: events written with the change that causes them, published by a relay, then marked published_at.
CREATE TABLE `outbox` (
    `id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `aggregate_type` VARCHAR(64) NOT NULL,
    `aggregate_id` CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    `event_type` VARCHAR(128) NOT NULL,
    `payload` JSON NOT NULL,
    `created_at` DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `published_at` DATETIME(6),
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Transactional outbox of Northwind Shop application: events written with the change that causes them, published by a relay, then marked published_at.';
CREATE INDEX `ix_outbox_published_at` ON `outbox` (`published_at`, `created_at`) COMMENT 'the relay reads unpublished rows (published_at IS NULL) in the order they were written';
