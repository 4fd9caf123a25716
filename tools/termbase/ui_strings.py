"""French defaults for theme UI strings that gettext cannot reach.

pydata-sphinx-theme takes its search box text ("Search the docs ...") from the
``search_bar_text`` theme option, not from its message catalog, so a French site would still
greet readers in English. When ``language`` is French and the project did not choose a text,
this sets a French one; a value in ``html_theme_options`` always wins.
"""

from __future__ import annotations

from typing import Any

SEARCH_BAR_TEXT_FR = "Rechercher dans le guide…"


def french_theme_defaults(app: Any, config: Any) -> None:
    """Fill in French values for untranslatable theme options the project left unset."""
    language = (config.language or "").split("_")[0].split("-")[0].lower()
    if language != "fr":
        return
    options = dict(config.html_theme_options or {})
    options.setdefault("search_bar_text", SEARCH_BAR_TEXT_FR)
    config.html_theme_options = options


def register(app: Any) -> None:
    app.connect("config-inited", french_theme_defaults)
