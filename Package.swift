// swift-tools-version: 6.0
import PackageDescription

// Targets have one job each; see DECISIONS.md and README.md.
// Nothing above LedgerStore imports GRDB: a PostgreSQL store can implement LedgerCore's protocols later.
let package = Package(
    name: "SalesLedger",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "salesledger", targets: ["salesledger"]),
        .executable(name: "salesledger-ui-demo", targets: ["salesledger-ui-demo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // ncursesw as a system library: module map + shim header, no pkg-config.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // zlib (deflate) as a system library, for the bulk audit entries' payloads (issue 10).
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        // glibc's mallopt, for the imports' helper threads (one allocator arena; s33-import). Linux only.
        .systemLibrary(name: "CMalloc", path: "Sources/CMalloc"),
        // Pure Swift terminal UI toolkit: cells, buffer + diff, width, events, backends, widgets.
        // Links libm on Linux: `Double.rounded()` lowers to libm's round/ceil.
        .target(name: "TerminalUI", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // The real ncurses backend; the only importer of CNcursesw.
        .target(name: "TerminalUINcurses", dependencies: ["TerminalUI", "CNcursesw"]),
        // Domain core: money, dates, terms, entities, commands, rules, store protocols. No I/O, no GRDB.
        .target(name: "LedgerCore"),
        // SQLite store (GRDB): schema, migrations, queries; implements LedgerCore's store protocols.
        .target(name: "LedgerStore", dependencies: [
            "LedgerCore", "CZlib",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        // CSV/JSON/journal interop and sample-data loaders (through the command layer).
        .target(name: "LedgerInterop", dependencies: [
            "LedgerCore",
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("SampleData")]),
        // The report layer: named report queries over the store protocols, each read in one snapshot, returning
        // typed tables (`ReportTable`) that the CLI prints and the TUI draws. No GRDB.
        .target(name: "LedgerReports", dependencies: ["LedgerCore", "TerminalUI", "LedgerInterop", "Classification"]),
        // Dimensions, hierarchies and classification rules.
        .target(name: "Classification", dependencies: ["LedgerCore"]),
        // Periodic audit (定期审计): checks, report, confirmations, process metrics, over the store protocols.
        .target(name: "LedgerAudit", dependencies: [
            "LedgerCore", "LedgerInterop", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // Screens, app state, themes.
        .target(name: "SalesLedgerApp", dependencies: [
            "TerminalUI", "LedgerCore", "LedgerReports", "LedgerInterop", "Classification", "LedgerAudit",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        .executableTarget(name: "salesledger", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerReports", "LedgerInterop", "Classification",
            "SalesLedgerApp", "TerminalUI", "TerminalUINcurses", "LedgerAudit",
            .target(name: "CMalloc", condition: .when(platforms: [.linux])),
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "salesledger-ui-demo", dependencies: [
            "TerminalUI", "TerminalUINcurses", "SalesLedgerApp",
        ]),
        // Release-build benchmark of full-frame rendering (`make bench`).
        .executableTarget(name: "salesledger-bench", dependencies: [
            "TerminalUI", "LedgerCore", "LedgerStore", "LedgerReports", "SalesLedgerApp",
        ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "SalesLedgerApp"],
                    resources: [.copy("Snapshots")]),
        .testTarget(name: "LedgerCoreTests", dependencies: ["LedgerCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LedgerStoreTests", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerInterop", "Classification", "LedgerReports",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], resources: [.copy("Fixtures")]),
        .testTarget(name: "LedgerAuditTests", dependencies: [
            "LedgerCore", "LedgerStore", "LedgerInterop", "LedgerAudit", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SalesLedgerAppTests", dependencies: [
            "SalesLedgerApp", "TerminalUI", "LedgerCore", "LedgerStore", "LedgerReports", "LedgerInterop",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Snapshots"]),
    ]
)
