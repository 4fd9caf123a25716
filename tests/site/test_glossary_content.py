"""Content checks for the real glossary (``glossary/*.md``) and the bibliography (``references.bib``).

These tests are the editorial contract of the glossary: every entry is valid for docscheck, every
required term exists, names are unambiguous, links and sources resolve, and the bibliography holds
exactly the sources of the project's dossier. Each failure names the file and what to fix.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pybtex.database
import pybtex.errors
import pytest

from docscheck.parsers.glossary_entries import parse_entry_text, validate_entry
from docscheck.records import EVIDENCE_TYPES, GlossaryEntry, term_key

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "glossary"
BIB = ROOT / "references.bib"
README = GLOSSARY / "README.md"

#: Keys of ../shared/sources/DOSSIER.md (35 scholarly sources and the NCI press release) plus the
#: two French institutional sources the FAQ and clinical-trial pages cite.
DOSSIER_KEYS = frozenset(
    {
        "papac1996", "cole1976", "cole1981", "challis1990", "everson1966", "everson1964",
        "nathanson1976", "radha2021", "chang2000", "zacharakis2018", "nci2018press",
        "rosenberg2015", "hodi2010", "robert2015pembro", "robert2015nivo", "ascierto2019",
        "larkin2015", "wolchok2017", "wolchok2022", "robert2018jco", "haslam2019", "haslam2025",
        "leach1996", "ishida1992", "ishida2020", "pardoll2012", "junesadelain2018", "postow2018",
        "dunn2004", "schreiber2011", "chaffer2011", "valastyan2011", "atkins1999", "mocellin2010",
        "saxena2021", "inca2018", "gustaveroussy_immuno",
    }
)

#: Records of ../shared/sources/DOSSIER-2026.md that may be cited (VERIFIED, VERIFIED† and PARTIAL;
#: never the UNVERIFIED felip2025, inca_immuno_page, inca_carte_patient, has_ald).
DOSSIER_2026_KEYS = frozenset(
    {
        "schmid2020", "schmid2024", "schmid2022", "andre2020", "diaz2022", "le2017", "janjigian2021",
        "finn2020", "oh2022", "mirza2023", "eskander2023", "eggermont2018", "eggermont2022", "weber2017",
        "tawbi2022", "tawbi2025", "rohaan2022", "chesney2022", "fda2024lifileucel", "munshi2021",
        "berdeja2021", "moreau2022", "ahn2023", "mountzios2025", "haanen2022", "schneider2021", "wang2018",
        "ctcae2017", "lee2019", "brunet1987", "nobel2018", "seymour2017", "nishino2017", "havel2019",
        "marabelle2020", "ameli_ald", "inca_registre", "cancer_info", "albiges2025", "lala2020",
    }
)

#: Sources the team verified itself beyond the two dossiers (each entry's `verification` field says
#: what was seen): official French pages on the RCP (INCa) and on early access (HAS), the size
#: definition of a micrometastasis (lips2011) and the FDA approval summary of pembrolizumab for
#: TMB-high tumours (marcus2021).
VERIFIED_BY_TEAM_KEYS = frozenset({"inca_rcp", "has_acces_precoce", "lips2011", "marcus2021"})

#: Issue 24 (content): records of ../shared/sources/DOSSIER-SAFETY-2026.md cited by the content pages
#: and glossary, and sources checked with the search tool for glossary definitions and approvals
#: (each entry's `verification` field says what was seen, where and when).
ISSUE24_CONTENT_KEYS = frozenset(
    {
        "dangelo2024", "chamie2023", "burotto2023", "patel2023", "blank2024", "ctcae2025", "migden2018",
        "davis2019", "baines2024", "aacr2024afamicel", "fda2024n803", "roche2024tecentriqsc",
        "fda2024nivosc", "fda2025pembrosc", "fda2024tarlatamab", "scc_information", "msd_manuel",
        "larousse_medical", "servicepublic_medecin_traitant", "bnds_dictionnaire", "foch_hdj",
        "roche_avastin_guide", "sogni2009", "swissmedic_jemperli", "chuv_chimiotherapie",
        "ministere2012peau", "universalis_anticorps", "chunantes_consentement", "rhouati_troponines",
        # Jargon work (TERM008): sources checked with the search tool for the definitions of lymphe,
        # peptide and greffe allogénique (OQLF), sepsis (Institut Pasteur), the endocrinologist,
        # nephrologist and rheumatologist entries, and synovialosarcome (Info Sarcomes).
        "oqlf_gdt", "pasteur_sepsis", "aphp_endocrinologie", "foch_nephrologie", "sfr_rhumatologie",
        "infosarcomes_synovialosarcome",
    }
)

#: Issue 20 (safety): records of ../shared/sources/DOSSIER-SAFETY-2026.md behind the triage table and the
#: safety facts, and sources the team checked itself for them (EU package leaflets, FDA notices, French
#: emergency pages; each entry's `verification` field says what was seen).
SAFETY_KEYS = frozenset(
    {
        "ukons2025", "klastersky2016", "opdivo_medguide", "higham2018", "simpson2020", "sfe_adrenalcrisis",
        "stamatouli2018", "dizarnygargas2020", "abdelwahab2019", "abdelwahab2018", "keytruda_pi",
        "fda2024cartmalignancy", "fda2025carrems", "rejeski2023", "aabb2024cart", "carvykti_pl_eu",
        "chutoulouse_samu", "fda2022teclistamab", "fda2024afamicel", "keytruda_pl_eu", "neofordex_pl_eu",
        "opdivo_pl_eu", "plenadren_pl_eu", "servicepublic_urgences",
        # Issue 21 §4 (brand names): EU leaflets, French and US product records naming the brands.
        "yervoy_pl_eu", "imfinzi_pl_eu", "bavencio_pl_eu", "libtayo_pl_eu", "imjudo_pl_eu", "opdualag_pl_eu",
        "abecma_pl_eu", "bdpm_deticene", "bdpm_hydrocortisone_roussel", "fda_proleukin_label", "imlygic_pl_eu",
    }
)

#: The category vocabulary documented in glossary/README.md.
CATEGORIES = frozenset(
    {"immunologie", "maladie", "biologie", "traitement", "examens", "essais-et-resultats", "effets-indesirables"}
)

#: Terms the editorial brief (CONTENT.md) requires in the glossary.
REQUIRED_TERMS = (
    "lymphocyte T cytotoxique", "micrométastase", "inhibiteur de point de contrôle", "métastase",
    "immunothérapie", "anticorps monoclonal", "PD-1", "PD-L1", "CTLA-4",
    "lymphocyte infiltrant la tumeur", "TIL", "cellule CAR-T", "cytokine", "interleukine-2",
    "interféron", "vaccin thérapeutique", "régression spontanée", "rémission complète",
    "réponse objective", "essai clinique", "effet indésirable immunologique", "immunosurveillance",
    "immunoédition", "antigène tumoral", "néoantigène", "mélanome", "thérapie ciblée",
    "médecine personnalisée",
)

MIN_ENTRIES = 60
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM_ROLE = re.compile(r"\{term\}`([^`]+)`")
EXPLICIT_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)


def role_target(content: str) -> str:
    """The term a ``{term}`` role points to: the ``<target>`` if given, else the text itself."""
    match = EXPLICIT_TARGET.match(content.strip())
    return match.group("target") if match else content.strip()


def entry_files() -> list[Path]:
    """Every glossary entry file; README.md documents the format and is not an entry."""
    return sorted(p for p in GLOSSARY.glob("*.md") if p.name != README.name)


def rel(path: str | Path) -> str:
    return str(Path(path).relative_to(ROOT)) if Path(path).is_absolute() else str(path)


@functools.cache
def parsed() -> tuple[tuple[GlossaryEntry, ...], tuple[str, ...]]:
    """Parse and validate every entry once; return the records and the findings as text."""
    entries: list[GlossaryEntry] = []
    problems: list[str] = []
    for path in entry_files():
        raw = parse_entry_text(path.read_text(encoding="utf-8"), rel(path))
        entry, findings = validate_entry(raw)
        problems += [f"{f.path}:{f.line}: {f.code} {f.message}" for f in findings]
        if entry is not None:
            entries.append(entry)
    return tuple(entries), tuple(problems)


def entries() -> tuple[GlossaryEntry, ...]:
    return parsed()[0]


@functools.cache
def name_index() -> dict[str, str]:
    """term_key of every term, alias and form -> slug of the entry that defines it."""
    index: dict[str, str] = {}
    for entry in entries():
        for name in entry.names:
            index.setdefault(term_key(name), entry.slug)
    return index


@functools.cache
def bibliography() -> pybtex.database.BibliographyData:
    pybtex.errors.set_strict_mode(True)
    return pybtex.database.parse_file(str(BIB))


def test_every_entry_parses_and_validates_without_findings() -> None:
    assert not parsed()[1], "fix these glossary entries:\n" + "\n".join(parsed()[1])


def test_every_entry_file_has_an_ascii_slug() -> None:
    bad = [rel(p) for p in entry_files() if not SLUG.match(p.stem)]
    assert not bad, f"rename to lowercase ASCII words joined by '-': {bad}"


def test_glossary_has_at_least_sixty_entries() -> None:
    assert len(entries()) >= MIN_ENTRIES, f"glossary/ has {len(entries())} entries; write at least {MIN_ENTRIES}"


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_required_term_is_defined(term: str) -> None:
    assert term_key(term) in name_index(), f"glossary/: no entry defines {term!r} as term, alias or form; add it"


def test_no_name_is_defined_in_two_entries() -> None:
    owners: dict[str, list[str]] = {}
    for entry in entries():
        for key in {term_key(name) for name in entry.names}:
            owners.setdefault(key, []).append(rel(entry.path))
    clashes = {name: paths for name, paths in owners.items() if len(paths) > 1}
    assert not clashes, f"each name must resolve to one entry (TERM003); remove it from all but one: {clashes}"


def test_every_see_also_points_to_another_existing_entry() -> None:
    slugs = {entry.slug for entry in entries()}
    bad = [
        f"{rel(e.path)}:{e.line_of('see_also')}: see_also {target!r}"
        for e in entries()
        for target in e.see_also
        if target not in slugs or target == e.slug
    ]
    assert not bad, "see_also must name the slug of another entry:\n" + "\n".join(bad)


def test_every_source_key_exists_in_references_bib() -> None:
    keys = set(bibliography().entries.keys())
    bad = [f"{rel(e.path)}:{e.line_of('sources')}: {key!r}" for e in entries() for key in e.sources if key not in keys]
    assert not bad, "add these keys to references.bib or fix the spelling:\n" + "\n".join(bad)


def test_every_entry_has_at_least_one_source() -> None:
    bad = [rel(e.path) for e in entries() if not e.sources]
    assert not bad, f"give each entry at least one key of references.bib in 'sources': {bad}"


def test_every_term_role_in_a_definition_resolves_to_an_entry() -> None:
    bad = [
        f"{rel(e.path)}: {{term}}`{content}`"
        for e in entries()
        for content in TERM_ROLE.findall(e.body)
        if term_key(role_target(content)) not in name_index()
    ]
    assert not bad, "these links name no term, alias or form; fix the target or add the form:\n" + "\n".join(bad)


def test_no_definition_links_its_own_entry() -> None:
    bad = [
        f"{rel(e.path)}: {{term}}`{content}`"
        for e in entries()
        for content in TERM_ROLE.findall(e.body)
        if name_index().get(term_key(role_target(content))) == e.slug
    ]
    assert not bad, "an entry must not link to itself; write the word as plain text:\n" + "\n".join(bad)


def unlinked_mentions(entry: GlossaryEntry) -> list[str]:
    """Names of other entries that the definition uses as plain text but never links.

    Longest names are matched first so that "lymphocytes T cytotoxiques" is not also read as
    "lymphocytes T"; the entry's own names count as matched text but are never reported.
    """
    linked = {name_index().get(term_key(role_target(c))) for c in TERM_ROLE.findall(entry.body)}
    text = term_key(TERM_ROLE.sub(" ", entry.body))
    missing: list[str] = []
    for key in sorted(name_index(), key=len, reverse=True):
        pattern = re.compile(rf"(?<![\w-]){re.escape(key)}(?![\w-])")
        if not pattern.search(text):
            continue
        text = pattern.sub(" ", text)
        owner = name_index()[key]
        if owner != entry.slug and owner not in linked and key not in missing:
            missing.append(key)
    return missing


def test_every_glossary_term_used_in_a_definition_is_linked() -> None:
    bad = [f"{rel(e.path)}: {names}" for e in entries() if (names := unlinked_mentions(e))]
    assert not bad, "link the first mention of these glossary terms with {term}:\n" + "\n".join(bad)


def test_every_entry_has_a_review_date_and_a_short_definition() -> None:
    bad = [rel(e.path) for e in entries() if e.reviewed is None or not e.short or e.en is None]
    assert not bad, f"add 'reviewed: YYYY-MM-DD', 'short: …' and 'en: …' to: {bad}"


def test_short_definitions_are_plain_text() -> None:
    bad = [rel(e.path) for e in entries() if e.short and re.search(r"[`{}<>*_\[\]]", e.short)]
    assert not bad, f"'short' is shown in tooltips as plain text; remove markup from: {bad}"


def test_every_category_is_in_the_documented_vocabulary() -> None:
    bad = [f"{rel(e.path)}: {e.category!r}" for e in entries() if e.category not in CATEGORIES]
    assert not bad, f"use one of {sorted(CATEGORIES)} (see glossary/README.md):\n" + "\n".join(bad)


def test_readme_documents_every_category() -> None:
    text = README.read_text(encoding="utf-8")
    missing = sorted(c for c in CATEGORIES if f"`{c}`" not in text)
    assert not missing, f"glossary/README.md: document these categories in the vocabulary table: {missing}"


def test_french_text_uses_french_typography() -> None:
    bad: list[str] = []
    for e in entries():
        for label, text in (("definition", TERM_ROLE.sub("", e.body)), ("short", e.short or "")):
            if "'" in text:
                bad.append(f"{rel(e.path)}: {label} uses ' instead of the apostrophe ’")
            if re.search(r"[ \u00a0][;!?]|[^\s\u202f][;!?](?:\s|$)", text):
                bad.append(f"{rel(e.path)}: {label} needs a narrow no-break space (U+202F) before ; ! ?")
            if re.search(r"[ \u202f]:|[^\s\u00a0\d]:(?:\s|$)", text):
                bad.append(f"{rel(e.path)}: {label} needs a no-break space (U+00A0) before :")
            if re.search(r"«(?!\u00a0)|(?<!\u00a0)»", text):
                bad.append(f"{rel(e.path)}: {label} needs no-break spaces (U+00A0) inside « »")
    assert not bad, "\n".join(bad)


def test_references_bib_parses_strictly_with_pybtex() -> None:
    assert bibliography().entries, "references.bib: no entries parsed"


def test_references_bib_holds_exactly_the_dossier_sources() -> None:
    keys = set(bibliography().entries.keys())
    allowed = DOSSIER_KEYS | DOSSIER_2026_KEYS | VERIFIED_BY_TEAM_KEYS | ISSUE24_CONTENT_KEYS | SAFETY_KEYS
    assert DOSSIER_KEYS <= keys and keys <= allowed, (
        f"references.bib: missing {sorted(DOSSIER_KEYS - keys)}, unexpected {sorted(keys - allowed)}; "
        "keep the keys of ../shared/sources/DOSSIER.md and use only checked records of DOSSIER-2026.md"
    )


def test_references_bib_never_uses_a_printed_note_field() -> None:
    bad = sorted(key for key, entry in bibliography().entries.items() if "note" in entry.fields)
    assert not bad, f"references.bib: styles print 'note'; move the verification status to 'verification' in {bad}"


def test_every_bibliography_key_supports_at_least_one_entry() -> None:
    used = {key for e in entries() for key in e.sources}
    unused = sorted(set(bibliography().entries.keys()) - used)
    assert not unused, f"cite these references.bib keys in the 'sources' of an entry they support: {unused}"


def test_every_bibliography_entry_has_a_known_evidence_type() -> None:
    """Every source says what kind of evidence it is (the printed « essai randomisé de phase 3, 945 patients »)."""
    bad = [
        f"{key}: evidence = {entry.fields.get('evidence')!r}"
        for key, entry in bibliography().entries.items()
        if entry.fields.get("evidence", "").strip() not in EVIDENCE_TYPES
    ]
    assert not bad, (
        f"references.bib: give each entry 'evidence = {{code}}' with a code of docscheck.records.EVIDENCE_TYPES "
        f"({', '.join(sorted(EVIDENCE_TYPES))}):\n" + "\n".join(bad)
    )


def test_participants_are_positive_integers() -> None:
    bad = [
        f"{key}: participants = {entry.fields['participants']!r}"
        for key, entry in bibliography().entries.items()
        if "participants" in entry.fields and not (entry.fields["participants"].isdigit() and int(entry.fields["participants"]) > 0)
    ]
    assert not bad, "references.bib: 'participants' is the number of patients analysed, a positive integer:\n" + "\n".join(bad)


def test_no_unseen_field_is_filled_with_a_placeholder() -> None:
    """A field the dossier did not see is left out, never written as UNVERIFIED (it would be printed or linked)."""
    printed = ("author", "title", "journal", "year", "volume", "number", "pages", "doi", "url", "howpublished")
    bad = [
        f"{key}: {name} = {entry.fields[name]!r}"
        for key, entry in bibliography().entries.items()
        for name in printed
        if name in entry.fields and "UNVERIFIED" in entry.fields[name].upper()
    ]
    assert not bad, "references.bib: remove these placeholder fields (leave an unseen field out):\n" + "\n".join(bad)
