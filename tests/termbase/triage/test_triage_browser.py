"""« Quand appeler ? » in Chromium: every answer path, the URL hash, search, no JavaScript, axe, touch, print.

Run on two sites: the fixture root ``test-triage-valid`` (three symptoms, always there) and the real
site's ``quand-appeler`` page (every file of ``triage/``). The expected level of each path comes from
Python (:meth:`docscheck.records.TriageEntry.decide`), an oracle independent of the script.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from conftest import PROJECT_ROOT, sphinx_build
from docscheck.project import load_triage
from docscheck.records import TRIAGE_LEVELS, TriageEntry
from termbase.triage import wording

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:Session-scoped fixtures defined as instance methods:pytest.PytestRemovedIn10Warning"),
]

ROOTS = Path(__file__).resolve().parents[2] / "roots"
AXE = PROJECT_ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
ANSWER_WORDS = {"oui": True, "nsp": True, "non": False}
SITES = {
    "fixture": (ROOTS / "test-triage-valid", "guide.html"),
    "site": (PROJECT_ROOT, "quand-appeler.html"),
}
DEVICES = {
    "1280px": {"viewport": {"width": 1280, "height": 900}},
    "390px-touch": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("triage-browser")
    result = sphinx_build("html", ROOTS / "test-triage-valid", out, "-d", str(tmp_path_factory.mktemp("triage-browser-doctrees")))
    assert result.returncode == 0, result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module", params=list(SITES))
def guide(request: pytest.FixtureRequest) -> tuple[str, list[TriageEntry]]:
    """The guide's address and the usable entries it shows."""
    root, page = SITES[request.param]
    if not [path for path in (root / "triage").glob("*.md") if path.name.lower() != "readme.md"]:
        pytest.skip(f"{root / 'triage'} holds no symptom yet")
    base = request.getfixturevalue("fixture_url" if request.param == "fixture" else "site_url")
    entries, _findings = load_triage(root / "triage", root)
    if request.param == "fixture":
        assert len(entries) == 3
    return f"{base}/{page}", entries


