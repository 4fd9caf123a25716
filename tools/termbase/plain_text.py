"""Plain text of a MyST definition: for exports, tooltips and the ``short`` fallback.

The body is tokenised with myst-parser's own markdown-it configuration (not regular expressions),
then inline tokens are flattened: markup is dropped, ``{term}`texte <cible>``` keeps *texte*,
citation roles vanish (a tooltip or a CSV cell has no bibliography to point to).
"""

from __future__ import annotations

import functools
import re
from typing import Any

#: Roles whose explicit title (``titre <cible>``) is what the reader sees.
TITLED_ROLES = frozenset({"term", "doc", "ref", "numref", "download", "any", "abbr"})
EXPLICIT_TITLE = re.compile(r"^(.+?)\s*<([^<>]*)>$", re.DOTALL)
SPACE_BEFORE_CLOSING = re.compile(r"[ \t]+(?=[.,)])")
SENTENCE_END = re.compile(r"[.!?…](?:[ \u00a0\u202f]*[»)])?(?=\s+[A-ZÀ-ÖØ-Þ«\"(]|\s*$)")


@functools.lru_cache(maxsize=1)
def _markdown() -> Any:
    """A markdown-it parser configured like MyST pages (roles, colon fences, deflists)."""
    from myst_parser.config.main import MdParserConfig
    from myst_parser.mdit_to_docutils.base import DocutilsRenderer
    from myst_parser.parsers.mdit import create_md_parser

    config = MdParserConfig(enable_extensions={"colon_fence", "deflist", "attrs_inline", "attrs_block"})
    return create_md_parser(config, DocutilsRenderer)


def _role_text(name: str, content: str) -> str:
    if name.startswith("cite") or name == "footcite":
        return ""
    match = EXPLICIT_TITLE.match(content)
    if name in TITLED_ROLES and match:
        return match.group(1)
    return content


def _inline_text(children: list[Any]) -> str:
    parts: list[str] = []
    for token in children:
        if token.type in ("text", "code_inline", "math_inline"):
            parts.append(token.content)
        elif token.type == "myst_role":
            parts.append(_role_text(str(token.meta.get("name", "")), token.content))
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "image":
            parts.append(_inline_text(token.children or []))
    text = " ".join("".join(parts).split())
    return SPACE_BEFORE_CLOSING.sub("", text)


def markdown_to_plain(text: str) -> str:
    """Plain text of MyST Markdown: one line per paragraph or list item, blank line between."""
    paragraphs = [
        _inline_text(token.children or [])
        for token in _markdown().parse(text)
        if token.type == "inline"
    ]
    return "\n\n".join(p for p in paragraphs if p)


def first_sentence(plain: str) -> str:
    """The first sentence of a plain-text definition (the whole first paragraph if unpunctuated)."""
    paragraph = plain.strip().split("\n\n", 1)[0].strip()
    match = SENTENCE_END.search(paragraph)
    return paragraph[: match.end()].strip() if match else paragraph
