workspace "Northwind Shop" "Exported by archtui" {
    model {
        user = person "User"
        system = softwareSystem "Northwind Shop" {
            c0 = container "Northwind Shop application" "Catalogue module: Product, Category" "service"
            c1 = container "background worker" "The image of Northwind Shop application, started as a worker process" "worker"
            c2 = container "api-gateway" "TLS termination" "gateway"
            c3 = container "identity-provider" "login" "identity-provider"
            c4 = container "payment-provider" "card capture in hosted fields or redirect" "external"
            c5 = container "cache" "hot read models and lookups" "cache"
            c6 = container "cdn" "static assets and images near users" "cdn"
            c7 = container "load-balancer" "spread traffic across zones" "load-balancer"
            c8 = container "observability" "metrics" "observability"
            c9 = container "Kafka" "Carries events between services" "broker"
            c10 = container "PostgreSQL" "PostgreSQL (customers, products, categories, orders, order_items, payments, shipments, reviews, carts, inventory), shared by Catalogue, Cart, Ordering, Payments, Shipping, Reviews, Inventory, Customers" "database"
            c11 = container "Stripe" "Payment provider: card payments and their webhooks" "external"
            c12 = container "DHL and UPS" "SaaS API: shipping labels and tracking" "external"
            c13 = container "SAP ERP" "System of record: invoices and stock levels" "external"
            c14 = container "SendGrid" "SaaS API: order e-mails" "external"
        }
        user -> c2 "Uses"
        c0 -> c10 "reads and writes its data" "sync"
        c0 -> c5 "caches hot reads" "sync"
        c0 -> c9 "sends background work and events (via the outbox); sends requests for DHL and UPS to dhl_and_ups.requests; sends requests for SAP ERP to sap_erp.requests; sends requests for SendGrid to send_grid.requests" "async"
        c0 -> c11 "card payments and their webhooks" "sync"
        c1 -> c9 "consumes background work; consumes dhl_and_ups.requests; consumes sap_erp.requests; consumes send_grid.requests" "async"
        c1 -> c10 "reads and writes the data a job needs; upserts read models" "sync"
        c1 -> c12 "calls DHL and UPS at most 10 req/s" "sync"
        c1 -> c13 "calls SAP ERP at most 20 req/s; reads changes of Inventory" "sync"
        c1 -> c14 "calls SendGrid at most 100 req/s" "sync"
        c11 -> c2 "sends signed webhooks" "sync"
        production = deploymentEnvironment "Production" {
            g0 = deploymentNode "global edge" {
                d0 = deploymentNode "cdn" "Managed edge network; caches static assets and cacheable GETs" "cdn" 1 {
                    containerInstance c6
                }
            }
            g1 = deploymentNode "3 AZs" {
                d1 = deploymentNode "load-balancer" "Managed layer-7 load balancer across the zones; TLS terminates here" "load-balancer" 2 {
                    containerInstance c7
                }
                d2 = deploymentNode "api-gateway" "Stateless proxy; scale with CPU, like the services behind it" "gateway" 2 {
                    containerInstance c2
                }
                d3 = deploymentNode "Northwind Shop application" "1200 req/s × 1.3 headroom ÷ 400 req/s per instance = 3.9 → 4" "service" 4 {
                    containerInstance c0
                }
                d4 = deploymentNode "background worker" "Stateless workers: 2 instances, scaled on the backlog (due jobs or consumer lag), not on request rate" "worker" 2 {
                    containerInstance c1
                }
                d5 = deploymentNode "identity-provider" "As provided by the rules: login; MFA; password reset; token issuance; social and enterprise federation" "identity-provider" 1 {
                    containerInstance c3
                }
                d6 = deploymentNode "cache" "Primary + replica with automatic failover; data is rebuildable, so no backups" "cache" 2 {
                    containerInstance c5
                }
                d7 = deploymentNode "observability" "As provided by the rules: metrics; centralised structured logs; distributed traces; SLO dashboards and burn-rate alerts" "observability" 1 {
                    containerInstance c8
                }
                d8 = deploymentNode "Kafka" "3 brokers: replication factor 3, min.insync.replicas 2, one per zone" "broker" 3 {
                    containerInstance c9
                }
                d9 = deploymentNode "PostgreSQL" "Primary: all writes (customers, products, categories, orders, order_items, payments, shipments, reviews, carts, inventory, outbox)" "database" 1 {
                    containerInstance c10
                }
                d10 = deploymentNode "PostgreSQL standby" "Synchronous standby in another zone; automatic failover for 99.95%" "replica" 1 {
                }
                d11 = deploymentNode "PostgreSQL read replicas" "1080 req/s reads (1200 req/s × 90% reads) ÷ 5000 req/s per replica (assumed) → 1; reads that tolerate lag only" "replica" 1 {
                }
            }
            d0 -> d1 "Connects to"
            d1 -> d2 "Connects to"
            d2 -> d3 "Connects to"
            d3 -> d9 "Connects to"
            d3 -> d6 "Connects to"
            d3 -> d8 "Connects to"
            d4 -> d8 "Connects to"
            d4 -> d9 "Connects to"
            d9 -> d10 "Connects to"
            d9 -> d11 "Connects to"
        }
    }
    views {
        systemContext system "context" {
            include *
            autolayout lr
        }
        container system "containers" {
            include *
            autolayout lr
        }
        deployment system "Production" "deployment" {
            include *
            autolayout lr
        }
        theme default
    }
}
