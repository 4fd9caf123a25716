"""The questions a reader can tick: the items of the « Questions à poser » lists of a page.

Topic pages end with a heading or a rubric named « Questions à poser à votre équipe soignante »
followed by a bullet list; some pages (``termbase_booklet_whole_pages``, the page of questions
itself) are lists of questions from top to bottom. An item is a question when its text holds a
question mark: « Voir aussi la page… » in such a list is not one.

A question's id is its page's name and a short digest of its text (``effets-indesirables.3fa2c1``):
stable when questions are added or moved, so a booklet saved last month still finds them; a
question whose wording changed simply drops out of it. In HTML each item gets the class
``termbase-livret-question`` and the id ``livret-q-<digest>``; the script adds the checkbox.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from docutils import nodes

TITLE = re.compile(r"^\s*questions\s+à\s+poser", re.IGNORECASE)
ITEM_CLASS = "termbase-livret-question"
LIST_CLASS = "termbase-livret-questions"
ID_PREFIX = "livret-q-"
#: Containers whose lists are asides (advice, summaries), never the questions themselves.
ASIDES = (nodes.Admonition, nodes.sidebar, nodes.topic)


@dataclass(frozen=True)
class Question:
    """One question of a page: its booklet id (``page.digest``) and its text as the page shows it."""

    id: str
    text: str


def question_text(item: nodes.list_item) -> str:
    """The item's visible text, one line (tooltips are attributes of term links, not text)."""
    return " ".join(item.astext().split())


def digest(text: str) -> str:
    """Six hex digits of the question's wording (case, accents' encoding and spacing ignored)."""
    key = " ".join(unicodedata.normalize("NFC", text).casefold().split())
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]


def is_question(text: str) -> bool:
    return "?" in text


def in_aside(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, ASIDES):
            return True
        parent = parent.parent
    return False


def titled_lists(doctree: nodes.Node) -> Iterator[nodes.bullet_list]:
    """Bullet lists under a « Questions à poser » heading (its subsections too) or rubric."""
    for section in doctree.findall(nodes.section):
        if section.children and isinstance(section[0], nodes.title) and TITLE.match(section[0].astext()):
            yield from (found for found in section.findall(nodes.bullet_list) if not in_aside(found))
    for rubric in doctree.findall(nodes.rubric):
        if TITLE.match(rubric.astext()):
            following = rubric.parent.index(rubric) + 1
            for sibling in rubric.parent.children[following:]:
                if isinstance(sibling, nodes.bullet_list):
                    yield sibling
                    break
                if not isinstance(sibling, (nodes.comment, nodes.target, nodes.Invisible)):
                    break


def question_lists(doctree: nodes.Node, whole_page: bool) -> list[nodes.bullet_list]:
    """The page's lists of questions, in document order, each once."""
    if whole_page:
        found = [found for found in doctree.findall(nodes.bullet_list) if not in_aside(found)]
    else:
        found = list(titled_lists(doctree))
    unique = {id(found_list): found_list for found_list in found}
    order = {id(node): index for index, node in enumerate(doctree.findall(nodes.bullet_list))}
    return sorted(unique.values(), key=lambda found_list: order[id(found_list)])


def mark_questions(doctree: nodes.Node, docname: str, whole_page: bool) -> list[Question]:
    """Mark the page's question items (class and id) and return them, in order."""
    questions: list[Question] = []
    seen: set[str] = set()
    for bullet_list in question_lists(doctree, whole_page):
        marked = False
        for item in bullet_list.children:
            if not isinstance(item, nodes.list_item):
                continue
            text = question_text(item)
            if not is_question(text):
                continue
            key = digest(text)
            while key in seen:  # the same wording twice on one page: the second is another question
                key = digest(key + text)
            seen.add(key)
            item["classes"].append(ITEM_CLASS)
            item["ids"].append(ID_PREFIX + key)
            questions.append(Question(f"{docname}.{key}", text))
            marked = True
        if marked:
            bullet_list["classes"].append(LIST_CLASS)
    return questions
