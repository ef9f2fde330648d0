"""The session page's own block types, as pymdownx.blocks extensions.

Authors write::

    /// activity | Trace one order through the pipeline
        minutes: 20
        output: a sequence diagram of the order's journey

    Instructions in Markdown ...
    ///

    /// question | Which layer keeps the raw, unchanged copy of each record?
        objective: components

    **Answer:** the landing (raw) zone. Explanation ...
    ///

    /// solution
    A worked answer, collapsed until the learner opens it ...
    ///

    /// facilitator
    Timing cue, questions for the room, misconceptions ...
    ///

The option names and block names come from :mod:`curriculum.model`, which the
checker uses to verify the same blocks; rendering is plain HTML elements with
``cur-`` classes styled in ``docs/assets/stylesheets/curriculum.css``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_any, type_string

from . import model
from .quizblock import objective_label

SOLUTION_BLOCK = "solution"
SOLUTION_SUMMARY = "Worked solution"


class Activity(Block):
    """A timed group activity: title, minutes and what the group produces."""

    NAME = model.ACTIVITY_BLOCK
    ARGUMENT = True
    OPTIONS = {"minutes": (None, type_any), "output": ("", type_string)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        el = etree.SubElement(parent, "div", {"class": "admonition cur-activity"})
        title = etree.SubElement(el, "p", {"class": "admonition-title"})
        title.text = f"Activity: {self.argument}"
        minutes = self.options["minutes"]
        if minutes:
            badge = etree.SubElement(title, "span", {"class": "cur-activity__time"})
            badge.text = f"{minutes} min"
        if self.options["output"]:
            output = etree.SubElement(el, "p", {"class": "cur-activity__output"})
            label = etree.SubElement(output, "strong")
            label.text = "What you produce:"
            label.tail = " " + self.options["output"]
        return el


class Question(Block):
    """A knowledge-check question; the answer stays closed until the reader opens it."""

    NAME = model.QUESTION_BLOCK
    ARGUMENT = True
    OPTIONS = {"objective": ("", type_string)}

    def on_create(self, parent: etree.Element) -> etree.Element:
        objective = self.options["objective"]
        el = etree.SubElement(parent, "details", {"class": "question cur-question", "data-objective": objective})
        summary = etree.SubElement(el, "summary")
        summary.text = self.argument
        if objective:
            # The objective's own words replace the id once the page is built (curriculum.objectives).
            tag = etree.SubElement(summary, "span", {"class": "cur-question__objective"})
            objective_label(tag, objective)
        return el

    def on_add(self, block: etree.Element) -> etree.Element:
        answer = block.find("div[@class='cur-question__answer']")
        if answer is None:
            answer = etree.SubElement(block, "div", {"class": "cur-question__answer"})
        return answer


class Solution(Block):
    """A worked solution placed right after an activity.

    It renders collapsed so a self-paced learner tries the activity first and
    opens the answer afterwards; print.css keeps it closed on paper, so a
    handout never prints the answer next to the task.
    """

    NAME = SOLUTION_BLOCK
    ARGUMENT = None
    OPTIONS: dict[str, Any] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        el = etree.SubElement(parent, "details", {"class": "success cur-solution"})
        summary = etree.SubElement(el, "summary")
        summary.text = self.argument or SOLUTION_SUMMARY
        return el

    def on_add(self, block: etree.Element) -> etree.Element:
        body = block.find("div[@class='cur-solution__body']")
        if body is None:
            body = etree.SubElement(block, "div", {"class": "cur-solution__body"})
        return body


class Facilitator(Block):
    """Notes for the person running the room: hidden from learners, never indexed."""

    NAME = model.FACILITATOR_BLOCK
    ARGUMENT = None
    OPTIONS: dict[str, Any] = {}

    def on_create(self, parent: etree.Element) -> etree.Element:
        el = etree.SubElement(
            parent,
            "aside",
            # role="note": a page holds several notes, and several <aside>
            # landmarks with one name fail axe's landmark-unique.
            {"class": "cur-facilitator", "data-search-exclude": "", "role": "note", "aria-label": "Facilitator note"},
        )
        title = etree.SubElement(el, "p", {"class": "cur-facilitator__title"})
        title.text = f"Facilitator note{': ' + self.argument if self.argument else ''}"
        return el


class CurriculumBlocksExtension(BlocksExtension):
    """Registers the session blocks with pymdownx.blocks."""

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:
        for block in (Activity, Question, Solution, Facilitator):
            block_mgr.register(block, self.getConfigs())


def makeExtension(*args: Any, **kwargs: Any) -> CurriculumBlocksExtension:
    return CurriculumBlocksExtension(*args, **kwargs)
