"""termbase.booklet's pure parts: which list items are questions, the printable body, page names,
the booklet's address (read and written as the browser does), « Mes questions »."""

from __future__ import annotations

from pathlib import Path

import pytest
from docutils import nodes

from conftest import DOCS
from termbase.booklet.__main__ import main
from termbase.booklet.address import Choice, format_address, parse_address
from termbase.booklet.latex import (
    ANSWER_LINES,
    BookletError,
    booklet_choice,
    booklet_pages,
    check_pages,
    check_questions,
    question_ids,
    questions_section,
    source_docnames,
)
from termbase.booklet.printable import printable_body
from termbase.booklet.questions import ITEM_CLASS, Question, digest, mark_questions


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


# -- The booklet's address ------------------------------------------------------------------------

#: An address as static/termbase-livret.js writes it (formatState: encodeURIComponent per item).
WRITTEN = "file:///home/x/_build/html/mon-livret.html#p=effets-indesirables,carte-patient&q=effets-indesirables.e5cb58,carte-patient.563b79"


def test_the_address_the_browser_writes_gives_its_pages_and_questions_in_order() -> None:
    expected = Choice(("effets-indesirables", "carte-patient"), ("effets-indesirables.e5cb58", "carte-patient.563b79"))
    assert parse_address(WRITTEN) == expected
    fragment = WRITTEN.split("#", 1)[1]
    for address in (fragment, "#" + fragment, "https://exemple.fr/mon-livret.html?" + fragment):
        assert parse_address(address) == expected, address
    assert format_address(expected) == fragment


def test_the_address_is_read_as_the_script_reads_it() -> None:
    assert parse_address("mon-livret.html#q=a.1&x=1&p=b,a,b,") == Choice(("b", "a"), ("a.1",)), "other keys ignored, repeats dropped"
    assert parse_address("#p=&q=a.1") == Choice((), ("a.1",))
    assert parse_address("#p=a%2Cb,%C3%A9t%C3%A9,bad%zz,%FF") == Choice(("a,b", "été"), ()), "undecodable items dropped"
    assert parse_address("mon-livret.html") is None and parse_address("#pp=a") is None and parse_address("") is None


def test_the_address_is_written_as_encodeURIComponent_writes_it() -> None:
    choice = Choice(("dossier/page été", "a(1)!*'~"), ())
    assert format_address(choice) == "p=dossier%2Fpage%20%C3%A9t%C3%A9,a(1)!*'~&q="
    assert parse_address(format_address(choice)) == choice


def test_livret_alone_or_pages_and_questions_never_both() -> None:
    assert booklet_choice("a b", "a.1 a.2,a.1", "") == Choice(("a", "b"), ("a.1", "a.2"))
    assert booklet_choice("", "", WRITTEN).pages == ("effets-indesirables", "carte-patient")
    with pytest.raises(BookletError, match="LIVRET ne se combine pas avec PAGES :"):
        booklet_choice("faq", "", WRITTEN)
    with pytest.raises(BookletError, match="LIVRET ne se combine pas avec PAGES et QUESTIONS"):
        booklet_choice("faq", "faq.123456", WRITTEN)
    with pytest.raises(BookletError, match="ne contient pas de livret.*#p="):
        booklet_choice("", "", "file:///home/x/_build/html/mon-livret.html")
    assert question_ids(["a.1 b.2", "a.1"]) == ["a.1", "b.2"]


def test_a_question_of_no_page_or_unknown_to_its_page_is_a_usage_error() -> None:
    known = {"effets-indesirables", "faq"}
    check_pages([], known, ["faq.123456"])  # a booklet of questions only
    with pytest.raises(BookletError, match="aucune page ni question"):
        check_pages([], known, [])
    with pytest.raises(BookletError, match="question\\(s\\) inconnue\\(s\\) : nulle-part.123456 "):
        check_pages(["faq"], known, ["faq.123456", "nulle-part.123456"])
    offered = [Question("faq.aaaaaa", "Quand ?"), Question("faq.bbbbbb", "Où ?")]
    assert check_questions(["faq.bbbbbb", "faq.aaaaaa"], offered) == offered[::-1]
    with pytest.raises(BookletError, match="inconnue.*faq.cccccc.*faq.aaaaaa \\(« Quand \\? »\\)"):
        check_questions(["faq.cccccc"], offered)


def test_my_questions_hold_each_question_its_page_and_ruled_lines_in_order() -> None:
    assert questions_section([]) is None
    section = questions_section([(Question("a.1", "Quand ?"), "Page A"), (Question("b.2", "Où ?"), "Page B")])
    assert section is not None and section[0].astext() == "Mes questions"
    paragraphs = [node.astext() for node in section.findall(nodes.paragraph)]
    assert paragraphs == ["1. Quand ?", "Page\u00a0: Page A", "2. Où ?", "Page\u00a0: Page B"]
    rules = [node.astext().count("\\rule{\\linewidth}") for node in section.findall(nodes.raw)]
    assert sum(rules) == 2 * ANSWER_LINES


def test_the_command_line_check_takes_questions_and_the_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DOCS), "--questions=effets-indesirables.e5cb58", "--livret="]) == 0
    assert main([str(DOCS), "--livret=" + WRITTEN]) == 0
    assert main([str(DOCS), "faq", "--livret=" + WRITTEN]) == 2
    assert "LIVRET ne se combine pas avec PAGES" in capsys.readouterr().err
    assert main([str(DOCS), "--questions=nulle-part.123456"]) == 2
    assert "nulle-part.123456" in capsys.readouterr().err
    assert main([str(DOCS), "faq", "--livre=x"]) == 2
    assert "option inconnue --livre=x" in capsys.readouterr().err