@pytest.fixture(params=list(DEVICES))
def tab(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(**DEVICES[request.param])
    yield context.new_page()
    context.close()


def open_guide(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".triage-app:not([hidden])")


def step(page: Page) -> str:
    return page.evaluate("""() => {
        const shown = [...document.querySelectorAll('.triage-app .triage-step')].filter(s => !s.hidden);
        return shown.map(s => s.className.match(/triage-step-(\\w+)/)[1]).join(',');
    }""")


def expected(entry: TriageEntry, hash_: str) -> str:
    parts = hash_.lstrip("#").split("/")[1:]
    answers = [ANSWER_WORDS[p] for p in parts if p in ANSWER_WORDS]
    rest = [p for p in parts if p not in ANSWER_WORDS]
    family: str | None = ""
    if rest:
        family = None if rest[0] == "inconnu" else rest[0]
    return entry.decide(answers, family) or ""


def walk(page: Page, hash_: str, leaves: list[str]) -> None:
    """Follow every button from the state ``hash_`` by clicking it; collect the results' hashes."""
    page.evaluate("h => { location.hash = h; }", hash_)
    page.wait_for_function("h => location.hash === h", arg=hash_)
    current = step(page)
    if current == "result":
        leaves.append(hash_)
        return
    assert current == "question", f"{hash_}: shows {current!r}, not one question"
    count = page.locator(".triage-buttons button").count()
    assert count >= 2
    for index in range(count):
        page.evaluate("h => { location.hash = h; }", hash_)
        page.wait_for_function("h => location.hash === h", arg=hash_)
        page.locator(".triage-buttons button").nth(index).click()
        page.wait_for_function("h => location.hash !== h", arg=hash_)
        next_hash = page.evaluate("() => decodeURIComponent(location.hash)")
        walk(page, next_hash, leaves)


def test_every_answer_path_of_every_symptom_reaches_exactly_one_action(page: Page, guide: tuple[str, list[TriageEntry]]) -> None:
    url, entries = guide
    open_guide(page, url)
    labels = {level: wording.level_label(level) for level in TRIAGE_LEVELS}
    for entry in entries:
        leaves: list[str] = []
        walk(page, f"#{entry.slug}", leaves)
        # one leaf per path (and per family choice where the family is asked)
        assert len(leaves) >= len(entry.paths()), f"{entry.slug}: {leaves}"
        for leaf in leaves:
            page.evaluate("h => { location.hash = h; }", leaf)
            page.wait_for_function("h => location.hash === h", arg=leaf)
            actions = page.locator(".triage-app .triage-result-action:visible")
            assert actions.count() == 1, leaf
            level = expected(entry, leaf)
            assert page.locator(".triage-step-result").get_attribute("data-level") == level, leaf
            assert labels[level] in actions.inner_text(), leaf
        answered = {tuple(ANSWER_WORDS[p] for p in leaf.split("/")[1:] if p in ANSWER_WORDS) for leaf in leaves}
        assert {path.answers for path in entry.paths()} <= answered, entry.slug


def test_the_url_hash_restores_the_state_and_the_back_button_works(page: Page, guide: tuple[str, list[TriageEntry]]) -> None:
    url, entries = guide
    entry = next((e for e in entries if len(e.questions) >= 2), None) or entries[0]
    page.goto(f"{url}#{entry.slug}")
    page.wait_for_selector(".triage-app:not([hidden])")
    assert step(page) == ("question" if entry.questions else "result")
    if not entry.questions:
        return
    assert page.locator(".triage-ask").inner_text() == wording.french_spacing(entry.questions[0].ask)
    page.get_by_role("button", name="Non", exact=True).click()
    assert page.evaluate("() => location.hash") == f"#{entry.slug}/non"
    assert page.locator(".triage-ask").inner_text() == wording.french_spacing(entry.questions[1].ask)
    page.go_back()
    page.wait_for_function("h => location.hash === h", arg=f"#{entry.slug}")
    assert page.locator(".triage-ask").inner_text() == wording.french_spacing(entry.questions[0].ask)
    hash_ = f"#{entry.slug}/oui"
    page.goto(f"{url}{hash_}")
    page.reload()
    page.wait_for_selector(".triage-app:not([hidden])")
    assert step(page) in ("result", "question")
    if step(page) == "result":
        assert page.locator(".triage-step-result").get_attribute("data-level") == expected(entry, hash_)


def test_search_knows_the_patients_words_without_accents_or_case(page: Page, fixture_url: str) -> None:
    open_guide(page, f"{fixture_url}/guide.html")
    for query in ("j’ai de la fièvre", "J'AI DE LA FIEVRE", "frisson", "selles liquides"):
        page.fill("#triage-search", query)
        visible = page.locator(".triage-list li:not([hidden]) a").all_inner_texts()
        assert visible and visible[0] == ("Diarrhée" if "selles" in query else "Fièvre"), (query, visible)
    page.fill("#triage-search", "j’ai des frissons")
    page.press("#triage-search", "Enter")  # the best match
    page.wait_for_function("() => location.hash === '#fievre'")
    assert page.evaluate("() => document.activeElement.id") == "triage-ask"
    page.get_by_role("button", name="Choisir un autre signe").first.click()
    page.fill("#triage-search", "xyzzy")
    assert page.locator(".triage-list li:not([hidden])").count() == 0
    assert "Aucun signe ne correspond" in page.locator(".triage-count").inner_text()


def test_keyboard_moves_focus_to_the_question_then_to_the_result(page: Page, fixture_url: str) -> None:
    open_guide(page, f"{fixture_url}/guide.html")
    page.locator(".triage-choice", has_text="Confusion").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#confusion'")
    assert page.evaluate("() => document.activeElement.className") == "triage-result-title"
    assert page.locator(".triage-live").inner_text() == wording.level_label("samu") + "."
    page.evaluate("() => { location.hash = 'fievre'; }")
    page.wait_for_function("() => document.activeElement.id === 'triage-ask'")
    assert page.evaluate("() => [...document.querySelectorAll('.triage-buttons > *')].every(b => b.tagName === 'BUTTON')")


def test_sources_of_the_deciding_row_are_shown_without_duplicate_ids(page: Page, fixture_url: str) -> None:
    open_guide(page, f"{fixture_url}/guide.html")
    page.evaluate("() => { location.hash = 'fievre/non/non/car-t'; }")
    page.wait_for_function("() => !document.querySelector('.triage-step-result').hidden")
    assert "Lee, 2019" in page.locator(".triage-result-sources").inner_text()
    assert page.evaluate("() => document.querySelectorAll('.triage-result-sources [id]').length") == 0


def test_without_javascript_the_whole_table_is_there(browser: Browser, guide: tuple[str, list[TriageEntry]]) -> None:
    url, entries = guide
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    try:
        assert not page.locator(".triage-app").is_visible()
        rows = page.locator(".triage-fiche tr.triage-row")
        expected_rows = [row for entry in entries for row in wording.rows(entry)]
        assert rows.count() == len(expected_rows)
        text = page.locator(".triage-fiche").inner_text()
        for entry in entries:
            assert wording.french_spacing(entry.symptom or "") in text
        for name in {name for entry in entries for name, _level in entry.families}:
            assert wording.FAMILY_CONTEXT[name] in text
        assert "En cas de doute, appelez." in text and "Numéro de mon équipe" in text
    finally:
        context.close()


def serious(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:4]}" for v in violations if v["impact"] in {"serious", "critical"}]


