"""« Signaler une erreur » (termbase.handouts.report_error): shown when conf.py sets the address,
nothing at all when it does not."""

from __future__ import annotations

from types import SimpleNamespace

import jinja2
from docutils import nodes

from conftest import DOCS
from termbase.handouts import report_error
from termbase.handouts.backmatter import about_section

URL = "https://signalement.example.invalid/immunoguide"
TEMPLATE = (DOCS / "_templates" / "report-error.html").read_text(encoding="utf-8")


def footer(url: str) -> str:
    app = SimpleNamespace(config=SimpleNamespace(termbase_report_error_url=url))
    context: dict[str, object] = {}
    report_error.on_html_page_context(app, "index", "page.html", context, None)
    return jinja2.Environment(autoescape=True).from_string(TEMPLATE).render(**context).strip()


def test_every_page_links_the_report_address_when_set() -> None:
    html = footer(URL)
    assert f'<a href="{URL}">Signaler une erreur</a>' in html


def test_no_link_and_no_text_when_the_address_is_not_set() -> None:
    assert footer("") == ""
    assert footer("   ") == ""


def test_the_site_footer_uses_the_template() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert '"footer_start": ["disclaimer", "report-error"]' in conf


def role(url: str) -> list[nodes.Node]:
    env = SimpleNamespace(config=SimpleNamespace(termbase_report_error_url=url))
    inliner = SimpleNamespace(document=SimpleNamespace(settings=SimpleNamespace(env=env)))
    found, messages = report_error.report_error_role("report-error", "{report-error}`Signalez-la`", "Signalez-la", 1, inliner)  # type: ignore[arg-type]
    assert messages == []
    return found


def test_the_role_links_its_text_only_when_set() -> None:
    (link,) = role(URL)
    assert isinstance(link, nodes.reference) and link["refuri"] == URL and link.astext() == "Signalez-la"
    (text,) = role("")
    assert isinstance(text, nodes.Text) and text.astext() == "Signalez-la"


def test_handouts_print_the_address_only_when_set() -> None:
    with_url = about_section((None, None), "", "page", (("Avertissement", True),), URL).astext()
    assert f"Signaler une erreur\u00a0: {URL}" in with_url
    without = about_section((None, None), "", "page", (("Avertissement", True),), "").astext()
    assert "Signaler" not in without


def test_the_guide_title_page_macro_is_empty_without_an_address() -> None:
    assert report_error.latex_macro("") == "\n\\providecommand{\\termbasereporterror}{}\n"
    macro = report_error.latex_macro("mailto:erreurs@example.invalid")
    assert "\\href{mailto:erreurs@example.invalid}{\\nolinkurl{erreurs@example.invalid}}" in macro
    assert "\\termbasereporterror" in (DOCS / "conf.py").read_text(encoding="utf-8")
