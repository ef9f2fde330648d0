"""External links (L2xx), only with ``--external``: never fetched by default.

Every distinct http(s) URL of the built articles is requested (HEAD, then
GET when HEAD is refused) with a per-request timeout, a few retries and a
bounded thread pool. Results are cached in ``.cache/checker-external.json``
(git-ignored) and reused until older than ``--cache-max-age`` hours.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..findings import WARNING, Finding
from ..site import Site
from .base import Rule
from .links import HTTP, LOOPBACK, external_links

#: The heading of this family in CONTRIBUTING.md's "Checker rules".
TITLE = "External links (only with `--external`)"

RULES = (
    Rule(
        "L201",
        "external-unreachable",
        "an external link did not answer with success (only with --external)",
        "fix or remove the link, or link to an archived copy",
        "a dead external link sends the reader nowhere",
        WARNING,
    ),
)
(UNREACHABLE,) = RULES

TIMEOUT = 10.0
RETRIES = 2
WORKERS = 8
USER_AGENT = "onboarding-curriculum-link-checker/1.0"


def fetch(url: str, timeout: float = TIMEOUT, retries: int = RETRIES) -> dict[str, object]:
    """{'ok': bool, 'status': int|None, 'error': str|None} for one URL."""
    result: dict[str, object] = {"ok": False, "status": None, "error": None}
    for attempt in range(retries + 1):
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    return {"ok": True, "status": response.status, "error": None}
            except urllib.error.HTTPError as error:
                result = {"ok": False, "status": error.code, "error": error.reason if isinstance(error.reason, str) else str(error.reason)}
                if method == "HEAD" and error.code in (403, 405, 501):
                    continue  # some servers refuse HEAD: try GET
                if error.code < 500 and error.code != 429:
                    return result  # a definite answer: no retry
                break
            except (urllib.error.URLError, OSError, ValueError) as error:
                reason = getattr(error, "reason", error)
                result = {"ok": False, "status": None, "error": str(reason)}
                break
        if attempt < retries:
            time.sleep(0.2 * (attempt + 1))
    return result


def _load_cache(path: Path, max_age: float) -> dict[str, dict[str, object]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    now = time.time()
    return {url: entry for url, entry in data.items() if isinstance(entry, dict) and now - float(entry.get("checked", 0)) <= max_age}


def _save_cache(path: Path, cache: dict[str, dict[str, object]]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
    except OSError:
        pass  # a cache that cannot be written only costs time


def check(site: Site) -> Iterable[Finding]:
    if not site.external:
        return
    links = external_links(site)
    urls = {href.split("#", 1)[0] for _, href, _ in links}
    # An http: link is worth a warning only when its https: version answers.
    https_of = {url: "https://" + url[len("http://") :] for url in urls if url.startswith("http://")}
    wanted = sorted(urls | set(https_of.values()))
    cache_file = site.cache_file or site.root / ".cache" / "checker-external.json"
    cache = _load_cache(cache_file, site.cache_max_age)
    todo = [url for url in wanted if url not in cache]
    if todo:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for url, result in zip(todo, pool.map(fetch, todo)):
                cache[url] = dict(result, checked=time.time())
        _save_cache(cache_file, cache)
    reported: set[tuple[str, str]] = set()
    for rel, href, _text in links:
        url = href.split("#", 1)[0]
        if (rel, url) in reported:
            continue
        reported.add((rel, url))
        doc = site.docs[rel]
        line, col = doc.locate([f"]({href}", href, url])
        entry = cache.get(url, {})
        if not entry.get("ok"):
            status = entry.get("status")
            detail = (
                f"HTTP {status}" + (f" {entry.get('error')}" if entry.get("error") else "")
                if status
                else str(entry.get("error") or "no answer")
            )
            yield UNREACHABLE.at(site.display(rel), line, col, f"external link '{href}' is unreachable: {detail}")
        if url in https_of and cache.get(https_of[url], {}).get("ok"):
            host = url.split("/")[2]
            if not LOOPBACK.match(host):
                yield HTTP.at(site.display(rel), line, col, f"link uses http: but '{https_of[url]}' answers", "use https://")
