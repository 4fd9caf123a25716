"""docscheck on a corpus as dense as real pages: against sphinx-build and against a regex scan.

    python benchmarks/docscheck_dense.py [--scales 1 10] [--repeat 3] [--profile]

(`make bench` runs it at 1× and 10×, as the ``docscheck-dense`` part of ``benchmarks/run.py``.)

The corpus (seeded, no network) has, per 1×, 12 long pages (≈ 17 term references and 20 citations
each, lists, tables, admonitions, code blocks, front matter), 60 glossary entries and 35 BibTeX
entries: at 10× it is 722 files, about 2,040 term references and 2,390 citations. Its
``[tool.docscheck]`` turns TERM008 on (``jargon = true``), as the guide does. Each tool runs
as a cold subprocess, one run each by default (``--repeat`` keeps the best of N; the three tools run in
turn, one run each per round):

- docscheck (the ``docscheck check`` command that ``make check`` runs: :func:`docscheck_command`);
- ``sphinx-build -b html`` with termbase (``termbase_docscheck=0``, so docscheck's own pass is
  not counted twice);
- a regex scan (inline, ``REGEX_SCAN``): reads every file, finds term and citation roles with their
  lines, the names entries define and the keys of the .bib file, and counts undefined ones: the
  floor for a checker that cannot tell code from text.

Writes ``benchmarks/docscheck_dense.json`` and the « docscheck on a dense corpus » section of
``benchmarks/results.md`` (between markers, the rest of the file is left alone). ``--profile``
prints docscheck's cProfile top functions for the largest scale instead.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
START, END = "<!-- docscheck-dense:start -->", "<!-- docscheck-dense:end -->"
PAGES, TERMS, BIB = 12, 60, 35
REFS_PER_PAGE, CITES_PER_PAGE = 14, 20
SYLLABLES = ["ca", "lo", "mi", "té", "ra", "pu", "no", "si", "vé", "dé", "lu", "cho", "gra", "fi"]
SENTENCES = [
    "Le traitement agit sur le corps et les médecins suivent chaque patient avec soin.",
    "Les résultats varient selon les personnes, leur âge et leur état de santé.",
    "Une consultation permet de parler des effets attendus et des questions pratiques.",
    "Chaque étape est expliquée simplement, avec des exemples concrets et des chiffres sourcés.",
    "Les équipes adaptent le rythme des séances à la tolérance observée.",
]
CONF = '''project = "Dense"
language = "fr"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "termbase"]
termbase_glossary_dir = "../glossary"
bibtex_bibfiles = ["../references.bib"]
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
suppress_warnings = ["docscheck"]
'''
REGEX_SCAN = r'''
# The naive checker: regular expressions over every file, no parser. It finds {term} and {cite}
# roles with their lines, the names glossary entries define and the keys of the .bib files, and
# reports undefined terms and unknown keys. It cannot tell code from text, nor read directives.
import re, sys
from pathlib import Path
ROLE = re.compile(r"\{(term|cite(?::\w+)?)\}`([^`]+)`")
NAMES = re.compile(r"^(?:term|aliases|forms):\s*\[?([^\]\n]*)\]?\s*$", re.M)
KEY = re.compile(r"@\w+\s*\{\s*([^,\s]+)\s*,")
root = Path(sys.argv[1])
defined, keys, roles = set(), set(), []
for path in sorted(root.rglob("*")):
    if path.suffix not in (".md", ".bib") or not path.is_file():
        continue
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".bib":
        keys.update(KEY.findall(text))
        continue
    if path.parent.name == "glossary":
        for names in NAMES.findall(text):
            defined.update(n.strip().lower() for n in names.split(",") if n.strip())
    for number, line in enumerate(text.splitlines(), 1):
        for m in ROLE.finditer(line):
            roles.append((str(path.relative_to(root)), number, m.group(1), m.group(2)))
problems = 0
for path, number, role, content in roles:
    if role == "term":
        target = content.rsplit("<", 1)[-1].rstrip(">").strip().lower() if "<" in content else content.strip().lower()
        problems += target not in defined
    else:
        problems += sum(key.strip() not in keys for key in content.split(","))
print(len(roles), problems)
'''


def word(rng: random.Random, index: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)) + f"{index:05d}x"


def prose(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def generate(out: Path, scale: int = 1, seed: int = 2026) -> dict[str, int]:
    """Write the dense corpus under ``out`` and return its counts."""
    rng = random.Random(seed)
    pages, terms, bib = PAGES * scale, TERMS * scale, BIB * scale
    (out / "docs").mkdir(parents=True, exist_ok=True)
    (out / "glossary").mkdir(exist_ok=True)
    (out / "docs" / "conf.py").write_text(CONF, encoding="utf-8")
    (out / "pyproject.toml").write_text("[tool.docscheck]\nreview = true\njargon = true\n", encoding="utf-8")
    names = [word(rng, i) for i in range(terms)]
    keys = [f"auteur{i:05d}" for i in range(bib)]
    for i, name in enumerate(names):
        body = f"Définition du terme {name}, en deux phrases simples. {prose(rng, 1)}\n"
        (out / "glossary" / f"{name}.md").write_text(f"---\nterm: {name}\nforms: [{name}s]\nsources: [{keys[i % bib]}]\n---\n{body}", encoding="utf-8")
    with (out / "references.bib").open("w", encoding="utf-8") as bibfile:
        for i, key in enumerate(keys):
            bibfile.write(f"@article{{{key},\n  author = {{Auteur, A{i} and Second, B}},\n  title = {{Titre de l'article {i}}},\n  journal = {{Revue}},\n  year = {{{2000 + i % 26}}},\n  doi = {{10.1000/x{i}}}\n}}\n\n")
    toctree = "\n".join(f"page{p:05d}" for p in range(pages))
    (out / "docs" / "index.md").write_text(f"# Dense\n\n```{{toctree}}\n{toctree}\nbibliographie\n```\n", encoding="utf-8")
    (out / "docs" / "bibliographie.md").write_text("# Bibliographie\n\n```{bibliography}\n:all:\n```\n", encoding="utf-8")
    ref_count = cite_count = 0
    for p in range(pages):
        blocks = [f"---\nlast_reviewed: 2026-01-01\nnext_review: 2028-01-01\n---\n# Page {p}\n", prose(rng, 4) + "\n"]
        for t in range(REFS_PER_PAGE):
            name = names[(p * REFS_PER_PAGE + t) % terms]
            cited = [keys[(p * CITES_PER_PAGE + t + k) % bib] for k in range(1 if t < REFS_PER_PAGE - 3 else 2)]
            sentence = f"Le {{term}}`{name}` compte {{cite:p}}`{','.join(cited)}`. {prose(rng, 3)}"
            ref_count += 1
            cite_count += len(cited)
            if t % 5 == 1:
                blocks.append(f"## Partie {t}\n")
            if t % 4 == 2:
                blocks.append(f"- {sentence}\n- {prose(rng, 2)}\n- {prose(rng, 1)} {{term}}`{names[(p + t) % terms]}s <{names[(p + t) % terms]}>`\n")
                ref_count += 1
            elif t % 4 == 3:
                blocks.append(f":::{{note}}\n{sentence}\n:::\n")
            else:
                blocks.append(sentence + "\n")
        while cite_count < (p + 1) * CITES_PER_PAGE:
            blocks.append(f"| Essai | Résultat |\n|---|---|\n| A | 12 % {{cite:p}}`{keys[(p + cite_count) % bib]}` |\n")
            cite_count += 1
        blocks.append("```python\nprint('{term}`pas un rôle`')\n```\n")
        (out / "docs" / f"page{p:05d}.md").write_text("\n".join(blocks), encoding="utf-8")
    files = sum(1 for path in out.rglob("*") if path.suffix in (".md", ".bib"))
    return {"files": files, "pages": pages + 2, "terms": terms, "bib_entries": bib, "term_refs": ref_count, "citations": cite_count}


def docscheck_command() -> list[str]:
    """The ``docscheck`` console script beside this Python (what ``make check`` and users run),
    else ``python -m docscheck`` (which also imports runpy, a few milliseconds more)."""
    script = Path(sys.executable).with_name("docscheck")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "docscheck"]


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds and CPU seconds (user + system, robust to a busy machine) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), result


def best(runs: list[tuple[float, float, subprocess.CompletedProcess[str]]]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Best wall and best CPU time over ``runs``, with the last run's result."""
    return min(r[0] for r in runs), min(r[1] for r in runs), runs[-1][2]


