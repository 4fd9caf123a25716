"""French defaults for theme UI strings that gettext cannot reach.

pydata-sphinx-theme takes its search box text ("Search the docs ...") from the
``search_bar_text`` theme option, not from its message catalog, so a French site would still
greet readers in English. When ``language`` is French, the theme is pydata-sphinx-theme and the
project did not choose a text, this sets a French one; a value in ``html_theme_options`` wins.
"""

from __future__ import annotations

from typing import Any

from .typography import is_french

PYDATA_THEME = "pydata_sphinx_theme"
SEARCH_BAR_TEXT_FR = "Rechercher dans le guide…"


def french_theme_defaults(app: Any, config: Any) -> None:
    """Fill in French values for untranslatable theme options the project left unset."""
    if not is_french(config.language) or config.html_theme != PYDATA_THEME:
        return
    options = dict(config.html_theme_options or {})
    options.setdefault("search_bar_text", SEARCH_BAR_TEXT_FR)
    config.html_theme_options = options


def register(app: Any) -> None:
    app.connect("config-inited", french_theme_defaults)
