"""The one way the project runs ``mkdocs build``, and walks what it built.

The tests, the benchmark, the offline build and the checker all build with
:func:`build`: as a separate process (``python -m mkdocs build``, as a
maintainer runs it) or, for the checker, in this process. In-process saves
the second or so MkDocs needs to import itself, Material and the extensions
(most of a small site's build); it is the same build: same config loader,
same hooks, and MkDocs' own strict-mode abort. Either way the log comes back
as ``LEVEL - message`` lines.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: Set to "1" (the checker's builds do) and the curriculum hooks log every
#: content error and finish the build, so one bad page does not hide the
#: problems of the others; MkDocs' strict mode still fails the build.
KEEP_GOING = "CURRICULUM_KEEP_GOING"


@dataclass
class BuildLog:
    returncode: int
    output: str
    site_dir: Path
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def warnings(self) -> list[str]:
        """The WARNING and ERROR lines of the log."""
        return [line for line in self.output.splitlines() if line.startswith(("WARNING", "ERROR"))]

    def last_line(self) -> str:
        lines = [line.strip() for line in self.output.splitlines() if line.strip()]
        return lines[-1] if lines else "no output"


def build(
    config_file: Path,
    site_dir: Path,
    *,
    strict: bool = True,
    site_url: str | None = None,
    offline: bool = False,
    in_process: bool = False,
    bytecode: bool = True,
    keep_going: bool = False,
) -> BuildLog:
    """``mkdocs build`` of ``config_file`` into ``site_dir``.

    ``site_url`` and ``offline`` set the ``SITE_URL`` and ``OFFLINE``
    variables mkdocs.yml reads; they need a separate process. With
    ``bytecode=False`` the build writes no ``__pycache__`` (the checker's
    builds leave the repository as they found it; an in-process build never
    writes any). With ``keep_going`` the curriculum hooks log every content
    error and finish the build instead of stopping at the first (the strict
    build still fails).
    """
    if in_process:
        if site_url or offline or not strict:
            raise ValueError("an in-process build is always the plain strict build")
        began = time.perf_counter()
        saved = os.environ.get(KEEP_GOING)
        os.environ[KEEP_GOING] = "1" if keep_going else "0"
        try:
            result = build_in_process(config_file, site_dir)
        finally:
            if saved is None:
                del os.environ[KEEP_GOING]
            else:
                os.environ[KEEP_GOING] = saved
        result.seconds = time.perf_counter() - began
        return result
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if not bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env[KEEP_GOING] = "1" if keep_going else "0"
    if site_url:
        env["SITE_URL"] = site_url
    if offline:
        env["OFFLINE"] = "true"
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    began = time.perf_counter()
    process = subprocess.run(command, capture_output=True, text=True, env=env, cwd=config_file.parent, check=False)
    return BuildLog(process.returncode, process.stdout + process.stderr, site_dir, time.perf_counter() - began)


def built_pages(site_dir: Path) -> list[Path]:
    """Every built HTML page of a site folder, the 404 page excluded, sorted."""
    return sorted(p for p in site_dir.rglob("*.html") if p.name != "404.html")


def page_paths(site_dir: Path) -> list[str]:
    """Every built page as a URL path (``/``, ``/day-2/pipelines/``), the 404 page excluded."""
    return sorted("/" + p.relative_to(site_dir).as_posix().removesuffix("index.html") for p in built_pages(site_dir))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        self.lines.append(f"{record.levelname:<8}-  {message}")


def build_in_process(config_file: Path, site_dir: Path) -> BuildLog:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs import exceptions
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    cwd = os.getcwd()
    returncode = 0
    saved_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # the hooks are imported: write no __pycache__ into the repository
    try:
        os.chdir(config_file.parent)
        config = load_config(config_file=str(config_file), strict=True, site_dir=str(site_dir))
        build(config)
    except exceptions.Abort as error:
        handler.lines.append(f"ERROR   -  {error}")
        returncode = 1
    except exceptions.MkDocsException as error:  # PluginError, BuildError, ConfigurationError
        handler.lines.append(f"ERROR   -  {error}")
        returncode = 1
    except Exception as error:
        handler.lines.append(f"ERROR   -  {type(error).__name__}: {error}")
        returncode = 1
    finally:
        sys.dont_write_bytecode = saved_bytecode
        os.chdir(cwd)
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return BuildLog(returncode, "\n".join(handler.lines), site_dir)
