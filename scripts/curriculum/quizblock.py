"""The ``/// quiz`` block (a pymdownx.blocks extension): a multiple-choice question as a form.

The syntax is :mod:`curriculum.quiz`'s. The page gets a real radio group
(checkbox group with ``multiple: true``) in a ``<fieldset>`` whose ``<legend>``
is the stem; every option's explanation sits in a collapsed ``<details>``
under it, saying first whether the option is right, so without JavaScript a
reader can still answer and check. ``docs/assets/javascripts/quiz.js`` turns
it into a check that answers back; ``quiz.css`` styles it and keeps every
mark off paper.

The objective is written as ``<span class="cur-objective-label" data-cur-objective="id">``;
:func:`curriculum.objectives.label_objectives` puts the objective's own words
in it once the page's HTML exists (the Markdown extension cannot see front matter).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any, ClassVar

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_boolean, type_string

from . import quiz

MARK = re.compile(r"^\s*\[(?P<mark>[ xX])\]\s*")


def objective_label(parent: etree.Element, objective: str, prefix: str = "Objective: ") -> etree.Element:
    """The learner-facing objective line; the id is replaced by the objective's text after rendering."""
    holder = etree.SubElement(parent, "span", {"class": "cur-objective"})
    holder.text = prefix
    label = etree.SubElement(holder, "span", {"class": "cur-objective-label", "data-cur-objective": objective})
    label.text = objective
    return holder


class QuizBlock(Block):
    """One multiple-choice question; see :mod:`curriculum.quiz` for the syntax."""

    NAME = quiz.QUIZ_BLOCK
    ARGUMENT = True
    OPTIONS: ClassVar[dict[str, tuple[Any, Any]]] = {
        "objective": ("", type_string),
        "section": ("", type_string),
        "multiple": (False, type_boolean),
        # Written by the end-of-day check: the session a copied question comes from.
        "session": ("", type_string),
    }

    def on_create(self, parent: etree.Element) -> etree.Element:
        qid = quiz.question_id(self.argument)
        session = self.options["session"]
        attrs = {
            "class": "cur-quiz",
            "id": ("eod-" if session else "") + qid,
            "data-cur-quiz": qid,
            "data-cur-objective": self.options["objective"],
            "data-cur-section": self.options["section"],
            "data-cur-multiple": "true" if self.options["multiple"] else "false",
        }
        if session:
            attrs["data-cur-session"] = session
        root = etree.SubElement(parent, "div", attrs)
        etree.SubElement(root, "div", {"class": "cur-quiz__source"})
        return root

    def on_add(self, block: etree.Element) -> etree.Element:
        source = block.find("div[@class='cur-quiz__source']")
        return source if source is not None else block

    def on_end(self, block: etree.Element) -> None:
        source = block.find("div[@class='cur-quiz__source']")
        if source is None:
            return
        block.remove(source)
        name = block.get("id", "quiz")
        multiple = block.get("data-cur-multiple") == "true"
        fieldset = etree.SubElement(block, "fieldset", {"class": "cur-quiz__fieldset"})
        legend = etree.SubElement(fieldset, "legend", {"class": "cur-quiz__stem"})
        legend.text = self.argument
        meta = etree.SubElement(fieldset, "p", {"class": "cur-quiz__meta"})
        objective_label(meta, block.get("data-cur-objective", ""))
        how = etree.SubElement(meta, "span", {"class": "cur-quiz__how"})
        how.text = "Choose all that apply." if multiple else "Choose one answer."
        options = etree.SubElement(fieldset, "ul", {"class": "cur-quiz__options"})
        number = 0
        for child in list(source):
            if child.tag in ("ul", "ol"):
                for item in child.findall("li"):
                    number += 1
                    self._option(options, item, name, number, multiple)
            else:
                fieldset.insert(list(fieldset).index(options), child)  # context before the options
        # Shown only with JavaScript, by quiz.css (.no-js): unhiding 69 of them on the whole-day page
        # once it had loaded cost a layout of the page.
        actions = etree.SubElement(block, "div", {"class": "cur-quiz__actions"})
        check = etree.SubElement(actions, "button", {"type": "button", "class": "md-button cur-quiz__check", "data-cur-quiz-check": ""})
        check.text = "Check answer"
        retry = etree.SubElement(actions, "button", {"type": "button", "class": "md-button cur-quiz__retry", "data-cur-quiz-retry": ""})
        retry.text = "Try again"
        status = etree.SubElement(block, "p", {"class": "cur-quiz__status", "role": "status"})
        status.text = ""

    def _option(self, options: etree.Element, item: etree.Element, name: str, number: int, multiple: bool) -> None:
        """One option: input, label, and its explanation (collapsed, verdict first)."""
        paragraphs = [child for child in item if child.tag == "p"]
        first = paragraphs[0] if paragraphs else item
        text = first.text or ""
        match = MARK.match(text)
        correct = bool(match and match.group("mark") != " ")
        first.text = text[match.end() :] if match else text
        li = etree.SubElement(options, "li", {"class": "cur-quiz__option", "data-cur-correct": "true" if correct else "false"})
        input_id = f"{name}-{number}"
        etree.SubElement(
            li,
            "input",
            {"type": "checkbox" if multiple else "radio", "name": name, "id": input_id, "value": str(number), "class": "cur-quiz__input"},
        )
        label = etree.SubElement(li, "label", {"for": input_id, "class": "cur-quiz__label"})
        label.text = first.text
        for child in list(first):  # inline children of the option text (none yet before inline parsing)
            label.append(child)
        details = etree.SubElement(li, "details", {"class": "cur-quiz__explanation"})
        summary = etree.SubElement(details, "summary")
        summary.text = "Explanation"
        verdict = etree.SubElement(details, "p", {"class": "cur-quiz__verdict"})
        strong = etree.SubElement(verdict, "strong")
        strong.text = "Right." if correct else "Not right."
        rest = [child for child in item if child is not first] if first is not item else []
        for child in rest:
            details.append(child)


class QuizBlocksExtension(BlocksExtension):
    """Registers the quiz block with pymdownx.blocks (alongside curriculum.blocks)."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        block_mgr.register(QuizBlock, self.getConfigs())


def makeExtension(*args: Any, **kwargs: Any) -> QuizBlocksExtension:
    return QuizBlocksExtension(*args, **kwargs)
