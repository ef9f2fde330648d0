"""The front end stands on Material's own API and one colour palette.

Stylesheets write no colour of their own: every colour is a Material variable
or a ``--cur-`` custom property, declared once for the light palette and once
for the slate palette in curriculum.css. Scripts mount from Material's
``document$`` (which emits once per page, as instant navigation is off) and
nowhere else, so each control is set up once: a second mount would add a
second button, or a second click listener that undoes the first. Escape
comes through Material's ``keyboard$``, which leaves it to Material's search
while the search dialog is open.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from curriculum.asset_bundles import SCRIPT
from featurepages import day_rel, session_rels, url_path

STYLESHEETS = Path(__file__).resolve().parent.parent / "docs" / "assets" / "stylesheets"
SCRIPTS = STYLESHEETS.parent / "javascripts"

#: The stylesheets and scripts that follow these rules (present.css and
#: present.js may use the palette; they are checked by their own tests).
OWN_STYLESHEETS = ("curriculum.css", "facilitation.css", "print.css", "a11y.css")
OWN_SCRIPTS = ("facilitator.js", "stored.js", "progress.js", "agenda.js", "handouts.js", "a11y.js")
#: The scripts that mount into the page, each from one document$ subscription.
MOUNTING_SCRIPTS = ("facilitator.js", "progress.js", "agenda.js", "a11y.js")

PALETTE_FILE = "curriculum.css"
LIGHT = ':root,[data-md-color-scheme="default"]'
SLATE = '[data-md-color-scheme="slate"]'

COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(")
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def _rules(name: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(selector without spaces, line of the selector, declarations) of each rule, at-rules flattened."""
    text = (STYLESHEETS / name).read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), text, flags=re.DOTALL)
    text = re.sub(r"@[^{};]+\{", lambda m: " " * len(m.group()), text)  # @media ... {: keep the rules inside
    rules = []
    for match in RULE.finditer(text):
        selector = re.sub(r"\s+", "", match.group(1))
        line = text.count("\n", 0, match.start(1) + len(match.group(1)) - len(match.group(1).lstrip())) + 1
        declarations = []
        for part in match.group(2).split(";"):
            if ":" in part:
                prop, value = part.split(":", 1)
                declarations.append((prop.strip(), value.strip()))
        rules.append((selector, f"{name}:{line}", declarations))
    return rules


def test_own_stylesheets_write_no_colour_outside_custom_properties() -> None:
    problems = [
        f"{where}: {prop}: {value} (use a --cur- variable from the palette in {PALETTE_FILE})"
        for name in OWN_STYLESHEETS
        for _, where, declarations in _rules(name)
        for prop, value in declarations
        if not prop.startswith("--") and COLOUR.search(value)
    ]
    assert not problems, "\n".join(problems)


def test_palette_is_declared_once_for_each_palette_and_covers_every_use() -> None:
    light: dict[str, str] = {}
    slate: dict[str, str] = {}
    problems = []
    for selector, where, declarations in _rules(PALETTE_FILE):
        palette = light if selector == LIGHT else slate if selector == SLATE else None
        for prop, _ in declarations:
            if prop.startswith("--cur-") and palette is None:
                problems.append(f"{where}: {prop} declared outside the palette")
            elif prop.startswith("--cur-") and palette is not None and prop in palette:
                problems.append(f"{where}: {prop} declared twice in one palette (first at {palette[prop]})")
            elif prop.startswith("--cur-") and palette is not None:
                palette[prop] = where
    assert len(light) >= 5, f"the light palette in {PALETTE_FILE} is missing: {sorted(light)}"
    # Elsewhere: no custom properties in the own stylesheets, and present.css does not redefine the palette.
    for name in (*(n for n in OWN_STYLESHEETS if n != PALETTE_FILE), "present.css"):
        for _, where, declarations in _rules(name):
            for prop, _ in declarations:
                if prop in light or (name in OWN_STYLESHEETS and prop.startswith("--")):
                    problems.append(f"{where}: {prop} declared outside the palette of {PALETTE_FILE}")
    problems += [f"{where}: {prop} overridden for slate but not declared for light" for prop, where in slate.items() if prop not in light]
    for name in OWN_STYLESHEETS:
        for _, where, declarations in _rules(name):
            for _, value in declarations:
                problems += [
                    f"{where}: var({used}) is not in the palette" for used in re.findall(r"var\((--cur-[\w-]+)", value) if used not in light
                ]
    assert not problems, "\n".join(problems)


