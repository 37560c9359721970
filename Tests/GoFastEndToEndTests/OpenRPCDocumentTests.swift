import Foundation
import JSONRPC
import XCTest

/// `protocol/openrpc.json` is a valid OpenRPC 1.4 document, judged by the meta-schema with Python's `jsonschema`.
final class OpenRPCDocumentTests: XCTestCase {
    func testTheDocumentIsValidAgainstTheOpenRPCMetaSchema() throws {
        let outcome = try PythonJudge.run("Tests/Fixtures/reference/openrpc/validate.py", ["protocol/openrpc.json"])
        XCTAssertEqual(outcome.status, 0, "validate.py: \(outcome.stdout) \(outcome.stderr)")
        XCTAssertEqual(outcome.stdout.split(separator: "\n").last, "valid")
    }

    func testTheValidatorRefusesABrokenDocument() throws {
        // The judge can fail: a document whose method lacks its params is refused.
        var document = try JSONParser.parse([UInt8](Data(contentsOf: ProtocolDocument.url)))
        guard case .object(var members) = document, case .array(var methods)? = members["methods"], case .object(var first) = methods[0] else {
            return XCTFail("the document has no methods")
        }
        first["params"] = nil
        methods[0] = .object(first)
        members["methods"] = .array(methods)
        document = .object(members)
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-openrpc-\(UUID().uuidString).json")
        try Data(JSONWriter.bytes(document)).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let outcome = try PythonJudge.run("Tests/Fixtures/reference/openrpc/validate.py", [broken.path])
        XCTAssertEqual(outcome.status, 1, outcome.stdout)
    }
}
