"""Drives `gofast mcp` with the official MCP Python SDK's stdio client and checks what a client relies on.

Usage: python3 mcp_session.py GOFAST_BINARY DATABASE_FILE OPENRPC_JSON (tested with the SDK 2.3.0)

The server runs with GOFAST_NOW=2027-01-20T12:00:00Z. Prints one line per check and "ok" at the end;
exits 1 on the first failed check (its message on stderr). Needs the `mcp` package (PyPI) and `jsonschema`.
"""

import asyncio
import json
import subprocess
import sys

import jsonschema
from jsonschema.validators import validator_for
from referencing import Registry

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

try:  # the SDK's 2.x names; a 1.x SDK fails here, loudly (.ci/run installs the current `mcp`)
    from mcp.client.client import Client
    from mcp.shared.exceptions import MCPError
except ImportError as missing:
    sys.exit(f"FAILED: the MCP Python SDK 2.x is needed (pip install 'mcp>=2'): {missing}")

NOW = "2027-01-20T12:00:00Z"
TODAY = "2027-01-20"
HANDSHAKE_VERSIONS = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"}


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)
    print("ok:", message.split(":")[0] if ":" in message else message)


# --- the expected schemas, computed here from protocol/openrpc.json independently of the Swift code ---

def rewrite(schema, components, defs):
    """The schema with #/components/schemas/X refs as #/$defs/X; the named components gathered into defs."""
    if isinstance(schema, dict):
        out = {}
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/components/schemas/"):
                name = value[len("#/components/schemas/"):]
                out[key] = "#/$defs/" + name
                if name not in defs:
                    defs[name] = {}
                    defs[name] = rewrite(components[name], components, defs)
            else:
                out[key] = rewrite(value, components, defs)
        return out
    if isinstance(schema, list):
        return [rewrite(item, components, defs) for item in schema]
    return schema


def expected_input(method, components):
    defs = {}
    properties = {}
    for param in method["params"]:
        prop = rewrite(param["schema"], components, defs)
        if param.get("description"):
            prop = dict(prop, description=param["description"])
        properties[param["name"]] = prop
    required = [p["name"] for p in method["params"] if p.get("required")]
    return properties, required, defs


