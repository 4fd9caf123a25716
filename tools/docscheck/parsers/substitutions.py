"""reST substitutions: which ones a document defines, and what a global one's text holds.

Sphinx checks a role written in a ``.. |x| replace::`` definition where the definition is (its
file and line, used or not: the definition node stays in the doctree), so the reST reader reads
definitions as it reads any text, and ``rst_prolog``/``rst_epilog`` are read as text of conf.py.
sphinxcontrib-globalsubs is different: ``global_substitutions`` (a dict in conf.py) has no
definition in any document; its text is parsed at each ``|name|`` of a page that does not define
``name`` itself, and the role is checked on that page. The reST reader replays it at each use.
"""

from __future__ import annotations

import re

from docscheck.records import record

#: ``.. |name| replace:: text`` (its text may continue on the more indented lines after it)
DEFINITION = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+\|(?P<name>[^|\s](?:[^|]*[^|\s])?)\|[ \t]+replace::(?:[ \t]+(?P<text>.*))?$")
#: the roles of a definition's text (as :data:`docscheck.parsers.rest.INLINE` finds them), inline literals first
PIECE = re.compile(
    r"(?P<literal>``.+?``)|(?<![\w\\`]):(?P<name>[A-Za-z][\w+.-]*(?::[\w+.-]+)*):`(?P<content>(?:[^`\\]|\\.)+)`",
    re.DOTALL,
)

#: role names docscheck checks (as :data:`docscheck.code.python_sources.ROLE_HINT` finds them)
CHECKED_ROLE = re.compile(r"(?i)(?:std:)?term$|(?:foot)?cite\b|bibtex:")

#: ``("role", name, content)`` or ``("text", text, "")``
Piece = tuple[str, str, str]


@record
class Substitution:
    """One ``replace::`` definition: its name and the pieces of its text, in order."""

    name: str
    pieces: tuple[Piece, ...]

    @property
    def has_checked_roles(self) -> bool:
        """It holds a term or citation role (the roles docscheck checks)."""
        return any(kind == "role" and CHECKED_ROLE.match(name) is not None for kind, name, _b in self.pieces)


def substitution(name: str, text: str) -> Substitution:
    """The definition of ``name`` as ``text`` (reST inline markup)."""
    pieces: list[Piece] = []
    text = text.replace("\\ ", "")  # an escaped space is removed (docutils), as in r":term:`x`\ s"
    position = 0
    for m in PIECE.finditer(text):
        if m.group("name"):
            if text[position : m.start()].strip():
                pieces.append(("text", text[position : m.start()], ""))
            pieces.append(("role", m.group("name"), m.group("content")))
            position = m.end()
    if text[position:].strip():
        pieces.append(("text", text[position:], ""))
    return Substitution(" ".join(name.split()), tuple(pieces))


def definitions_in(lines: list[str] | tuple[str, ...]) -> dict[str, Substitution]:
    """The ``replace::`` definitions written in ``lines`` (the last one wins, as in docutils)."""
    found: dict[str, Substitution] = {}
    for index, line in enumerate(lines):
        if "replace::" not in line or (m := DEFINITION.match(line)) is None:
            continue
        indent = len(m.group("indent").expandtabs(8))
        text = [m.group("text") or ""]
        for following in lines[index + 1 :]:
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            text.append(following.strip())
        definition = substitution(m.group("name"), " ".join(t for t in text if t))
        found[definition.name] = definition
    return found


def definitions_in_text(text: str) -> dict[str, Substitution]:
    """:func:`definitions_in` on a file's text, skipped cheaply when it defines nothing."""
    return definitions_in(text.splitlines()) if "replace::" in text else {}


@record
class ProjectSubstitutions:
    """sphinxcontrib-globalsubs' ``global_substitutions``, and the names ``rst_prolog``/``rst_epilog`` define.

    A global substitution applies only where the document defines no substitution of that name
    (the prolog and epilog are part of every document). globalsubs parses its text at each use
    and keeps the first node only: ``"the :term:`x`"`` gives the text "the ", and no role.
    """

    global_: tuple[Substitution, ...] = ()
    prolog_names: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.global_)

    def role_names(self) -> frozenset[str]:
        """Names whose use gives a role (a use of another one cannot change a finding)."""
        return frozenset(s.name for s in self.global_ if s.has_checked_roles and s.name not in self.prolog_names)


def global_substitution(name: str, text: str) -> Substitution:
    """A ``global_substitutions`` entry as globalsubs renders it: the first piece of its text."""
    whole = substitution(name, text.strip())
    return Substitution(name, whole.pieces[:1])


class SubstitutionTable:
    """The global substitutions one document sees: those it does not define itself."""

    def __init__(self, project: ProjectSubstitutions | None = None) -> None:
        project = project or ProjectSubstitutions()
        self.global_ = {s.name: s for s in project.global_ if s.name not in project.prolog_names}

    def __bool__(self) -> bool:
        return bool(self.global_)

    def add(self, definitions: dict[str, Substitution]) -> None:
        """Names the document defines (its own text, a fragment it includes): no longer global."""
        for name in definitions:
            self.global_.pop(name, None)

    def lookup(self, name: str) -> Substitution | None:
        return self.global_.get(" ".join(name.split()))
