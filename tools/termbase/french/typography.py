"""French spacing around high punctuation and guillemets, for HTML output.

French typography wants a narrow no-break space (U+202F) before ``; ! ?``, a no-break space
(U+00A0) before ``:`` and inside « », so that a line never starts with a lone punctuation mark.
Authors type plain spaces, or none at all ("Pourquoi?"), so the HTML output is fixed here.

Only HTML-like builders get it: in LaTeX, babel-french already inserts these spaces itself, and
adding ours would double them. The rules live in the pure function :func:`french_spacing`; the
post-transform :class:`FrenchSpacing` feeds it the text of each Text node that is prose (not
code, math, raw markup or a URL), with the characters just before and after the node so that
text split across inline nodes (``« {term}`x` »``, ``{term}`x`?``) is handled too.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import is_smartquotable

NNBSP = "\u202f"  # narrow no-break space: before ; ! ?
NBSP = "\u00a0"  # no-break space: before : and inside « »

# A run of spacing characters that may sit where a no-break space belongs (tabs, soft line
# breaks and no-break spaces already typed by the author are all normalised).
_SPACES = "[ \t\n\r\u00a0\u202f\u2009]"
# Characters after which a missing space before ; ! ? : is inserted: a letter or digit
# ("Pourquoi?") or a closing guillemet. Not after other punctuation ("?!" stays as typed).
_WORD_END = r"[^\W_]|»"
# URLs and e-mail addresses are not prose: "http://x.org/?a=b" keeps its characters.
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+|\S+@\S+\.\w+", re.IGNORECASE)

# "?" followed by what may legitimately follow a question mark in prose: a space, the end of the
# text, closing quotes or brackets, or more punctuation. "a?b" (a query string) is left alone.
_AFTER_HIGH = r"(?=$|[\s»)\]\"'’”!?.,;:…])"
_HIGH_WITH_SPACE = re.compile(_SPACES + r"+([;!?])" + _AFTER_HIGH)
_HIGH_WITHOUT_SPACE = re.compile(r"(?<=" + _WORD_END + r")([;!?])" + _AFTER_HIGH)
# ":" only when followed by a space or the end: times (10:30), ratios (1:2), "std::" stay.
_COLON_WITH_SPACE = re.compile(_SPACES + r"+:(?=$|\s)")
_COLON_WITHOUT_SPACE = re.compile(r"(?<=[^\W\d_]|»):(?=$|\s)")
_OPENING_GUILLEMET = re.compile("«" + _SPACES + "*")
_CLOSING_GUILLEMET = re.compile(_SPACES + "*»")

def french_spacing(text: str, *, before: str = "", after: str = "") -> str:
    """Return *text* with French no-break spaces before ``; ! ? :`` and inside « ».

    *before* and *after* are the characters that surround *text* in the rendered paragraph (the
    end of the previous inline node, the start of the next one); they are context only and are
    not part of the result. The function is idempotent: spaces already right stay as they are.
    """
    if not text:
        return text
    pieces: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        # Around a URL the context is the URL itself: never a word end, never a space.
        pieces.append(_space_prose(text[last : match.start()], before if last == 0 else "/", "/"))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_space_prose(text[last:], before if last == 0 else "/", after))
    return "".join(pieces)


def _space_prose(text: str, before: str, after: str) -> str:
    """Apply the spacing rules to prose (no URLs inside) whose neighbours are *before*/*after*."""
    if not text:
        return text
    work = _HIGH_WITH_SPACE.sub(NNBSP + r"\1", text)
    work = _HIGH_WITHOUT_SPACE.sub(NNBSP + r"\1", work)
    work = _COLON_WITH_SPACE.sub(NBSP + ":", work)
    work = _COLON_WITHOUT_SPACE.sub(NBSP + ":", work)
    work = _OPENING_GUILLEMET.sub(lambda m: m.group() if m.group() == "«" and m.end() == len(text) else "«" + NBSP, work)
    work = _CLOSING_GUILLEMET.sub(lambda m: m.group() if m.group() == "»" and m.start() == 0 else NBSP + "»", work)
    return _space_edges(work, before[-1:], after[:1])


def _space_edges(text: str, before: str, after: str) -> str:
    """Spacing owed to a neighbouring node: ``{term}`x`?``, ``« {term}`x` »``, ``x :{term}`y```."""
    word_before = bool(re.fullmatch(_WORD_END, before)) if before else False
    if before == "«":
        text = NBSP + text.lstrip(" \t\n\r\u00a0\u202f\u2009")
    elif word_before and re.match(r"[;!?]" + _AFTER_HIGH, text):
        text = NNBSP + text
    elif word_before and re.match(r":(?=$|\s)", text):
        text = NBSP + text
    elif text.startswith("»") and before and not before.isspace():
        text = NBSP + text
    elif text.startswith("«") and len(text) == 1 and after and not after.isspace():
        text = text + NBSP
    if text.endswith("«") and after and not after.isspace():
        text = text + NBSP
    elif re.search(_SPACES + "+$", text) and after in {";", "!", "?", ":", "»"}:
        space = NNBSP if after in {";", "!", "?"} else NBSP
        text = text.rstrip(" \t\n\r\u00a0\u202f\u2009") + space
    return text


class FrenchSpacing(SphinxPostTransform):
    """Apply :func:`french_spacing` to the prose Text nodes of HTML output."""

    # Late, after references are resolved and term links decorated: only text is touched.
    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not is_french(self.config.language):
            return
        texts = [node for node in self.document.findall(nodes.Text) if _is_prose(node)]
        all_texts = list(self.document.findall(nodes.Text))
        position = {id(node): index for index, node in enumerate(all_texts)}
        for node in texts:
            index = position[id(node)]
            before = _neighbour_text(all_texts, index, -1, node)
            after = _neighbour_text(all_texts, index, +1, node)
            new = french_spacing(str(node), before=before[-1:], after=after[:1])
            if new != str(node):
                node.parent.replace(node, nodes.Text(new))


class FrenchSpacingInTitles(SphinxTransform):
    """Apply :func:`french_spacing` to section titles while reading.

    Titles are also copied into the environment (``env.titles``, tables of contents) before any
    post-transform runs, and from there into ``<title>``, the navigation and previous/next links.
    Fixing them at read time covers all of those; babel-french in LaTeX treats a no-break space
    already present before ``?`` like its own, so this is safe for every builder.
    """

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        if not is_french(self.config.language):
            return
        if isinstance(self.document.get("title"), str):  # the <title> of HTML pages
            self.document["title"] = french_spacing(self.document["title"])
        for title in self.document.findall(nodes.title):
            texts = [node for node in title.findall(nodes.Text) if _is_prose(node)]
            for index, node in enumerate(texts):
                before = str(texts[index - 1])[-1:] if index else ""
                after = str(texts[index + 1])[:1] if index + 1 < len(texts) else ""
                new = french_spacing(str(node), before=before, after=after)
                if new != str(node):
                    node.parent.replace(node, nodes.Text(new))


def striptags_keeping_spaces(value: object) -> str:
    """Jinja's ``striptags`` without turning no-break spaces into plain spaces.

    Themes print page titles with ``{{ title|striptags|e }}`` (``<title>``, ``<link rel=next>``);
    the stock filter collapses every Unicode space, undoing the typography above. The no-break
    spaces are hidden as character references while the filter normalises whitespace, and come
    back as characters when it unescapes.
    """
    text = str(value).replace(NNBSP, "&#8239;").replace(NBSP, "&#160;")
    return Markup(text).striptags()


def install_title_filter(app: Any) -> None:
    """Replace ``striptags`` in the HTML builder's template environment (``builder-inited``)."""
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is not None and is_french(app.config.language):
        environment.filters["striptags"] = striptags_keeping_spaces


def is_french(language: str | None) -> bool:
    """Whether the project's ``language`` is French (fr, fr_FR, fr-CA…)."""
    return bool(language) and language.split("_")[0].split("-")[0].lower() == "fr"


def _is_prose(node: nodes.Text) -> bool:
    """French prose is what smartquotes would touch (not literal, code, math, raw or a comment),
    outside passages marked in another language (``language-en``: English titles of the
    bibliography, whose « Title: subtitle » takes no space before the colon)."""
    parent = node.parent
    if parent is None or isinstance(parent, (nodes.raw, nodes.comment, nodes.math, nodes.math_block)):
        return False
    return is_smartquotable(node) and not _in_other_language(node)


def _in_other_language(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        languages = [cls[len("language-") :] for cls in parent.get("classes", []) if cls.startswith("language-")]
        if languages:
            return not is_french(languages[0])
        parent = parent.parent
    return False


def _neighbour_text(texts: list[nodes.Text], index: int, step: int, node: nodes.Text) -> str:
    """The text just before/after *node* within the same paragraph, or "" at its edge."""
    other = index + step
    if not 0 <= other < len(texts):
        return ""
    paragraph = _block_of(node)
    neighbour = texts[other]
    if paragraph is None or _block_of(neighbour) is not paragraph:
        return ""
    return str(neighbour)


def _block_of(node: nodes.Node) -> nodes.Node | None:
    """The nearest enclosing text block (paragraph, title…): context never crosses it."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.TextElement) and not isinstance(parent, nodes.Inline):
            return parent
        parent = parent.parent
    return None
