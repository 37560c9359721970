import Foundation
import XCTest

/// Locates and loads the shared test corpus (`../shared/testdata` beside the repo, or `$GOFAST_TESTDATA`).
enum TestData {
    /// The test-data folder.
    static var root: URL {
        if let env = ProcessInfo.processInfo.environment["GOFAST_TESTDATA"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        // Tests/ActivityFormatsTests/TestData.swift → repo root → ../shared/testdata
        let repoRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
        let beside = repoRoot.deletingLastPathComponent().appendingPathComponent("shared/testdata", isDirectory: true)
        if FileManager.default.fileExists(atPath: beside.path) { return beside }
        // A clone elsewhere on this machine: the workplace's shared folder.
        return URL(fileURLWithPath: "/work/shared/testdata", isDirectory: true)
    }

    /// Bytes of `folder/name`, failing the test when missing.
    static func bytes(_ folder: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [UInt8]
    {
        let url = root.appendingPathComponent(folder).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("test data not found: \(url.path) (set GOFAST_TESTDATA)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return [UInt8](data)
    }

    /// Decodes `folder/reference.json` into `T`.
    static func reference<T: Decodable>(_ folder: String, as: T.Type) throws -> T {
        let data = Data(try bytes(folder, "reference.json"))
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// File names in `folder` with one of the given extensions (case-insensitive), sorted.
    static func files(_ folder: String, extensions: Set<String>) -> [String] {
        let dir = root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }

    /// Parses the references' ISO 8601 instants ("2015-10-13T15:43:15Z", "2022-07-16T16:08:25.000Z").
    static func instant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = formatter.date(from: text) { return d }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }

    /// Whole seconds since 1970 (floor), the resolution the references print.
    static func second(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// `fitness_equipment` → `fitnessEquipment`.
    static func camel(_ snake: String) -> String {
        let parts = snake.split(separator: "_")
        guard let first = parts.first else { return snake }
        return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

/// Deterministic pseudo-random numbers (SplitMix64) so hostile-input tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