def sphinx_build(root: Path, out: Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """A cold ``sphinx-build -b html`` of ``root/docs`` into the empty ``out`` (removed after)."""
    timing = timed([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-D", "termbase_docscheck=0", "-d", str(out / "doctrees"), str(root / "docs"), str(out / "html")])
    if not (out / "html" / "index.html").is_file():
        raise SystemExit(f"benchmark build failed: {timing[2].stderr[-2000:]}")
    shutil.rmtree(out, ignore_errors=True)
    return timing


def byte_compile() -> None:
    """Compile tools/ once, as pip does for an installed package: an editable install run with
    PYTHONDONTWRITEBYTECODE=1 would otherwise recompile docscheck and termbase on every start."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "tools")], check=True)


def measure(scales: list[int], repeat: int, work: Path) -> list[dict]:
    byte_compile()
    rows = []
    for scale in scales:
        root = work / f"dense-{scale}"
        counts = generate(root, scale)
        # One run of each tool per round, in turn: a change in the machine's load weighs on all three alike.
        rounds: dict[str, list[tuple[float, float, subprocess.CompletedProcess[str]]]] = {"docscheck": [], "regex": [], "sphinx": []}
        for run in range(repeat):
            rounds["docscheck"].append(timed([*docscheck_command(), "check", str(root), "--format", "json"]))
            rounds["regex"].append(timed([sys.executable, "-c", REGEX_SCAN, str(root)]))
            rounds["sphinx"].append(sphinx_build(root, work / f"build-{scale}-{run}"))
        (check_s, check_cpu, check), (regex_s, regex_cpu, scan), (sphinx_s, sphinx_cpu, _) = (best(rounds[tool]) for tool in ("docscheck", "regex", "sphinx"))
        stats = json.loads(check.stdout)["stats"]
        row = {
            "scale": scale, **counts,
            "docscheck_term_refs": stats["term_refs"], "docscheck_citations": stats["citations"],
            "regex_scan_counts": scan.stdout.split(),
            "docscheck_s": round(check_s, 3), "regex_s": round(regex_s, 3), "sphinx_s": round(sphinx_s, 2),
            "docscheck_cpu_s": round(check_cpu, 3), "regex_cpu_s": round(regex_cpu, 3), "sphinx_cpu_s": round(sphinx_cpu, 2),
            "vs_sphinx": round(sphinx_s / check_s, 1), "vs_regex": round(check_s / regex_s, 1),
            "vs_sphinx_cpu": round(sphinx_cpu / check_cpu, 1), "vs_regex_cpu": round(check_cpu / regex_cpu, 1),
            "load_average": round(os.getloadavg()[0], 1),
        }  # fmt: skip
        rows.append(row)
        print(
            f"{scale}×: docscheck {check_s:.2f}s ({check_cpu:.2f}s CPU), regex {regex_s:.2f}s ({regex_cpu:.2f}s CPU), sphinx {sphinx_s:.1f}s ({sphinx_cpu:.1f}s CPU)"
            f" → {row['vs_sphinx']}× faster than Sphinx ({row['vs_sphinx_cpu']}× in CPU), {row['vs_regex']}× the regex scan ({row['vs_regex_cpu']}× in CPU)",
            file=sys.stderr,
        )
    return rows


def markdown(rows: list[dict], repeat: int) -> str:
    lines = [
        START,
        "## docscheck on a dense corpus",
        "",
        f"Generated by `make bench` or `python benchmarks/docscheck_dense.py` (cold subprocesses, best of {repeat}; the `docscheck` command, the regex scan and Sphinx run in turn,",
        "`tools/` byte-compiled as an installed package is), with TERM008 on (`jargon = true`; wordfreq's table already",
        "in the user's cache, as after docscheck's first run on a machine). Targets: ≥ 20× faster",
        "than `sphinx-build -b html` at 10×, ≥ 10× at 1×, within 8× of a regex scan at 10×. Wall time, and in",
        "parentheses CPU time (user + system), which a busy machine does not inflate; the load average is the machine's",
        "during the run.",
        "",
        "| scale | files | term refs | citations | docscheck (s) | regex scan (s) | sphinx-build (s) | vs Sphinx | vs regex | load |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['scale']}× | {r['files']} | {r['docscheck_term_refs']} | {r['docscheck_citations']} | {r['docscheck_s']} ({r['docscheck_cpu_s']}) "
            f"| {r['regex_s']} ({r['regex_cpu_s']}) | {r['sphinx_s']} ({r['sphinx_cpu_s']}) | {r['vs_sphinx']}× faster ({r['vs_sphinx_cpu']}×) "
            f"| {r['vs_regex']}× slower ({r['vs_regex_cpu']}×) | {r['load_average']} |"
        )
    lines.append(END)
    return "\n".join(lines) + "\n"


def write_section(section: str) -> None:
    """Replace (or append) the marked section of results.md, leaving the rest of the file alone."""
    path = HERE / "results.md"
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Benchmark results\n"
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) + 1 :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def profile(scale: int, work: Path) -> None:
    root = work / f"dense-{scale}"
    generate(root, scale)
    code = "import cProfile, pstats, sys; from docscheck.project import check_project; cProfile.run('check_project(sys.argv[1])', '/dev/stdout' if False else sys.argv[2]); pstats.Stats(sys.argv[2]).sort_stats('cumulative').print_stats(30)"
    subprocess.run([sys.executable, "-c", code, str(root), str(work / "profile.out")], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the corpora here instead of a temporary directory")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        if args.profile:
            profile(max(args.scales), work)
            return 0
        rows = measure(args.scales, args.repeat, work)
    (HERE / "docscheck_dense.json").write_text(json.dumps({"python": sys.version.split()[0], "cpus": os.cpu_count(), "repeat": args.repeat, "rows": rows}, indent=2) + "\n", encoding="utf-8")
    section = markdown(rows, args.repeat)
    write_section(section)
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
