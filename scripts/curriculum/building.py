"""Run the strict MkDocs build, in this process, and keep its log lines.

In-process saves the second or so MkDocs needs to import itself, Material
and the extensions (most of a small site's build); the build is the same one
``mkdocs build --strict`` runs: same config loader, same hooks, and
MkDocs' own strict-mode abort. Log records become ``LEVEL - message`` lines,
the format the checker parses for the subprocess build too.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class BuildLog:
    returncode: int
    output: str


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 (a bad log call must not stop the check)
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
    except Exception as error:  # noqa: BLE001 (a crashing plugin is one line, not a traceback)
        handler.lines.append(f"ERROR   -  {type(error).__name__}: {error}")
        returncode = 1
    finally:
        sys.dont_write_bytecode = saved_bytecode
        os.chdir(cwd)
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return BuildLog(returncode, "\n".join(handler.lines))