def state_hashes(entries: list[TriageEntry]) -> dict[str, str]:
    """A hash for each kind of step: the list, a question, the family question, a result."""
    asking = next(e for e in entries if e.questions)
    family = next((e for e in entries if any(p.raised for p in e.paths())), asking)
    family_path = next((p for p in family.paths() if p.raised), family.paths()[-1])
    answers = ["oui" if answer else "non" for answer in family_path.answers]
    return {"list": "", "question": f"#{asking.slug}", "family": "#" + "/".join([family.slug, *answers]), "result": f"#{asking.slug}/oui"}


@pytest.mark.parametrize("state", ["list", "question", "family", "result"])
def test_axe_finds_no_serious_violation(tab: Page, guide: tuple[str, list[TriageEntry]], state: str) -> None:
    url, entries = guide
    open_guide(tab, url + state_hashes(entries)[state])
    expected_step = {"list": "list", "family": "question", "question": "question", "result": "result"}[state]
    assert step(tab) == expected_step
    assert serious(tab) == []


def test_touch_targets_are_at_least_44_px(browser: Browser, fixture_url: str) -> None:
    context = browser.new_context(**DEVICES["390px-touch"])
    page = context.new_page()
    try:
        for hash_ in ("", "#fievre", "#fievre/non/oui"):
            open_guide(page, f"{fixture_url}/guide.html{hash_}")
            sizes = page.evaluate("""() => [...document.querySelectorAll('.triage-app button, .triage-app a.triage-choice, #triage-search')]
                .filter(e => e.offsetParent !== null).map(e => [e.textContent, e.getBoundingClientRect().height, e.getBoundingClientRect().width])""")
            assert sizes and all(h >= 44 and w >= 44 for _t, h, w in sizes), sizes
            assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        context.close()


def test_printing_gives_one_a4_sheet_with_the_table(page: Page, guide: tuple[str, list[TriageEntry]]) -> None:
    url, _entries = guide
    open_guide(page, url)
    page.emulate_media(media="print")
    assert not page.locator(".triage-app").is_visible()
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1, f"the printed page takes {pages} A4 sheets"


def test_a_phone_names_the_sources_once_under_the_table_a_wide_screen_in_each_row(tab: Page, guide: tuple[str, list[TriageEntry]]) -> None:
    """On a phone a row's sources would take more room than its instruction: one line under the table."""
    open_guide(tab, guide[0])
    shown = tab.evaluate(
        """() => Object.fromEntries(['.triage-fiche .triage-sources', '.triage-fiche .triage-sources-all'].map(s =>
             [s, [...document.querySelectorAll(s)].map(e => e.getClientRects().length > 0)]))"""
    )
    rows, line = shown[".triage-fiche .triage-sources"], shown[".triage-fiche .triage-sources-all"]
    assert rows and len(line) == 1
    phone = tab.viewport_size["width"] < 500
    assert set(rows) == {not phone}
    assert line == [phone]
    if phone:  # the line names every source the rows name
        keys = tab.evaluate(
            """() => [...document.querySelectorAll('.triage-fiche .triage-sources, .triage-fiche .triage-sources-all')]
                 .map(p => [p.classList.contains('triage-sources-all'), [...p.querySelectorAll('a[href*="#"]')].map(a => a.getAttribute('href'))])"""
        )
        per_row = {href for is_all, hrefs in keys if not is_all for href in hrefs}
        in_line = {href for is_all, hrefs in keys if is_all for href in hrefs}
        assert per_row and per_row <= in_line
