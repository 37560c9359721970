#!/usr/bin/env python3
"""A scripted OpenAI-compatible chat-completions server for the end-to-end tests.

    python3 openai_stub.py --script replies.json --log requests.jsonl --port-file port.txt

Listens on 127.0.0.1 on a free port and writes the port to --port-file (atomically) once it is bound.
Every POST is answered with the next reply of --script, a JSON array re-read on each request, so the test may
write it after the stub has started:

    [{"status": 200, "headers": {"Retry-After": "0"}, "body": "<text>", "delay": 0.0}, ...]

`body` is sent as it is (a string); `delay` is seconds to wait before answering. When the script runs out the
stub answers 418 (not retried by the server). Each request is appended to --log as one JSON line:
{"index", "method", "path", "headers" (names lower-cased), "body" (parsed JSON, else text)}.
"""
import argparse
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--script", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--port-file", required=True)
    args = parser.parse_args()

    lock = threading.Lock()
    counter = [0]

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format, *arguments):  # keep stderr quiet
            pass

        def do_GET(self):
            self.answer({"status": 404, "body": "{\"error\":{\"message\":\"only POST\"}}"})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length > 0 else b""
            try:
                body = json.loads(raw.decode("utf-8"))
            except ValueError:
                body = raw.decode("utf-8", "replace")
            with lock:
                index = counter[0]
                counter[0] += 1
                entry = {
                    "index": index, "method": "POST", "path": self.path,
                    "headers": {name.lower(): value for name, value in self.headers.items()}, "body": body,
                }
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(json.dumps(entry) + "\n")
            try:
                with open(args.script, encoding="utf-8") as script:
                    replies = json.load(script)
            except (OSError, ValueError):
                replies = []
            if index < len(replies):
                reply = replies[index]
            else:
                reply = {"status": 418, "body": json.dumps({"error": {"message": "stub: no reply scripted for request %d" % index}})}
            self.answer(reply)

        def answer(self, reply):
            delay = float(reply.get("delay") or 0)
            if delay > 0:
                time.sleep(delay)
            payload = reply.get("body", "").encode("utf-8")
            try:
                self.send_response(int(reply.get("status", 200)))
                headers = reply.get("headers") or {}
                if not any(name.lower() == "content-type" for name in headers):
                    self.send_header("Content-Type", "application/json")
                for name, value in headers.items():
                    self.send_header(name, str(value))
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(payload)
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout or cancellation)
            self.close_connection = True

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    temporary = args.port_file + ".tmp"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(str(server.server_address[1]))
    os.replace(temporary, args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
