"""termbase.triage: the triage table (``triage/<slug>.md``) rendered wherever the guide says when to call.

The table is the only home of the guide's « when to call » instructions (its format is in
``triage/README.md``); this part reads it through docscheck (:mod:`.entries`), words it in French
(:mod:`.wording`) and shows it with three directives that work in HTML, the LaTeX PDF and the
handouts (:mod:`.directives`, :mod:`.guide`):

- ``triage-table`` (``:symptoms:`` slugs, ``:family:`` a treatment family) — « Signe | Que faire »;
- ``triage-card`` (``:symptoms:``) — the card's lines by level, with the treatment to tick;
- ``triage-guide`` (``:symptoms:``) — the interactive « Quand appeler ? » above the complete table.

Glossary entries named in an entry's ``see_glossary`` end their tooltip with an action line
built from the table (:mod:`.tooltip_lines`). Static files (``static/triage.css``, on every
page; ``static/triage-guide.js``, only on pages with the guide) are local, with no library.

Configuration value:

``termbase_triage_dir`` (str, default ``"../triage"``)
    Directory of the triage entries, relative to the directory of ``conf.py``. A project without it
    simply has no triage table; the directives then render nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes

STATIC = Path(__file__).resolve().parent / "static"
CSS = "triage.css"
JS = "triage-guide.js"


def add_static_path(app: Any) -> None:
    if app.builder.format == "html" and str(STATIC) not in map(str, app.config.html_static_path):
        app.config.html_static_path.append(str(STATIC))


def add_guide_script(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The script only on pages that hold the interactive guide."""
    if doctree is not None and any("triage-guide" in node["classes"] for node in doctree.findall(nodes.container)):
        app.add_js_file(JS, loading_method="defer")


def setup(app: Any) -> dict[str, Any]:
    from . import directives, entries, guide, tooltip_lines

    app.setup_extension("termbase.glossary")  # findings are reported like docscheck's others
    app.add_config_value("termbase_triage_dir", "../triage", "env", types=frozenset({str}))
    app.connect("builder-inited", entries.on_builder_inited)
    app.connect("builder-inited", add_static_path)
    app.connect("html-page-context", add_guide_script)
    app.connect("env-get-outdated", tooltip_lines.outdated_by_table)
    app.add_css_file(CSS)
    directives.setup(app)
    guide.setup(app)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