def gofast_call(binary, database, method, params):
    """The JSON-RPC result of one method, from `gofast call` on the same database."""
    done = subprocess.run(
        [binary, "call", "--db", database, method, json.dumps(params)],
        env={"GOFAST_NOW": NOW, "HOME": "/tmp", "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, timeout=120,
    )
    if done.returncode != 0:
        raise CheckFailed(f"gofast call {method} failed: {done.stderr}")
    return json.loads(done.stdout)


async def expect_error(coroutine, code, what):
    try:
        await coroutine
    except MCPError as error:
        check(error.code == code, f"{what}: JSON-RPC error {code} (got {error.code}: {error.error.message})")
        return error
    raise CheckFailed(f"{what}: expected JSON-RPC error {code}, got a result")


async def session(binary, database, document):
    components = document["components"]["schemas"]
    methods = {m["name"]: m for m in document["methods"]}
    stream_problems = []

    async def on_message(message):
        if isinstance(message, Exception):
            stream_problems.append(repr(message))

    server = StdioServerParameters(command=binary, args=["mcp", "--db", database], env={"GOFAST_NOW": NOW})
    async with stdio_client(server) as (read, write):
        async with ClientSession(read, write, message_handler=on_message) as client:
            # Lifecycle.
            init = await client.initialize()
            check(init.protocol_version in HANDSHAKE_VERSIONS, f"initialize: negotiated {init.protocol_version}")
            check(init.server_info.name == "gofast", "initialize: serverInfo.name is gofast")
            caps = init.capabilities
            check(caps.tools is not None and caps.resources is not None and caps.prompts is not None,
                  "initialize: tools, resources and prompts capabilities")
            check(bool(init.instructions), "initialize: instructions for the model")
            await client.send_ping()
            check(True, "ping: answered")

            # Tools: names, schemas from the OpenRPC document, annotations.
            tools = {tool.name: tool for tool in (await client.list_tools()).tools}
            expected_names = {name.replace(".", "_") for name in methods} - {"initialize", "shutdown", "rpc_discover"}
            check(set(tools) == expected_names, f"tools/list: one tool per method: {sorted(set(tools) ^ expected_names)}")
            for name in ["plan_generate", "plan_active", "activity_ingest", "execution_analyze", "plan_progress"]:
                check(name in tools, f"tools/list: {name} is a tool")
            for name, tool in sorted(tools.items()):
                method = methods[name.replace("_", ".", 1)]
                properties, required, defs = expected_input(method, components)
                schema = tool.input_schema
                check(schema.get("type") == "object", f"{name}: inputSchema is an object schema")
                check(schema.get("properties") == properties, f"{name}: inputSchema.properties are the OpenRPC params")
                check(sorted(schema.get("required", [])) == sorted(required), f"{name}: inputSchema.required are the required params")
                check(schema.get("$defs", {}) == defs, f"{name}: inputSchema.$defs holds exactly the components it refers to")
                validator_for(schema).check_schema(schema)
                check(tool.output_schema is not None and tool.output_schema.get("type") == "object",
                      f"{name}: outputSchema is an object schema")
                validator_for(tool.output_schema).check_schema(tool.output_schema)
                check(tool.description and method["summary"] in tool.description, f"{name}: description from the OpenRPC summary")
                # Every documented example's params satisfy the input schema, and its result the output schema.
                for example in method.get("examples", []):
                    arguments = {p["name"]: p["value"] for p in example["params"]}
                    input_validator = validator_for(schema)(schema, registry=Registry())
                    errors = [e.message for e in input_validator.iter_errors(arguments)]
                    check(not errors, f"{name}: example '{example['name']}' params fit the inputSchema {errors[:2]}")
                    if "result" in example:
                        value = example["result"]["value"]
                        wrapped = value if isinstance(value, dict) and "result" not in tool.output_schema.get("required", []) else {"result": value}
                        output_validator = validator_for(tool.output_schema)(tool.output_schema, registry=Registry())
                        errors = [e.message for e in output_validator.iter_errors(wrapped)]
                        check(not errors, f"{name}: example '{example['name']}' result fits the outputSchema {errors[:2]}")
            check(tools["athlete_get"].annotations.read_only_hint is True, "athlete_get: readOnlyHint")
            check(tools["plan_generate"].annotations.read_only_hint is False, "plan_generate: not readOnlyHint")
            check(tools["plan_archive"].annotations.destructive_hint is True, "plan_archive: destructiveHint")
            check(tools["activity_ingest"].annotations.idempotent_hint is True, "activity_ingest: idempotentHint")
            check(tools["plan_generate"].annotations.idempotent_hint is False, "plan_generate: not idempotentHint")

            # A session: create an athlete, generate a plan, read today's workout, ingest a run.
            created = await client.call_tool("athlete_create", {"name": "Ada Lovelace", "timeZone": "Europe/London", "fiveKTimeSeconds": 1500})
            check(created.is_error is False, "athlete_create: succeeded")
            athlete = created.structured_content
            athlete_id = athlete["id"]
            check(athlete["name"] == "Ada Lovelace" and athlete["timeZone"] == "Europe/London", "athlete_create: structuredContent is the athlete")
            check(json.loads(created.content[-1].text) == athlete, "athlete_create: the text content is the same JSON")
            check(athlete_id in created.content[0].text, "athlete_create: the summary names the id")
            check(gofast_call(binary, database, "athlete.get", {"id": athlete_id}) == athlete,
                  "athlete_create: structuredContent equals the JSON-RPC athlete.get result")

            generated = await client.call_tool("plan_generate", {
                "athleteId": athlete_id, "startDate": "2027-01-18",
                "race": {"name": "Edinburgh Marathon", "date": "2027-05-30", "distanceMeters": 42195},
            })
            check(generated.is_error is False, f"plan_generate: succeeded {generated.content[0].text[:300]}")
            plan = generated.structured_content["plan"]
            check(f"plan {plan['id']}" in generated.content[0].text, f"plan_generate: the summary names the plan: {generated.content[0].text}")
            check(plan["status"] == "active" and plan["athleteId"] == athlete_id, "plan_generate: an active plan for the athlete")

            # Today's workout, as the active-plan resource.
            uri = f"gofast://athletes/{athlete_id}/active-plan"
            read = await client.read_resource(uri)
            check(len(read.contents) == 1 and read.contents[0].mime_type == "application/json", "resources/read: one application/json content")
            active = json.loads(read.contents[0].text)
            check(active["todayDate"] == TODAY, f"active-plan: today is {TODAY} in the athlete's zone")
            check(active["plan"]["id"] == plan["id"], "active-plan: the generated plan")
            today = active["today"]
            check(today is not None and today["date"] == TODAY, "active-plan: today's planned day")
            check(active == gofast_call(binary, database, "plan.active", {"athleteId": athlete_id}),
                  "active-plan: the resource is the plan.active result")
            planned = today.get("planned") or {}

            days_uri = f"gofast://plans/{plan['id']}/days"
            days = json.loads((await client.read_resource(days_uri)).contents[0].text)
            check(isinstance(days, list) and any(d["date"] == TODAY for d in days), "plan days resource: the plan's days")
            progress = json.loads((await client.read_resource(f"gofast://plans/{plan['id']}/progress")).contents[0].text)
            check(progress == gofast_call(binary, database, "plan.progress", {"planId": plan["id"]}), "progress resource: the plan.progress result")

            resources = (await client.list_resources()).resources
            listed = {str(r.uri) for r in resources}
            check("gofast://athletes" in listed and uri in listed, "resources/list: athletes and the athlete's active plan")
            templates = {t.uri_template for t in (await client.list_resource_templates()).resource_templates}
            check(templates == {"gofast://athletes/{id}/active-plan", "gofast://plans/{id}/days", "gofast://plans/{id}/progress"},
                  "resources/templates/list: the three templates")

            # A wrapped result: plan_days is an array, so structuredContent is {"result": [...]}.
            listed_days = await client.call_tool("plan_days", {"planId": plan["id"]})
            check(listed_days.structured_content == {"result": gofast_call(binary, database, "plan.days", {"planId": plan["id"]})},
                  "plan_days: structuredContent is {result: the plan.days result}")

            # Ingest today's run: 10 km in 55 min, matched to today's planned day.
            run = {
                "source": "coros", "externalId": "run-2027-01-20", "sport": "running",
                "startTime": "2027-01-20T07:30:00Z", "elapsedSeconds": 3300, "distanceMeters": 10000, "averageHeartRate": 145,
            }
            ingested = await client.call_tool("activity_ingest", {"athleteId": athlete_id, "activity": run})
            check(ingested.is_error is False, f"activity_ingest: succeeded {ingested.content[0].text[:300]}")
            result = ingested.structured_content["results"][0]
            check(result["created"] is True and result["activity"]["localDate"] == TODAY, "activity_ingest: stored on today's date")
            execution = result["execution"]
            check(execution is not None and execution["date"] == TODAY, "activity_ingest: matched to today's planned day")
            analyzed = await client.call_tool("execution_analyze", {"executionId": execution["id"]})
            check(analyzed.is_error is False and "verdict" in analyzed.structured_content, "execution_analyze: an analysis with a verdict")

            # Bad arguments: isError with the field and the reason, not a protocol error.
            bad = await client.call_tool("athlete_create", {"name": "No Zone"})
            text = bad.content[0].text
            check(bad.is_error is True, "bad arguments: isError")
            check("timeZone" in text and "is required" in text, f"bad arguments: the field and the reason: {text}")
            bad = await client.call_tool("plan_generate", {"athleteId": athlete_id, "race": {"name": "Past", "date": "2026-05-30", "distanceMeters": 42195}})
            check(bad.is_error is True and "race.date" in bad.content[0].text, f"race in the past: isError naming race.date: {bad.content[0].text}")
            missing = await client.call_tool("athlete_get", {"id": "ath_nobody"})
            check(missing.is_error is True and "-32001" in missing.content[0].text, "unknown athlete: isError with gofast's not-found code")

            # Protocol errors stay JSON-RPC errors.
            await expect_error(client.call_tool("plan_teleport", {}), -32602, "unknown tool")
            await expect_error(client.call_tool("rpc_discover", {}), -32602, "rpc.discover is no tool")
            await expect_error(client.read_resource("gofast://nothing/here"), -32002, "unknown resource")
            await expect_error(client.read_resource("gofast://athletes/ath_nobody/active-plan"), -32002, "resource of an unknown athlete")

            # Prompts.
            prompts = {p.name: p for p in (await client.list_prompts()).prompts}
            check({"todays-workout", "weekly-review", "race-readiness"} <= set(prompts), "prompts/list: the coaching prompts")
            check(all(a.name == "athleteId" and a.required for p in prompts.values() for a in p.arguments), "prompts: athleteId argument")
            workout = await client.get_prompt("todays-workout", {"athleteId": athlete_id})
            first = workout.messages[0].content
            check(first.type == "text" and TODAY in first.text and "Ada Lovelace" in first.text, "todays-workout: dated today, for the athlete")
            embedded = [m.content for m in workout.messages if m.content.type == "resource"]
            check(len(embedded) == 1 and str(embedded[0].resource.uri) == uri, "todays-workout: embeds the active-plan resource")
            check(json.loads(embedded[0].resource.text)["today"]["date"] == TODAY, "todays-workout: with today's planned day")
            review = await client.get_prompt("weekly-review", {"athleteId": athlete_id})
            review_text = "\n".join(m.content.text for m in review.messages if m.content.type == "text")
            check("2027-01-14" in review_text and execution["id"] in review_text, "weekly-review: the last seven days with today's run")
            readiness = await client.get_prompt("race-readiness", {"athleteId": athlete_id})
            check(any(m.content.type == "resource" and "progress" in str(m.content.resource.uri) for m in readiness.messages),
                  "race-readiness: embeds the progress")
            await expect_error(client.get_prompt("todays-workout", {}), -32602, "prompt without athleteId")
            await expect_error(client.get_prompt("marathon-in-a-week", {"athleteId": athlete_id}), -32602, "unknown prompt")

    check(not stream_problems, f"stdout carried MCP messages only: {stream_problems}")
    return athlete_id


async def default_client_session(binary, database, athlete_id):
    """The SDK's high-level Client as it connects by default: it probes `server/discover` (a later revision),
    gets -32601 from gofast and falls back to the initialize handshake."""
    server = StdioServerParameters(command=binary, args=["mcp", "--db", database], env={"GOFAST_NOW": NOW})
    async with Client(server) as client:
        check(client.protocol_version in HANDSHAKE_VERSIONS, f"default Client: fell back to the handshake ({client.protocol_version})")
        active = await client.call_tool("plan_active", {"athleteId": athlete_id})
        check(active.is_error is False and active.structured_content["result"]["todayDate"] == TODAY,
              "default Client: plan_active on the same database")


def main():
    binary, database, document_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(document_path) as handle:
        document = json.load(handle)
    try:
        athlete_id = asyncio.run(session(binary, database, document))
        asyncio.run(default_client_session(binary, database, athlete_id))
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    except BaseExceptionGroup as group:
        # The SDK's task groups wrap what a check raises inside the session.
        failed, _ = group.split(CheckFailed)
        if failed is None:
            raise
        first = failed
        while isinstance(first, BaseExceptionGroup):
            first = first.exceptions[0]
        print(f"FAILED: {first}", file=sys.stderr)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
