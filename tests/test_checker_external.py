"""External links (--external) against a local server on 127.0.0.1 only.

Never a real host: the server answers 200, 404 or sleeps, and counts requests
so the cache can be seen to work.
"""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

from checker_sites import make_site, run
from curriculum.checker.rules.external import fetch


class Server:
    def __init__(self) -> None:
        self.requests: list[str] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                outer.requests.append(f"{self.command} {self.path}")
                if self.path.startswith("/slow"):
                    time.sleep(1.5)
                status = 200 if self.path.startswith(("/ok", "/slow")) else 404
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_HEAD = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    server = Server()
    yield server
    server.close()


def closed_port() -> str:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    port = httpd.server_address[1]
    httpd.server_close()
    return f"http://127.0.0.1:{port}/gone"


def site_with_links(tmp_path: Path, server: Server, refused: str) -> Path:
    config = make_site(tmp_path / "site")
    page = tmp_path / "site" / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + f"\nSee [the working page]({server.origin}/ok), [the missing page]({server.origin}/missing)"
        + f" and [the dead host]({refused}).\n",
        encoding="utf-8",
    )
    return config


def test_external_links_are_not_fetched_by_default(tmp_path: Path, server: Server) -> None:
    result = run(site_with_links(tmp_path, server, closed_port()))
    assert server.requests == []
    assert not (tmp_path / "site" / ".cache").exists()
    assert result.codes() == set()


def test_external_links_checked_and_cached(tmp_path: Path, server: Server) -> None:
    refused = closed_port()
    config = site_with_links(tmp_path, server, refused)
    result = run(config, external=True)
    unreachable = {f.message for f in result.findings if f.code == "L201"}
    assert all(f.severity == "warning" for f in result.findings)
    assert any("/missing" in m and "HTTP 404" in m for m in unreachable), unreachable
    assert any(refused in m and "refused" in m.lower() for m in unreachable), unreachable
    assert not any("/ok'" in m for m in unreachable)
    assert (tmp_path / "site" / ".cache" / "checker-external.json").is_file()
    count = len(server.requests)
    assert count >= 2
    run(config, external=True)
    assert len(server.requests) == count, "a rerun within the cache's age must not refetch"
    run(config, external=True, cache_max_age_hours=0)
    assert len(server.requests) > count, "an expired cache is refetched"


def test_fetch_times_out(server: Server) -> None:
    began = time.perf_counter()
    result = fetch(f"{server.origin}/slow", timeout=0.3, retries=0)
    assert time.perf_counter() - began < 1.4
    assert result["ok"] is False and "timed out" in str(result["error"])
