"""Incremental HTML builds: the same bytes as a cold build of the same sources, for less work.

Four things, each small:

- **Configuration.** Sphinx compares the configuration pickled with the environment against the
  fresh one *before* the builder exists, and logs « The configuration has changed (…) » for every
  value that differs. Several setups change values later, while the builder starts, so every
  incremental build of a pydata-sphinx-theme site reported five changed options that nobody had
  changed: Sphinx adds ``priority`` to the attributes of each ``html_css_files`` entry;
  pydata-sphinx-theme sets ``html_permalinks_icon`` and the ``icon_links`` and ``logo`` theme
  options, and appends its ``components`` folder to ``templates_path`` when the theme is loaded;
  sphinx-design and termbase append their ``static`` folders to ``html_static_path``. None of
  them affects reading, but the message hid real changes. :func:`settle` makes the same changes
  at ``config-inited``, before the comparison, so the later ones find nothing left to do;
  :func:`drop_duplicates` removes what unconditional ``append`` calls add a second time. The
  values end up exactly as before, in the same order.

- **Navigation.** Every page shows the whole guide in its sidebar (page titles, toctree
  captions) and its neighbours' titles, but Sphinx re-writes only the edited page and its
  toctree parent. When an edit changes what the navigation shows (a title, a toctree),
  :func:`outdated_navigation` has every page re-written; any other edit re-writes nothing more.
- **Search index.** Sphinx 9 keeps the search index's explicit index entries (``indexentries`` in
``searchindex.js``) only for the pages it writes in the current build: ``IndexBuilder.load``
does not read them back from the previous ``searchindex.js``, and the environment is pickled
before pages are written. After an edit of one page, the glossary's 90 index entries vanished
from the search index. The entries are in the environment all along (the ``index`` domain
collects them at read time), so :func:`restore_index_entries` gives every page that was not
written in this build the entries its doctree holds, computed as ``IndexBuilder.feed`` does.
- **Templates.** Sphinx compiles its Jinja templates again in every build (a third of a second
  for pydata-sphinx-theme's); :func:`cache_templates` gives the template environment Jinja's
  own bytecode cache, in the doctree directory (never in the output). Jinja checks each
  template's source against the cache, so an edited template is compiled again.
- **Pages whose context did not change.** Sphinx writes the general index and the search page
  at every build, and the toctree parent of every edited page, although their output rarely
  changes; rendering one through pydata-sphinx-theme's templates costs about 0.1 s. The
  :class:`RenderCache` keeps, for each output file, a digest of everything its template sees:
  every data value of the context (body, toc, titles, theme options, prev/next…), each CSS and
  JS file with the checksum its ``?v=`` shows, the navigation (:func:`navigation_digest`, which
  the context's functions read), the newest template's mtime, the build-info hashes and the code
  and versions of termbase, Sphinx and the theme. When the digest is that of the file already in
  the output folder, the file's own text is the rendering. A context value it cannot digest (an
  object without a stable ``repr``) means the page is rendered as usual.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import re
from pathlib import Path
from typing import Any

from sphinx.util import logging
from sphinx.util.index_entries import split_index_msg

from termbase import build_cache
from termbase.envdata import termbase_data
from termbase.handouts.html_link import STATIC as HANDOUTS_STATIC
from termbase.search.folding import STATIC as SEARCH_STATIC
from termbase.tooltips.terms import STATIC as TOOLTIPS_STATIC
from termbase.triage import STATIC as TRIAGE_STATIC

logger = logging.getLogger(__name__)

TEMPLATE_CACHE = "jinja-bytecode"
#: termbase's ``static`` folders, in the order their setups append them to ``html_static_path``.
STATIC_FOLDERS = (SEARCH_STATIC, TOOLTIPS_STATIC, HANDOUTS_STATIC, TRIAGE_STATIC)
PYDATA_THEME = "pydata_sphinx_theme"
#: Sphinx's own default priority for the project's CSS and JS files (``init_css_files``).
USER_ASSET_PRIORITY = 800
#: List values that setups extend after the comparison.
PATH_LISTS = ("templates_path", "html_static_path")


def index_entries(entries: list[tuple[str, str, str, str, str | None]]) -> list[tuple[str, str, str]]:
    """The search-index form of a page's index entries (the loop of ``IndexBuilder.feed``)."""
    found: set[tuple[str, str, str]] = set()
    for entry_type, value, target_id, main, _category_key in entries:
        try:
            result = split_index_msg(entry_type, value)
        except ValueError:
            continue
        target_id = target_id or ""
        if entry_type in {"see", "seealso"}:
            found.add((result[0], target_id, main))
        found |= {(x, target_id, main) for x in result}
    return sorted(found)


