// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gofast",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gofast", targets: ["gofast"]),
        .executable(name: "gofast-http", targets: ["gofast-http"]),
        .executable(name: "gofast-bench", targets: ["GoFastBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // wire: JSON-RPC 2.0 over stdio; knows nothing of running.
        .target(name: "JSONRPC", dependencies: [.product(name: "Logging", package: "swift-log")]),
        // domain: value types and pure logic; no I/O.
        .target(name: "TrainingDomain"),
        // store: SQLite through GRDB.
        .target(
            name: "TrainingStore",
            dependencies: ["TrainingDomain", "CSQLiteConfig", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        // store: the one process-wide SQLite setting Swift cannot make itself (`sqlite3_config` is variadic).
        // Its debug information in DWARF 4, which valgrind 3.19 (callgrind: how this repository measures) can read.
        .target(name: "CSQLiteConfig", cSettings: [.unsafeFlags(["-gdwarf-4"])], linkerSettings: [.linkedLibrary("sqlite3")]),
        // formats: activity file decoders; bytes in, values out.
        .target(name: "ActivityFormats"),
        // formats: plan exports (FIT workout, ICS calendar, HTML report); domain values in, bytes out.
        .target(name: "ExportFormats", dependencies: ["TrainingDomain"]),
        // server: one handler per method.
        .target(
            name: "GoFastServer",
            dependencies: [
                "JSONRPC", "TrainingDomain", "TrainingStore", "ActivityFormats", "ExportFormats",
                .product(name: "Logging", package: "swift-log"),
            ],
            // protocol/openrpc.json (a symlink here), compiled into the binary: rpc.discover returns it, MCP derives tool schemas from it.
            resources: [.embedInCode("Resources/openrpc.json")]
        ),
        // the executable: a thin command line.
        .executableTarget(
            name: "gofast",
            dependencies: [
                "GoFastServer", "JSONRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // A Linux release binary is linked at a fixed address (not position-independent): the loader then has no
            // 90,000 pointers to relocate and no pages to copy for them, which was a fifth of a cold start. The main
            // image loses ASLR (libraries, heap and stack keep it): a trade made for a process spawned per session.
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
        ),
        // The provider transport of the OpenAI-compatible generator, a process of its own (see HTTPExchange).
        .executableTarget(name: "gofast-http"),
        .executableTarget(
            name: "GoFastBenchmarks",
            dependencies: ["GoFastServer", "TrainingDomain", "TrainingStore", "ActivityFormats", "ExportFormats", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Benchmarks/GoFastBenchmarks",
            // Linked like `gofast`, since its floors run as child processes beside it.
            linkerSettings: [.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]
        ),
        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "TrainingDomainTests", dependencies: ["TrainingDomain"]),
        .testTarget(name: "ActivityFormatsTests", dependencies: ["ActivityFormats"]),
        .testTarget(name: "ExportFormatsTests", dependencies: ["ExportFormats", "ActivityFormats", "TrainingDomain"], exclude: ["Scripts"]),
        .testTarget(name: "TrainingStoreTests", dependencies: ["TrainingStore", "TrainingDomain", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "GoFastServerTests", dependencies: ["GoFastServer", "JSONRPC", "TrainingDomain"]),
        .testTarget(name: "GoFastEndToEndTests", dependencies: ["gofast", "gofast-http", "JSONRPC"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
