import Foundation
import XCTest

/// Locates and loads the activity-file corpus copied into the repository (`Tests/Fixtures/testdata`, see its NOTICE).
enum TestData {
    /// The test-data folder inside the repository.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/ActivityFormatsTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures/testdata", isDirectory: true)

    /// Bytes of `folder/name`, failing the test when missing.
    static func bytes(_ folder: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws
        -> [UInt8]
    {
        let url = root.appendingPathComponent(folder).appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("test data not found: \(url.path)", file: file, line: line)
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
