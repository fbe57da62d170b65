// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "member-portal",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "portal", targets: ["portal"]),
        // Benchmarks live in their own executable: the product binary ships none.
        .executable(name: "portal-bench", targets: ["PortalBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.30.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        // 1.13 bundles SQLite 3.5x: LatestBookings needs string_agg(… ORDER BY …) (SQLite 3.44+).
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.0" ..< "5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.1.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.34.0"),
    ],
    targets: [
        .target(
            name: "PortalDomain",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PortalJobs",
            dependencies: [
                "PortalDomain",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PortalJobsTestSupport",
            dependencies: [
                "PortalJobs",
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PortalJobsTestWorker",
            dependencies: ["PortalJobs", "PortalJobsTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortalJobsTests",
            dependencies: [
                "PortalJobs", "PortalJobsTestSupport", "PortalJobsTestWorker",
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PortalPDF",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortalPDFTests",
            dependencies: ["PortalPDF"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PortalMail",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortalMailTests",
            dependencies: [
                "PortalMail",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Models, migrations, typed audit, the services the member side, the
        // back office, commands and jobs share, the job registry.
        .target(
            name: "PortalCore",
            dependencies: [
                "PortalDomain",
                "PortalJobs",
                "PortalPDF",
                "PortalMail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTML and components, SitePath, sessions, CSRF, security headers,
        // language, error page: what both listeners are built from.
        .target(
            name: "PortalWeb",
            dependencies: [
                "PortalCore",
                "PortalDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The member listener: identity, registration, documents, inbox,
        // certificates, profile, help.
        .target(
            name: "PortalMember",
            dependencies: [
                "PortalCore",
                "PortalWeb",
                "PortalDomain",
                "PortalJobs",
                "PortalPDF",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // The staff listener: its own session scope, cookie, frame.
        .target(
            name: "PortalBackOffice",
            dependencies: [
                "PortalCore",
                "PortalWeb",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        // The composition root: makeApplication, both listeners, lifecycle, operator commands.
        .target(
            name: "PortalApp",
            dependencies: [
                "PortalCore",
                "PortalWeb",
                "PortalMember",
                "PortalBackOffice",
                "PortalDomain",
                "PortalJobs",
                "PortalPDF",
                "PortalMail",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "portal",
            dependencies: ["PortalApp"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PortalTestSupport",
            dependencies: [
                "PortalApp",
                "PortalCore",
                "PortalDomain",
                "PortalJobsTestSupport",
                .product(name: "Vapor", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PortalBench",
            dependencies: [
                "PortalApp",
                "PortalCore",
                "PortalWeb",
                "PortalDomain",
                "PortalJobs",
                "PortalJobsTestSupport",
                "PortalPDF",
                "PortalTestSupport",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortalDomainTests",
            dependencies: ["PortalDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PortalAppTests",
            dependencies: [
                "PortalApp",
                "PortalCore",
                "PortalWeb",
                "PortalMember",
                "PortalBackOffice",
                "PortalJobsTestSupport",
                "PortalTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
