"""The card layout of handouts (termbase.handouts.card) on hand-made doctrees: no LaTeX run."""

from __future__ import annotations

from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document
from sphinx import addnodes

from termbase.handouts.card import FACE_CLASS, TITLE_CLASS, face_body, is_card, lay_out_cards


def face(title: str, *paragraphs: nodes.Node) -> nodes.container:
    """A sphinx-design card as the MyST page makes it: card > body > (title, paragraphs)."""
    body = nodes.container(classes=["sd-card-body"])
    body += nodes.container("", nodes.Text(title), classes=[TITLE_CLASS])
    body.extend(paragraphs)
    return nodes.container("", body, classes=["sd-card", FACE_CLASS])


def page(*children: nodes.Node) -> nodes.document:
    document = new_document("carte", get_default_settings(Parser))
    section = nodes.section(ids=["carte"])
    section += nodes.title("", "Carte")
    section.extend(children)
    document += section
    return document


def latex_of(nodes_: list[nodes.Node]) -> str:
    return "".join(node.astext() if isinstance(node, nodes.raw) else "" for node in nodes_)


def test_layout_is_asked_in_the_front_matter() -> None:
    assert is_card("card") and is_card(" Card ") and not is_card(None) and not is_card("page")


def test_a_face_loses_its_web_title_and_citations_and_its_blanks_become_lines() -> None:
    cite = addnodes.pending_xref("", nodes.Text("haanen2022"), refdomain="cite", reftarget="haanen2022")
    card = face("Recto : mon traitement", nodes.paragraph("", "", nodes.Text("Nom : ________")), nodes.paragraph("", "", nodes.Text("même après l’arrêt "), cite, nodes.Text(".")))
    body = face_body(card)
    text = "".join(node.astext() for node in body)
    assert "Recto" not in text and "haanen2022" not in text
    assert "l’arrêt." in text, "no space is left before the full stop"
    assert r"\hrulefill" in "".join(node.astext() for node in body[0].findall(nodes.raw))
    assert "____" not in text


def test_faces_become_one_card_in_place_of_the_first() -> None:
    intro = nodes.paragraph("", "Découpez la carte.")
    after = nodes.paragraph("", "Ces signes sont ceux du guide.")
    document = page(intro, face("Recto", nodes.paragraph("", "Nom")), face("Verso", nodes.paragraph("", "Appelez")), after)
    assert lay_out_cards(document)
    section = document[0]
    assert section.index(intro) < len(section) - 1 and section[-1] is after
    assert not [node for node in document.findall(nodes.container) if FACE_CLASS in node["classes"]]
    raw = "".join(node.astext() for node in document.findall(nodes.raw))
    assert raw.count(r"\begin{termbasecardface}") == 2 and raw.count(r"\end{termbasecardface}") == 2
    # Front and back sit in one row: the end of one and the start of the next share a raw node.
    assert r"\end{termbasecardface}%" + "\n" + r"\begin{termbasecardface}" in raw


def test_a_page_without_faces_is_left_alone() -> None:
    document = page(nodes.paragraph("", "Texte"))
    assert not lay_out_cards(document)
    assert not list(document.findall(nodes.raw))