def restore_index_entries(app: Any) -> list[Any]:
    """``html-collect-pages`` runs before the search index is dumped: fill in what load() dropped."""
    indexer = getattr(app.builder, "indexer", None)
    if indexer is None:
        return []
    written = indexer._index_entries
    by_doc = app.env.domains.index_domain.entries
    for docname in indexer._titles:
        if docname not in written and by_doc.get(docname):
            written[docname] = index_entries(by_doc[docname])
    return []


def navigation_digest(env: Any) -> str:
    """What the sidebar and the previous/next links show: every title, every toctree."""
    digest = hashlib.sha256()
    for docname in sorted(env.all_docs):
        title = env.titles.get(docname)
        digest.update(f"{docname}\0{title.astext() if title is not None else ''}\0".encode())
    for docname in sorted(env.toctree_includes):
        digest.update(f"{docname}\0{env.toctree_includes[docname]}\0".encode())
        toc = env.tocs.get(docname)
        digest.update(toc.pformat().encode() if toc is not None else b"")
    return digest.hexdigest()


def outdated_navigation(app: Any, env: Any) -> list[str]:
    """``env-get-updated``: every page, when what the navigation shows changed since the last write."""
    if app.builder.format != "html":
        return []
    data = termbase_data(env)
    output = f"{app.builder.name}:{app.builder.outdir}"
    digest = navigation_digest(env)
    previous = data.written_navigation.get(output)
    data.written_navigation[output] = digest
    if previous is None or previous == digest:
        return []
    return sorted(env.found_docs)


def cache_templates(app: Any) -> None:
    """``builder-inited``: Jinja's bytecode cache for the builder's template environment."""
    environment = getattr(getattr(app.builder, "templates", None), "environment", None)
    if environment is None or environment.bytecode_cache is not None:
        return
    from jinja2 import FileSystemBytecodeCache

    directory = Path(app.doctreedir) / TEMPLATE_CACHE
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return
    environment.bytecode_cache = FileSystemBytecodeCache(str(directory))



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
    paths["html_static_path"].extend(str(folder) for folder in STATIC_FOLDERS)
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


RENDER_CACHE = "rendered-pages"
#: Libraries whose version is part of a rendered page's digest (templates, filters, writers).
RENDER_LIBRARIES = ("sphinx", "pydata-sphinx-theme", "sphinx-design", "jinja2", "docutils", "myst-parser", "sphinxcontrib-bibtex")
#: The default ``repr`` of an object: its address, different in every process.
ADDRESS = re.compile(r" at 0x[0-9a-f]+>")


class Undigestable(Exception):
    """A context value whose content cannot be told from one build to the next."""


def feed(digest: Any, value: Any, outdir: str) -> None:
    """Add ``value`` (a template context value) to ``digest``; functions are left out, as what
    they read is digested apart (navigation, configuration, templates)."""
    from sphinx.builders.html._assets import _CascadingStyleSheet, _file_checksum, _JavaScript

    if value is None or isinstance(value, (str, bytes, int, float, bool)):
        digest.update(f"{type(value).__name__}:{value!r}\0".encode())
    elif isinstance(value, (list, tuple)):
        digest.update(f"[{len(value)}".encode())
        for item in value:
            feed(digest, item, outdir)
    elif isinstance(value, dict):
        digest.update(f"{{{len(value)}".encode())
        for key in sorted(value, key=repr):
            feed(digest, key, outdir)
            feed(digest, value[key], outdir)
    elif isinstance(value, (_CascadingStyleSheet, _JavaScript)):
        filename = str(value.filename)
        feed(digest, (type(value).__name__, filename, value.priority, value.attributes, _file_checksum(Path(outdir), filename) if filename else ""), outdir)
    elif callable(value):
        digest.update(b"<callable>")
    else:
        text = repr(value)
        if ADDRESS.search(text):
            raise Undigestable(type(value).__name__)
        digest.update(f"{type(value).__name__}:{text}\0".encode())


