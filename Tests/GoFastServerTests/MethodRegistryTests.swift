import Foundation
@testable import GoFastServer
import JSONRPC
import XCTest

/// The registry is the one list of methods: `initialize` announces it, `rpc.discover` documents it, the README lists it.
final class MethodRegistryTests: XCTestCase {
    private static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private var registered: Set<String> { Set(MethodRegistry.all.map { $0.name }) }

    func testNamesAreUnique() {
        XCTAssertEqual(MethodRegistry.all.count, registered.count, "a method is registered twice")
        XCTAssertEqual(MethodRegistry.byName.count, MethodRegistry.all.count)
    }

    func testInitializeAnnouncesExactlyTheRegistry() throws {
        let service = GoFastService.make(try ServerContext(database: .open(path: ":memory:"), logger: .init(label: "test")))
        XCTAssertEqual(Set(service.allMethodNames), registered.union(["initialize", "shutdown"]))
    }

    func testTheOpenRPCDocumentDescribesExactlyTheRegistry() throws {
        guard case .array(let methods)? = OpenRPCDocument.value["methods"] else { return XCTFail("the document has no methods") }
        let documented = Set(methods.compactMap { entry -> String? in
            if case .string(let name)? = entry["name"] { return name }
            return nil
        })
        XCTAssertEqual(documented.subtracting(registered).subtracting(["initialize", "shutdown"]).sorted(), [], "documented but not registered")
        XCTAssertEqual(registered.subtracting(documented).sorted(), [], "registered but not documented in protocol/openrpc.json")
    }

    func testTheEmbeddedDocumentIsTheProtocolFile() throws {
        let file = try Data(contentsOf: Self.repositoryRoot.appendingPathComponent("protocol/openrpc.json"))
        XCTAssertTrue(OpenRPCDocument.bytes == [UInt8](file), "rebuild: the binary embeds protocol/openrpc.json")
        XCTAssertNotEqual(OpenRPCDocument.value, .null)
    }

    func testTheReadmeTableListsExactlyTheRegistry() throws {
        let readme = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        guard let start = readme.range(of: "## Methods"), let end = readme.range(of: "\n## ", range: start.upperBound..<readme.endIndex) else {
            return XCTFail("README.md has no ## Methods section")
        }
        let table = readme[start.upperBound..<end.lowerBound]
        // Rows are `| \`group.verb\` / \`verb\` … | what it does |`: a bare `verb` belongs to the row's first group.
        var listed: Set<String> = []
        for row in table.split(separator: "\n") where row.hasPrefix("| `") {
            let cell = row.split(separator: "|").first.map(String.init) ?? ""
            var group = ""
            for token in cell.split(separator: "`").enumerated().filter({ $0.offset % 2 == 1 }).map({ String($0.element) }) {
                if token.contains(".") {
                    listed.insert(token)
                    group = String(token[..<(token.lastIndex(of: ".") ?? token.endIndex)])
                } else if token.hasPrefix("$") || token == "initialize" || token == "shutdown" {
                    listed.insert(token)
                } else {
                    listed.insert(group + "." + token)
                }
            }
        }
        let expected = registered.union(["initialize", "shutdown"])
        XCTAssertEqual(listed.subtracting(expected).sorted(), [], "the README lists methods that do not exist")
        XCTAssertEqual(expected.subtracting(listed).sorted(), [], "the README's table misses these methods")
    }

    func testAccessAndHintsAreConsistent() {
        for method in MethodRegistry.all {
            if method.access == .read { XCTAssertFalse(method.isDestructive, "\(method.name) reads but is marked destructive") }
            if method.name.hasSuffix(".get") || method.name.hasSuffix(".list") {
                XCTAssertEqual(method.access, .read, "\(method.name) should be a read")
            }
        }
    }
}