def test_own_scripts_mount_only_from_document_observable() -> None:
    problems = []
    for name in OWN_SCRIPTS:
        code = (SCRIPTS / name).read_text(encoding="utf-8")
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", code, flags=re.DOTALL)
        for pattern, why in (
            (r"DOMContentLoaded|readyState|typeof document\$", "a boot path beside document$"),
            (r"addEventListener\(\s*[\"']key(down|up|press)", "a key listener beside keyboard$"),
        ):
            if re.search(pattern, code):
                problems.append(f"{name}: {why}")
        subscriptions = len(re.findall(r"\bdocument\$\.subscribe\(", code))
        expected = 1 if name in MOUNTING_SCRIPTS else 0
        if subscriptions != expected:
            problems.append(f"{name}: {subscriptions} document$ subscriptions, expected {expected}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------

#: Counts, per script file, the subscriptions to Material's document$ (the
#: bundle assigns window.document$ before the site's own scripts run). The site's
#: scripts are served joined in site.js, so a subscription there is counted by line.
COUNT_SUBSCRIPTIONS = """
(() => {
  window.__curMounts = {};
  let subject;
  Object.defineProperty(window, "document$", {
    configurable: true,
    get() { return subject; },
    set(value) {
      subject = value;
      const subscribe = value.subscribe.bind(value);
      value.subscribe = (...args) => {
        const where = new Error().stack.match(/assets\\/javascripts\\/([\\w-]+\\.js):(\\d+)/);
        const file = where ? (where[1] === "site.js" ? `site.js:${where[2]}` : where[1]) : "theme";
        window.__curMounts[file] = (window.__curMounts[file] || 0) + 1;
        return subscribe(...args);
      };
    },
  });
})();
"""


def by_source_file(mounts: dict[str, int], joined: str) -> dict[str, int]:
    """``mounts`` with each ``site.js:LINE`` counted under the listed file that line came from."""
    starts = [
        (number, m.group(1))
        for number, line in enumerate(joined.splitlines(), start=1)
        if (m := re.fullmatch(r"/\* ([\w-]+\.js) \*/", line))
    ]
    counted: dict[str, int] = {}
    for key, count in mounts.items():
        name = key
        if key.startswith("site.js:"):
            line = int(key.split(":")[1])
            name = next((file for number, file in reversed(starts) if number <= line), key)
        counted[name] = counted.get(name, 0) + count
    return counted


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390], ids=["1280px", "390px"])
def test_each_script_mounts_once_and_each_control_exists_once(site, page_factory, width: int) -> None:
    page = page_factory(site.origin, viewport={"width": width, "height": 900})
    page.add_init_script(COUNT_SUBSCRIPTIONS)
    session = session_rels()[0]
    page.goto(site.url(url_path(session)))
    page.wait_for_load_state("load")
    mounts = by_source_file(page.evaluate("window.__curMounts"), (site.root / SCRIPT).read_text(encoding="utf-8"))
    assert {name: mounts.get(name, 0) for name in MOUNTING_SCRIPTS} == dict.fromkeys(MOUNTING_SCRIPTS, 1), mounts

    counts = page.evaluate(
        """() => ({
          toolbars: document.querySelectorAll('[data-cur-toolbar]').length,
          inHeader: document.querySelectorAll('.md-header__inner > [data-cur-toolbar]').length,
          toggles: document.querySelectorAll('[data-cur-facilitator-toggle]').length,
          drawer: document.querySelectorAll('.cur-header-toggle[data-cur-for="__drawer"]').length,
          search: document.querySelectorAll('.cur-header-toggle[data-cur-for="__search"]').length,
          progress: document.querySelectorAll('[data-cur-progress-control]').length,
        })"""
    )
    assert counts == {"toolbars": 1, "inHeader": 1, "toggles": 1, "drawer": 1, "search": 1, "progress": 1}, counts

    # One click is one change: a second listener would undo the first.
    toggle = page.get_by_role("button", name="Facilitator mode")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate("document.documentElement.hasAttribute('data-cur-facilitator')")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    done = page.get_by_role("button", name="Mark session complete")
    done.click()
    assert done.get_attribute("aria-pressed") == "true"
    assert page.evaluate("Object.keys(JSON.parse(localStorage.getItem('cur-progress')))") == [session]

    page.goto(site.url(url_path(day_rel())))
    page.wait_for_load_state("load")
    assert page.locator("[data-cur-progress-list]").count() == 1
    page.get_by_role("button", name="Reset my progress").click()
    assert page.evaluate("localStorage.getItem('cur-progress')") is None
    assert "Progress reset." in page.locator(".cur-progress__summary").inner_text()


@pytest.mark.browser
def test_escape_closes_search_first_then_the_drawer(site, page_factory) -> None:
    """While the search dialog is open, keyboard$ is in "search" mode and Escape is Material's."""
    page = page_factory(site.origin, viewport={"width": 390, "height": 900})
    page.goto(site.url(url_path(session_rels()[0])))
    page.get_by_role("button", name="Navigation").click()
    page.wait_for_function("document.getElementById('__drawer').checked")
    page.evaluate("document.getElementById('__search').click()")
    page.wait_for_function("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    assert page.evaluate("document.getElementById('__drawer').checked"), "Escape in search also closed the drawer"
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.matches('.cur-header-toggle[data-cur-for=\"__drawer\"]')")


@pytest.mark.browser
def test_a_code_block_gets_its_copy_button_when_first_seen(site, page_factory) -> None:
    """Material's content.lazy (mkdocs.yml): a code block is mounted when it is first seen, not at load."""
    path = next(p for p in site.html_pages() if "<pre" in (site.root / p.lstrip("/") / "index.html").read_text(encoding="utf-8"))
    page = page_factory(site.origin)
    page.goto(site.url(path))
    page.wait_for_load_state("load")
    hidden = page.locator("article details:not([open]) pre").first.element_handle()
    block = hidden.evaluate_handle("el => el.closest('.highlight')")
    assert block.evaluate("el => el.querySelectorAll('.md-code__nav').length") == 0, "a block in a closed details is not mounted at load"
    hidden.evaluate("el => { el.closest('details').open = true; el.scrollIntoView(); }")
    page.wait_for_function("el => !!el.querySelector('.md-code__nav .md-code__button')", arg=block, timeout=5000)
    assert block.evaluate("el => el.querySelector('.md-code__nav').getAttribute('role')") == "none", "a11y.js still unnames the button row"