class RenderCache:
    """The rendering of each HTML page, reused when everything its template sees is unchanged."""

    def __init__(self, app: Any) -> None:
        versions = []
        for name in RENDER_LIBRARIES:
            try:
                versions.append(f"{name}={importlib.metadata.version(name)}")
            except importlib.metadata.PackageNotFoundError:
                versions.append(f"{name}=none")
        self.app = app
        self.cache = build_cache.BuildCache(app, RENDER_CACHE, build_cache.fingerprint(("termbase",), *versions))
        self.cache.used.update(self.cache.previous)  # pages not written in this build keep their digest
        self.armed: str | None = None
        self.outfile: Path | None = None
        #: output files whose rendering this build took from the output folder
        self.reused: list[str] = []
        self._build_digest: str | None = None

    def build_digest(self) -> str:
        """What every page of this build shares: navigation, templates, configuration."""
        if self._build_digest is None:
            builder = self.app.builder
            info = getattr(builder, "build_info", None)
            parts = [navigation_digest(self.app.env), repr(builder.templates.newest_template_mtime()),
                     getattr(info, "config_hash", ""), getattr(info, "tags_hash", ""), builder.name, str(builder.outdir)]  # fmt: skip
            self._build_digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        return self._build_digest

    def digest(self, template: str, context: dict[str, Any]) -> str | None:
        digest = hashlib.sha256(f"{self.build_digest()}\0{template}\0".encode())
        try:
            feed(digest, context, str(self.app.builder.outdir))
        except Undigestable:
            return None
        return digest.hexdigest()

    def render(self, original: Any, template: str, context: dict[str, Any]) -> str:
        """The page's rendering: the file already written, when its digest is this context's."""
        outfile = self.outfile
        if self.armed is None or self.armed != context.get("pagename") or outfile is None:
            return original(template, context)
        self.armed = None
        key = str(outfile)
        digest = self.digest(template, context)
        if digest is not None and self.cache.previous.get(key) == digest and outfile.is_file():
            try:
                text = outfile.read_text(encoding=context.get("encoding") or "utf-8")
            except (OSError, UnicodeDecodeError):
                pass
            else:
                self.reused.append(key)
                return text
        output = original(template, context)
        if digest is None:
            self.cache.used.pop(key, None)
        else:
            self.cache.put(key, digest)
        return output


def install_render_cache(app: Any) -> None:
    """``builder-inited``: route the HTML builder's page renderings through a :class:`RenderCache`."""
    builder = app.builder
    templates = getattr(builder, "templates", None)
    # Pages written by parallel workers would leave this process's digests stale: no cache then.
    if builder.format != "html" or builder.name not in ("html", "dirhtml") or not hasattr(templates, "render") or app.parallel > 1:
        return
    state = app._termbase_render_cache = RenderCache(app)
    handle_page, render = builder.handle_page, templates.render

    def handle_page_with_cache(pagename: str, addctx: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        # (templatename, outfilename, event_arg): keyword-only after the template in Sphinx 9, not in 8
        outfilename = kwargs.get("outfilename", args[1] if len(args) > 1 else None)
        output_path = getattr(builder, "get_output_path", None) or builder.get_outfilename  # Sphinx 9, 8
        state.outfile = Path(outfilename) if outfilename else Path(output_path(pagename))
        try:
            handle_page(pagename, addctx, *args, **kwargs)
        finally:
            state.outfile = state.armed = None

    builder.handle_page = handle_page_with_cache
    templates.render = lambda template, context: state.render(render, template, context)


def arm_render_cache(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """The last ``html-page-context`` handler: the next rendering is the page's own (components
    that handlers render before it are not)."""
    state = getattr(app, "_termbase_render_cache", None)
    if state is not None and state.outfile is not None:
        state.armed = pagename


def save_render_cache(app: Any, exception: Exception | None) -> None:
    state = getattr(app, "_termbase_render_cache", None)
    if state is not None and exception is None:
        state.cache.save()
        if state.reused:
            logger.verbose("termbase: %d unchanged pages kept their rendering (%s)", len(state.reused),
                           ", ".join(sorted(Path(path).name for path in state.reused)))  # fmt: skip


def setup(app: Any) -> None:
    # After Sphinx's own conversion of html_css_files (priority 800), before the environment loads.
    app.connect("config-inited", settle, priority=900)
    app.connect("builder-inited", drop_duplicates, priority=999)
    app.connect("builder-inited", cache_templates)
    app.connect("env-get-updated", outdated_navigation)
    app.connect("html-collect-pages", restore_index_entries)
    app.connect("builder-inited", install_render_cache, priority=900)
    app.connect("html-page-context", arm_render_cache, priority=10_000)
    app.connect("build-finished", save_render_cache)
