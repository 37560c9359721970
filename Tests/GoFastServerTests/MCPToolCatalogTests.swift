import Foundation
@testable import GoFastServer
import JSONRPC
import XCTest

/// The MCP tools are the registry's methods, described by `protocol/openrpc.json` and nothing else.
final class MCPToolCatalogTests: XCTestCase {
    private var document: JSONValue { OpenRPCDocument.value }

    func testToolsCoverTheRegistryExceptDiscovery() {
        let expected = MethodRegistry.all.map { $0.name }.filter { $0 != "rpc.discover" }.map { $0.replacingOccurrences(of: ".", with: "_") }
        XCTAssertEqual(MCPToolCatalog.tools.map(\.name), expected)
        XCTAssertEqual(MCPToolCatalog.byName.count, expected.count)
        for name in ["plan_generate", "plan_active", "activity_ingest", "execution_analyze", "plan_progress"] {
            XCTAssertNotNil(MCPToolCatalog.byName[name], name)
        }
        XCTAssertNil(MCPToolCatalog.byName["rpc_discover"])
    }

    /// Each property, with its `#/$defs` references expanded, is the OpenRPC param's schema with its
    /// `#/components/schemas` references expanded (plus the param's description); `required` is the required params.
    func testEveryInputSchemaIsTheOpenRPCParamsSchema() throws {
        for tool in MCPToolCatalog.tools {
            let params = OpenRPCDocument.params(of: tool.method)
            XCTAssertFalse(params.isEmpty && tool.method != "athlete.list" && tool.method != "race.list", "\(tool.method) has no params in the document")
            let schema = tool.inputSchema
            XCTAssertEqual(schema["type"], "object", tool.name)
            let properties = try XCTUnwrap(schema["properties"]?.objectValue, tool.name)
            XCTAssertEqual(Set(properties.keys), Set(params.map(\.name)), tool.name)
            for param in params {
                let property = try XCTUnwrap(properties[param.name])
                let definitions = schema["$defs"]?.objectValue ?? [:]
                let expanded = expand(without(property, "description"), prefix: "#/$defs/", in: definitions)
                let documented = expand(without(param.schema, "description"), prefix: "#/components/schemas/", in: components)
                XCTAssertEqual(expanded, documented, "\(tool.name).\(param.name)")
                let described = documentedDescription(of: param.name, in: tool.method) ?? param.schema["description"]?.stringValue
                XCTAssertEqual(property["description"]?.stringValue, described, "\(tool.name).\(param.name) description")
            }
            let required = schema["required"].flatMap { value -> [String]? in
                guard case .array(let names) = value else { return nil }
                return names.compactMap(\.stringValue)
            } ?? []
            XCTAssertEqual(Set(required), Set(params.filter(\.required).map(\.name)), tool.name)
        }
    }

    func testSchemasAreSelfContained() {
        for tool in MCPToolCatalog.tools {
            for (label, schema) in [("input", tool.inputSchema), ("output", tool.outputSchema)] {
                let text = String(decoding: JSONWriter.bytes(schema), as: UTF8.self)
                XCTAssertFalse(text.contains("#/components/"), "\(tool.name) \(label) schema points into the OpenRPC document")
                let definitions = schema["$defs"]?.objectValue ?? [:]
                for reference in references(in: schema) {
                    XCTAssertTrue(reference.hasPrefix("#/$defs/"), "\(tool.name): \(reference)")
                    XCTAssertNotNil(definitions[String(reference.dropFirst("#/$defs/".count))], "\(tool.name) \(label): \(reference) is not in $defs")
                }
            }
        }
    }

    /// An object result is the output schema itself; any other result (an array, or an object or null) is
    /// wrapped as `{result}`, and the output schema says so.
    func testOutputSchemasAreObjectsAndWrapExactlyTheOtherResults() throws {
        let components = self.components
        for tool in MCPToolCatalog.tools {
            XCTAssertEqual(tool.outputSchema["type"], "object", tool.name)
            let entry = try XCTUnwrap(MCPOpenRPCMethod(tool.method))
            var result = entry.resultSchema
            while case .string(let reference)? = result["$ref"] {
                result = try XCTUnwrap(components[String(reference.dropFirst("#/components/schemas/".count))])
            }
            let isObject = result["type"] == "object"
            XCTAssertEqual(tool.wrapsResult, !isObject, tool.name)
            if tool.wrapsResult {
                XCTAssertEqual(tool.outputSchema["required"], ["result"], tool.name)
                XCTAssertEqual(Set(tool.outputSchema["properties"]?.objectValue?.keys.map { $0 } ?? []), ["result"], tool.name)
            } else {
                XCTAssertEqual(tool.outputSchema["properties"]?.objectValue.map { Set($0.keys) }, result["properties"]?.objectValue.map { Set($0.keys) }, tool.name)
            }
        }
        XCTAssertEqual(MCPToolCatalog.byName["athlete_list"]?.wrapsResult, true)
        XCTAssertEqual(MCPToolCatalog.byName["plan_active"]?.wrapsResult, true, "an ActivePlan or null")
        XCTAssertEqual(MCPToolCatalog.byName["plan_generate"]?.wrapsResult, false)
    }

