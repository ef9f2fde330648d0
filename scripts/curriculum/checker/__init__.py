"""The site checker: links, structure, diagrams and the curriculum model.

- ``cli.py``: the command (``python scripts/check_site.py``, console script
  ``check_site``): build, read, run every rule family, print, exit status.
- ``findings.py``: :class:`Finding`, the one shape of every report.
- ``site.py``: what rules read (config, sources, catalog, built articles).
- ``markdown.py`` / ``html.py``: the prose of each source (from :mod:`curriculum.scanner`) and
  each built article.
- ``rulesdoc.py``: CONTRIBUTING.md's rule list, generated from the registry.
- ``mermaid.py``: Mermaid parsing in Chromium with the vendored Mermaid.
- ``rules/``: one module per rule family; ``rules/__init__.py`` is the registry.

Rule codes and fixes: CONTRIBUTING.md, "Checker rules".
"""
