"""The ``card`` layout of a handout: a wallet card to cut out, fold and keep.

A page with ``handout_layout: card`` in its front matter prints as one A4 sheet: its text (the
instructions), then its card faces as credit-card-sized panels (85.6 × 54 mm, ISO/IEC 7810 ID-1).
Faces are the page's sphinx-design cards with the class ``carte-face``
(``:class-card: carte-face``), taken two by two: the first is the front, the second the back,
side by side with a dashed cutting line around them and a dotted folding line between them. Folded
along the dots, text outward, and glued, they make one card (:data:`COPIES` on the sheet).

On the card, what only a screen needs goes: the web page's face titles (« Recto : … ») and the
citations (the sheet lists the sources under the cards). A run of four underscores or more is a
blank to fill in by hand: it becomes a line to the end of the text line. tcolorbox's ``fit``
shrinks the type of a face whose text would not fit its panel, so nothing is ever cut.

Parts of the page that only the website should show go in ``{only} not builder_handouts``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Sequence

from docutils import nodes
from sphinx import addnodes

#: Front-matter value of ``handout_layout`` that asks for this layout.
CARD_LAYOUT = "card"
#: Class of a sphinx-design card that is a face of the printed card.
FACE_CLASS = "carte-face"
TITLE_CLASS = "sd-card-title"
#: How many copies of the card the sheet carries: one, so that the instructions, the card, its sources
#: and the disclaimer fit on one A4 page (print the sheet again for a relative).
COPIES = 1
BLANK = re.compile(r"_{4,}")

#: Loaded only by card sheets: tcolorbox (skins for the cutting lines, fitting for the type size).
CARD_PREAMBLE = r"""
% -- termbase handouts: cut-out card ---------------------------------------------------------
\usepackage{tcolorbox}
\tcbuselibrary{skins,fitting}
% A card sheet is one page: past it, the sheet is set in the smaller type (see HANDOUT_PREAMBLE).
\renewcommand\termbasemaxpages{1}
\newtcolorbox{termbasecardface}[1]{enhanced, width=85.6mm, height=54mm, fit, nobeforeafter,
  boxsep=0pt, left=3mm, right=3mm, top=2.5mm, bottom=2.5mm, colback=white, frame hidden,
  sharp corners, fontupper=\sffamily\small, before upper={\setlength{\parskip}{0.45em}\raggedright}, #1}
"""

#: The front: dashed (cut) on three sides, dotted (fold) on the side it shares with the back.
FRONT = (
    r"overlay={\draw[dashed] (frame.north east) -- (frame.north west) -- (frame.south west) -- (frame.south east);"
    r"\draw[densely dotted] (frame.north east) -- (frame.south east);}"
)
BACK = r"overlay={\draw[dashed] (frame.north west) -- (frame.north east) -- (frame.south east) -- (frame.south west);}"
SINGLE = r"overlay={\draw[dashed] (frame.north west) rectangle (frame.south east);}"


def is_card(layout: object) -> bool:
    """Whether a page's ``handout_layout`` asks for the card layout."""
    return str(layout or "").strip().casefold() == CARD_LAYOUT


def faces(tree: nodes.Node) -> list[nodes.container]:
    """The card faces of a page, in reading order."""
    return [node for node in tree.findall(nodes.container) if FACE_CLASS in node.get("classes", [])]


def latex(text: str) -> nodes.raw:
    return nodes.raw("", text, format="latex")


def face_body(face: nodes.container) -> list[nodes.Node]:
    """What a face prints: its content without the web title, citations and with blanks as lines."""
    face = copy.deepcopy(face)
    for title in [node for node in face.findall(nodes.container) if TITLE_CLASS in node.get("classes", [])]:
        title.parent.remove(title)
    drop_citations(face)
    for text in list(face.findall(nodes.Text)):
        if BLANK.search(str(text)):
            parts: list[nodes.Node] = []
            for index, piece in enumerate(BLANK.split(str(text))):
                if index:
                    parts.append(latex(r"\hrulefill{}"))
                if piece:
                    parts.append(nodes.Text(piece))
            parent = text.parent
            position = parent.index(text)
            parent.remove(text)
            for offset, part in enumerate(parts):
                parent.insert(position + offset, part)
    body = face
    while len(body.children) == 1 and isinstance(body[0], nodes.container):  # sd-card > sd-card-body
        body = body[0]
    return list(body.children)


def drop_citations(tree: nodes.Node) -> None:
    """Remove citation references and the space before them (« l’arrêt [Haanen…]. » → « l’arrêt. »)."""
    for xref in list(tree.findall(addnodes.pending_xref)):
        if xref.get("refdomain") != "cite":
            continue
        parent = xref.parent
        index = parent.index(xref)
        if index and isinstance(parent[index - 1], nodes.Text):
            parent.replace(parent[index - 1], nodes.Text(str(parent[index - 1]).rstrip()))
        parent.remove(xref)


def pairs(items: Sequence[nodes.container]) -> Iterable[tuple[nodes.container, ...]]:
    """Faces two by two (front, back); a last face alone is a one-sided card."""
    for start in range(0, len(items), 2):
        yield tuple(items[start : start + 2])


def card_block(pair: tuple[nodes.container, ...]) -> nodes.container:
    """One cut-out card: front and back side by side, centred.

    The end of a face and the start of the next share one raw node: the LaTeX writer puts line
    breaks around each raw node, and a blank line between the two boxes would stack them.
    """
    block = nodes.container(classes=["termbase-handout-card"])
    options = (FRONT, BACK) if len(pair) == 2 else (SINGLE,)
    opening = r"\par{\centering\noindent"
    for face, option in zip(pair, options, strict=True):
        block += latex(f"{opening}\n\\begin{{termbasecardface}}{{{option}}}")
        block.extend(face_body(face))
        opening = r"\end{termbasecardface}%"
    block += latex(r"\end{termbasecardface}\par}")
    return block


def lay_out_cards(tree: nodes.document) -> bool:
    """Replace the page's faces by its cut-out cards, :data:`COPIES` times; say whether it had any."""
    found = faces(tree)
    if not found:
        return False
    sheet = nodes.container(classes=["termbase-handout-cards"])
    sheet += latex(r"\par\vspace{1em}")
    for copy_number in range(COPIES):
        for pair in pairs(found):
            sheet += card_block(pair)
            sheet += latex(r"\par\vspace{3mm}")
    parent = found[0].parent
    parent.insert(parent.index(found[0]), sheet)  # not replace_self: it would give the sheet the face's classes
    for face in found:
        face.parent.remove(face)
    return True
