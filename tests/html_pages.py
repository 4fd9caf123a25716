"""Read built HTML pages for tests: text, attributes and resource URLs via the stdlib parser."""

from __future__ import annotations

import html.parser
from dataclasses import dataclass, field
from pathlib import Path

#: (tag, attribute) pairs through which a page loads a resource.
RESOURCE_ATTRIBUTES = {
    ("script", "src"),
    ("link", "href"),
    ("img", "src"),
    ("img", "srcset"),
    ("source", "src"),
    ("source", "srcset"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("embed", "src"),
    ("object", "data"),
    ("image", "href"),
    ("use", "href"),
}
#: <link rel=…> values that only name a relation and load nothing.
NON_LOADING_RELS = {"canonical", "alternate", "author", "license", "help", "search", "index", "next", "prev", "top", "up", "first", "last", "copyright", "glossary"}


@dataclass
class ParsedPage:
    html_lang: str | None = None
    text: str = ""
    resources: list[str] = field(default_factory=list)
    footer_text: str = ""


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._skip = 0
        self._footer = 0
        self._chunks: list[str] = []
        self._footer_chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.page.html_lang = values.get("lang")
        if tag in {"script", "style"}:
            self._skip += 1
        if tag == "footer" or self._footer:
            self._footer += 1
        rels = set(values.get("rel", "").lower().split())
        for name, value in values.items():
            if (tag, name) in RESOURCE_ATTRIBUTES and value:
                if tag == "link" and rels and rels <= NON_LOADING_RELS:
                    continue
                self.page.resources.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"} and self._skip:
            self._skip -= 1
        if self._footer:
            self._footer -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self._chunks.append(data)
        if self._footer:
            self._footer_chunks.append(data)

    def close(self) -> None:
        super().close()
        self.page.text = "".join(self._chunks)
        self.page.footer_text = " ".join("".join(self._footer_chunks).split())


def parse_page(path: Path) -> ParsedPage:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser.page


def is_external(url: str) -> bool:
    """True when a URL leaves the site (absolute http(s), protocol-relative or another scheme)."""
    url = url.strip().lower()
    return url.startswith(("http:", "https:", "//", "ftp:")) or (":" in url.split("/")[0] and not url.startswith(("data:", "#", "mailto:")))
