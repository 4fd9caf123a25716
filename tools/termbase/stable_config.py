"""Keep the configuration Sphinx saves equal to the one the next build reads from ``conf.py``.

Sphinx compares the configuration pickled with the environment against the fresh one *before*
the builder exists, and logs « The configuration has changed (…) » for every value that differs.
Several setups change values later, while the builder starts, so every incremental build of a
pydata-sphinx-theme site reported five changed options that nobody had changed:

- Sphinx adds ``priority`` to the attributes of each ``html_css_files``/``html_js_files`` entry;
- pydata-sphinx-theme sets ``html_permalinks_icon`` and the ``icon_links`` and ``logo`` theme
  options, and appends its ``components`` folder to ``templates_path`` when the theme is loaded;
- sphinx-design and termbase append their ``static`` folders to ``html_static_path``.

None of these values affects reading, so no page was re-read, but the message hid real changes
and made every edit look like a configuration change. :func:`settle` makes the same changes at
``config-inited``, before the comparison, so the later ones find nothing left to do;
:func:`drop_duplicates` then removes what unconditional ``append`` calls add a second time.
The values end up exactly as before, in the same order.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parent / "static"
PYDATA_THEME = "pydata_sphinx_theme"
#: Sphinx's own default priority for the project's CSS and JS files (``init_css_files``).
USER_ASSET_PRIORITY = 800
#: List values that setups extend after the comparison.
PATH_LISTS = ("templates_path", "html_static_path")


def package_dir(name: str) -> Path | None:
    """Folder of an installed package, without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def late_paths(config: Any) -> dict[str, list[str]]:
    """The folders other setups will append to each list of :data:`PATH_LISTS`, in their order."""
    paths: dict[str, list[str]] = {name: [] for name in PATH_LISTS}
    if config.html_theme == PYDATA_THEME and (theme := package_dir(PYDATA_THEME)) is not None:
        paths["templates_path"].append(str(theme / "theme" / PYDATA_THEME / "components"))
    if "sphinx_design" in config.extensions and (design := package_dir("sphinx_design")) is not None:
        paths["html_static_path"].append(str(design / "static"))
    paths["html_static_path"].append(str(STATIC))
    return paths


def settle(app: Any, config: Any) -> None:
    """Apply, before Sphinx compares configurations, the changes later setups would make."""
    for name in ("html_css_files", "html_js_files"):
        for entry in config[name]:
            if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[1], dict):
                entry[1].setdefault("priority", USER_ASSET_PRIORITY)
    for name, extra in late_paths(config).items():
        values = list(config[name])
        values += [path for path in extra if path not in map(str, values)]
        config[name] = values
    if config.html_theme == PYDATA_THEME:
        if "html_permalinks_icon" not in config._raw_config and "html_permalinks_icon" not in config.overrides:
            config.html_permalinks_icon = "#"
        options = dict(config.html_theme_options or {})
        options.setdefault("icon_links", [])
        if not options.get("logo"):
            options["logo"] = {}
        config.html_theme_options = options


def drop_duplicates(app: Any) -> None:
    """After every ``builder-inited`` handler: each folder once, where it first appeared."""
    for name in PATH_LISTS:
        values = app.config[name]
        first = {str(value): value for value in reversed(values)}
        if len(first) != len(values):
            values[:] = [first[key] for key in dict.fromkeys(str(value) for value in values)]


def setup(app: Any) -> None:
    # After Sphinx's own conversion of html_css_files (priority 800), before the environment loads.
    app.connect("config-inited", settle, priority=900)
    app.connect("builder-inited", drop_duplicates, priority=999)