    func testAnnotationsFollowTheMethodTypes() throws {
        for method in MethodRegistry.all where method.name != "rpc.discover" {
            let tool = try XCTUnwrap(MCPToolCatalog.byName[method.name.replacingOccurrences(of: ".", with: "_")])
            XCTAssertEqual(tool.annotations["readOnlyHint"], .bool(method.access == .read), tool.name)
            XCTAssertEqual(tool.annotations["destructiveHint"], .bool(method.isDestructive), tool.name)
            XCTAssertEqual(tool.annotations["idempotentHint"], .bool(method.isIdempotent), tool.name)
            XCTAssertEqual(tool.annotations["title"], .string(tool.title))
            let summary = try XCTUnwrap(MCPOpenRPCMethod(method.name)?.summary)
            XCTAssertTrue(tool.description.hasPrefix(summary), tool.name)
        }
        XCTAssertEqual(MCPToolCatalog.byName["plan_archive"]?.annotations["destructiveHint"], true)
        XCTAssertEqual(MCPToolCatalog.byName["athlete_get"]?.annotations["readOnlyHint"], true)
        XCTAssertEqual(MCPToolCatalog.byName["plan_progress"]?.title, "Plan progress")
    }

    func testABundleOfASelfReferringComponentTerminates() {
        let document: JSONValue = ["components": ["schemas": [
            "Node": ["type": "object", "properties": ["children": ["type": "array", "items": ["$ref": "#/components/schemas/Node"]]]],
        ]]]
        var bundle = MCPSchemaBundle(document: document)
        let rewritten = bundle.rewrite(["$ref": "#/components/schemas/Node"])
        XCTAssertEqual(rewritten, ["$ref": "#/$defs/Node"])
        XCTAssertEqual(bundle.definitions["Node"]?["properties"]?["children"]?["items"], ["$ref": "#/$defs/Node"])
    }

    // MARK: - Helpers

    private var components: [String: JSONValue] { document["components"]?["schemas"]?.objectValue ?? [:] }

    /// `schema` with every reference starting with `prefix` replaced by its target, recursively (a cycle stops at a marker).
    private func expand(_ schema: JSONValue, prefix: String, in definitions: [String: JSONValue], seen: Set<String> = []) -> JSONValue {
        switch schema {
        case .object(var members):
            if case .string(let reference)? = members["$ref"], reference.hasPrefix(prefix) {
                let name = String(reference.dropFirst(prefix.count))
                members["$ref"] = nil
                members["$expanded"] = seen.contains(name) ? .string("cycle:" + name)
                    : expand(definitions[name] ?? .string("missing:\(name)"), prefix: prefix, in: definitions, seen: seen.union([name]))
            }
            return .object(members.mapValues { expand($0, prefix: prefix, in: definitions, seen: seen) })
        case .array(let elements):
            return .array(elements.map { expand($0, prefix: prefix, in: definitions, seen: seen) })
        default:
            return schema
        }
    }

    private func documentedDescription(of param: String, in method: String) -> String? {
        guard case .array(let methods)? = document["methods"],
              case .array(let params)? = methods.first(where: { $0["name"] == .string(method) })?["params"] else { return nil }
        return params.first { $0["name"] == .string(param) }?["description"]?.stringValue
    }

    private func without(_ schema: JSONValue, _ key: String) -> JSONValue {
        guard case .object(var members) = schema else { return schema }
        members[key] = nil
        return .object(members)
    }

    private func references(in schema: JSONValue) -> [String] {
        switch schema {
        case .object(let members):
            return (members["$ref"]?.stringValue.map { [$0] } ?? []) + members.filter { $0.key != "$ref" }.values.flatMap { references(in: $0) }
        case .array(let elements):
            return elements.flatMap { references(in: $0) }
        default:
            return []
        }
    }
}
