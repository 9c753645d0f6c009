"""A loopback HTTP server for the reliability tests that records what reaches it and answers as told:
a listener for calls that must never be made, a misbehaving SPARQL server, a redirect."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    """What the server sends: status, headers, body, and optionally a pause between bytes (a drip)."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    drip_seconds: float = 0.0


@dataclass
class Listener:
    url: str
    requests: list[tuple[str, str, bytes]] = field(default_factory=list)  # (method, path, body)


@contextlib.contextmanager
def http_server(answer: Callable[[str, str, bytes], Answer] | Answer,
                host: str = "127.0.0.1") -> Iterator[Listener]:  # fmt: skip
    """A threaded HTTP server on ``host`` (a loopback address) and a free port, answering each request
    with ``answer`` (or ``answer(method, path, body)``); every request is recorded on the listener."""
    listener = Listener("")

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            listener.requests.append((self.command, self.path, body))
            reply = answer(self.command, self.path, body) if callable(answer) else answer
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if not reply.drip_seconds:
                    self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if reply.drip_seconds:
                    for i in range(len(reply.body)):
                        self.wfile.write(reply.body[i : i + 1])
                        self.wfile.flush()
                        time.sleep(reply.drip_seconds)
                else:
                    self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = _handle  # noqa: N815 - http.server's naming

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    listener.url = f"http://{host}:{server.server_address[1]}"
    try:
        yield listener
    finally:
        server.shutdown()
        server.server_close()
