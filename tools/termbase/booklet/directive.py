"""The ``{livret}`` directive: where the booklet page shows the reader's booklet.

It writes the frame the script fills (``static/termbase-livret.js``): the chosen pages and
questions with their « Retirer » buttons, a status line read by screen readers when a count
changes, « Imprimer mon livret », and the printable booklet (shown on paper only). Without
JavaScript only a sentence shows, saying what the page needs. Other builders (the guide's PDF)
get a sentence pointing to the website and to ``make handout``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .page_data import DATA_SCRIPT

NO_SCRIPT = (
    "Pour composer votre livret, cette page a besoin de JavaScript, qui semble désactivé dans votre"
    " navigateur. Vous pouvez toujours imprimer chaque page avec la commande d’impression de votre navigateur."
)
ON_PAPER = (
    "Sur le site, la page «\u00a0Mon livret\u00a0» rassemble les pages et les questions choisies par le lecteur et les"
    " imprime en un seul document."
)

#: What the page is for, in plain words (two short paragraphs).
INTRO = (
    "Mon livret vous aide à préparer une consultation. Sur chaque page du guide, le bouton «\u00a0Ajouter au"
    " livret\u00a0» garde la page, et une case à cocher garde chaque question des rubriques «\u00a0Questions à"
    " poser\u00a0».",
    "Ici, le livret rassemble vos choix et les imprime en un seul document, avec de la place pour noter les"
    " réponses, les mots difficiles et les sources. Votre choix reste dans votre navigateur et dans l’adresse de"
    " cette page\u00a0: gardez-la en favori ou envoyez-la à un proche.",
)

SCREEN_CLASS = "termbase-livret-intro"
PAPER_CLASS = "termbase-livret-paper"

FRAME = """<div class="termbase-livret">
<p class="termbase-livret-nojs">{no_script}</p>
<div class="termbase-livret-app" hidden>
<p class="termbase-livret-status" role="status" aria-live="polite"></p>
<div class="termbase-livret-empty" hidden>
<p>Votre livret est vide. Pour y ajouter une page, ouvrez-la et touchez «\u00a0Ajouter au livret\u00a0» sous son titre.
Pour y ajouter une question, cochez-la dans une rubrique «\u00a0Questions à poser\u00a0», par exemple sur la page
<a class="termbase-livret-questions-link" href="{questions_uri}">{questions_title}</a>.</p>
</div>
<h2 id="livret-pages-titre">Les pages choisies</h2>
<ul class="termbase-livret-pages" aria-labelledby="livret-pages-titre"></ul>
<h2 id="livret-questions-titre">Les questions choisies</h2>
<ul class="termbase-livret-chosen-questions" aria-labelledby="livret-questions-titre"></ul>
<p class="termbase-livret-actions"><button type="button" class="termbase-livret-print-button">Imprimer mon livret</button></p>
<p class="termbase-livret-address">Pour retrouver ce livret plus tard ou l’envoyer, gardez l’adresse de cette page dans vos favoris\u00a0:
<a class="termbase-livret-permalink" href="#">lien vers ce livret</a>.</p>
</div>
<div class="termbase-livret-print"></div>
<script src="{data_uri}" defer></script>
</div>"""


class LivretDirective(SphinxDirective):
    """``{livret}``: no argument; its content, if any, replaces the sentences of :data:`INTRO`.

    The booklet page is a tool, not a medical text: its help comes from here, so that docscheck
    does not hold it to the rules of content pages (a page of prose must cite its sources).
    """

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        questions = self.config.termbase_booklet_whole_pages
        questions_doc = questions[0] if questions else ""
        questions_uri = f"{questions_doc}.html" if questions_doc else "index.html"
        questions_title = "Les questions à poser à votre équipe"
        # Written at the end of the build (termbase.booklet.page_data), so no checksum in its
        # address: Sphinx would take the previous build's, and an incremental build would differ.
        data_uri = "../" * self.env.docname.count("/") + f"_static/{DATA_SCRIPT}"
        frame = FRAME.format(no_script=NO_SCRIPT, questions_uri=questions_uri, questions_title=questions_title, data_uri=data_uri)
        intro = nodes.container(classes=[SCREEN_CLASS])
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, intro)
        else:
            intro += [nodes.paragraph(sentence, sentence) for sentence in INTRO]
        return [intro, nodes.raw("", frame, format="html"), nodes.paragraph(ON_PAPER, ON_PAPER, classes=[PAPER_CLASS])]


def keep_what_the_format_needs(app: Any, doctree: nodes.document, docname: str) -> None:
    """HTML keeps the help and the frame; other formats (the guide's PDF) keep the note for paper:
    buttons and checkboxes mean nothing there."""
    dropped = PAPER_CLASS if app.builder.format == "html" else SCREEN_CLASS
    for node in list(doctree.findall(nodes.Element)):
        if dropped in node.get("classes", []):
            node.parent.remove(node)


def setup(app: Any) -> None:
    app.add_directive("livret", LivretDirective)
    app.connect("doctree-resolved", keep_what_the_format_needs)
