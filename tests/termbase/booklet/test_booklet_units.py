"""termbase.booklet's pure parts: which list items are questions, the printable body, page names."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes

from conftest import DOCS
from termbase.booklet.__main__ import main
from termbase.booklet.latex import BookletError, booklet_pages, check_pages, source_docnames
from termbase.booklet.printable import printable_body
from termbase.booklet.questions import ITEM_CLASS, digest, mark_questions


def bullet_list(*texts: str) -> nodes.bullet_list:
    found = nodes.bullet_list()
    for text in texts:
        found += nodes.list_item("", nodes.paragraph(text, text))
    return found


def section(title: str, *children: nodes.Node) -> nodes.section:
    found = nodes.section()
    found += nodes.title(title, title)
    found.extend(children)
    return found


def page(*children: nodes.Node) -> nodes.document:
    document = nodes.document(None, None)
    document.extend(children)
    return document


def test_items_under_a_questions_heading_are_questions_and_get_their_id() -> None:
    tree = page(section("Questions à poser à votre équipe soignante", bullet_list("Quel numéro appeler ?", "Voir aussi la page X.")))
    questions = mark_questions(tree, "effets", whole_page=False)
    assert [(q.id, q.text) for q in questions] == [(f"effets.{digest('Quel numéro appeler ?')}", "Quel numéro appeler ?")]
    first, second = tree.findall(nodes.list_item)
    assert ITEM_CLASS in first["classes"] and first["ids"] == [f"livret-q-{digest('Quel numéro appeler ?')}"]
    assert ITEM_CLASS not in second["classes"], "an item without a question mark is not a question"


def test_a_rubric_takes_the_list_that_follows_it() -> None:
    rubric = nodes.rubric("Questions à poser à votre équipe soignante", "Questions à poser à votre équipe soignante")
    tree = page(section("Carte", bullet_list("Avant ?"), rubric, bullet_list("Avez-vous une carte ?")))
    assert [q.text for q in mark_questions(tree, "carte", whole_page=False)] == ["Avez-vous une carte ?"]


def test_lists_elsewhere_and_in_admonitions_are_not_questions() -> None:
    advice = nodes.admonition("", bullet_list("Venez avec un proche ?"))
    tree = page(section("Ailleurs", bullet_list("Pourquoi ?")), section("Questions à poser", advice, bullet_list("Quand ?")))
    assert [q.text for q in mark_questions(tree, "p", whole_page=False)] == ["Quand ?"]
    whole = page(section("Avant", advice.deepcopy(), bullet_list("Pourquoi ?")), section("Après", bullet_list("Et ensuite ?")))
    assert [q.text for q in mark_questions(whole, "p", whole_page=True)] == ["Pourquoi ?", "Et ensuite ?"]


def test_question_ids_do_not_move_when_a_question_is_added_before() -> None:
    before = mark_questions(page(section("Questions à poser", bullet_list("B ?"))), "p", whole_page=False)
    after = mark_questions(page(section("Questions à poser", bullet_list("A ?", "B ?"))), "p", whole_page=False)
    assert before[0].id == after[1].id


def test_printable_body_drops_tooltips_buttons_and_review_line_and_shifts_headings() -> None:
    body = (
        '<section id="titre"><h1>Titre<a class="headerlink" href="#titre">#</a></h1>'
        '<p class="termbase-review-dates no-search">Dernière relecture</p>'
        '<p class="termbase-page-tools no-search"><button type="button" hidden>Imprimer cette page</button></p>'
        '<p>L’<span class="termbase-term"><a aria-describedby="tt-x-1" href="glossaire.html#term-x">x</a>'
        '<span role="tooltip" id="tt-x-1" hidden>Définition <span>cachée</span>.</span></span> et '
        '<a href="#titre">ici</a>&nbsp;&amp; <img src="_images/a.svg" alt="A"></p><h2>Sous-titre</h2></section>'
    )
    printed = printable_body(body, "effets", "effets.html")
    assert "Définition" not in printed and "Imprimer" not in printed and "relecture" not in printed
    assert "aria-describedby" not in printed and "headerlink" not in printed
    assert '<h2>Titre</h2>' in printed and "<h3>Sous-titre</h3>" in printed
    assert 'id="livret-effets-titre"' in printed and 'href="effets.html#titre"' in printed
    assert "\u00a0&amp; " in printed and '<img src="_images/a.svg" alt="A">' in printed


def test_page_names_come_with_spaces_or_commas_in_order_once() -> None:
    assert booklet_pages("effets-indesirables carte-patient,faq  effets-indesirables") == ["effets-indesirables", "carte-patient", "faq"]
    assert booklet_pages(["a.md", "b"]) == ["a", "b"]


def test_unknown_page_names_are_a_usage_error_naming_them() -> None:
    known = source_docnames(DOCS, [".md"])
    assert {"effets-indesirables", "carte-patient"} <= known and not any(name.startswith("_") for name in known)
    check_pages(["effets-indesirables", "carte-patient"], known)
    with pytest.raises(BookletError, match="inconnue.*effets-indesirable[^s]"):
        check_pages(["effets-indesirable"], known)
    with pytest.raises(BookletError, match="aucune page"):
        check_pages([], known)


def test_the_command_line_check_exits_2_on_an_unknown_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DOCS), "effets-indesirables", "carte-patient"]) == 0
    assert main([str(DOCS), "effets-indesirables", "nulle-part"]) == 2
    assert "nulle-part" in capsys.readouterr().err
    assert main([str(Path(DOCS, "absent")), "faq"]) == 2
