"""A page's body as the booklet prints it: the article without what only the screen needs.

The booklet page shows several pages of the guide in one document, so each body is rewritten
once, at build time: tooltips' hidden texts, the header's buttons and review line (the booklet
prints its own) and heading anchors go; ``aria-describedby`` goes with the tooltips it named;
headings move one level down (the booklet's title is the only ``h1``); ids get the page's name
as prefix (two pages both have « questions-a-poser… »), and in-page links follow them.
"""

from __future__ import annotations

import html
import html.parser

#: Elements dropped with their content, by class.
DROPPED_CLASSES = frozenset({"termbase-page-tools", "termbase-review-dates", "headerlink", "termbase-print-address"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
HEADINGS = {f"h{level}": f"h{min(level + 1, 6)}" for level in range(1, 7)}


def is_dropped(tag: str, attrs: dict[str, str | None]) -> bool:
    classes = set((attrs.get("class") or "").split())
    return tag == "button" or attrs.get("role") == "tooltip" or bool(classes & DROPPED_CLASSES)


class _Rewriter(html.parser.HTMLParser):
    def __init__(self, prefix: str, page_uri: str) -> None:
        super().__init__(convert_charrefs=True)
        self.prefix = prefix
        self.page_uri = page_uri
        self.out: list[str] = []
        self.stack: list[str] = []  # open tags; "" marks the dropped element
        self.dropping = 0  # depth inside a dropped element

    def attributes(self, attrs: list[tuple[str, str | None]]) -> str:
        parts = []
        for name, value in attrs:
            if name == "aria-describedby":
                continue
            if name in {"id", "for", "aria-labelledby"} and value:
                value = " ".join(self.prefix + token for token in value.split())
            elif name == "href" and value and value.startswith("#"):
                value = self.page_uri + value
            parts.append(f" {name}" if value is None else f' {name}="{html.escape(value)}"')
        return "".join(parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag not in VOID:
                self.dropping += 1
            return
        if is_dropped(tag, dict(attrs)):
            if tag not in VOID:
                self.dropping = 1
            return
        self.out.append(f"<{HEADINGS.get(tag, tag)}{self.attributes(attrs)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.dropping and not is_dropped(tag, dict(attrs)):
            self.out.append(f"<{tag}{self.attributes(attrs)}/>")

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag not in VOID:
                self.dropping -= 1
            return
        if tag not in VOID:
            self.out.append(f"</{HEADINGS.get(tag, tag)}>")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(html.escape(data, quote=False))


def printable_body(body: str, docname: str, page_uri: str) -> str:
    """The body HTML of page ``docname`` (written at ``page_uri``) as the booklet prints it."""
    rewriter = _Rewriter(f"livret-{docname.replace('/', '-')}-", page_uri)
    rewriter.feed(body)
    rewriter.close()
    return "".join(rewriter.out).strip()
