# Immunoguide — build, check and test the guide.
#
# Every target creates the virtual environment it needs (.venv) from a fresh clone, so a machine
# with only python3, make and (for PDF and tests) Debian's apt-get is enough.
# You can set these variables from the command line or the environment.

PYTHON       ?= python3
VENV         ?= .venv
BIN          := $(VENV)/bin
SPHINXOPTS   ?= -n -W --keep-going
SPHINXBUILD  ?= $(BIN)/sphinx-build
SOURCEDIR    := docs
BUILDDIR     := _build
PYTESTOPTS   ?=

# Reproducible builds: the date of the last commit unless the caller fixes it.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1795392000)
export SOURCE_DATE_EPOCH

TEX_PACKAGES  := texlive-xetex texlive-latex-extra texlive-fonts-recommended texlive-lang-french \
                 latexmk xindy fonts-freefont-otf fonts-texgyre librsvg2-bin
TEST_PACKAGES := $(TEX_PACKAGES) chromium poppler-utils fonts-dejavu-core git python3-doc sphinx-doc

.DEFAULT_GOAL := help
.PHONY: help venv html pdf handouts handout check test bench serve clean

help:
	@echo "Cibles principales :"
	@echo "  make html      construit le site dans $(BUILDDIR)/html (ouvrir $(BUILDDIR)/html/index.html)"
	@echo "  make pdf       construit le guide PDF $(BUILDDIR)/pdf/immunoguide.pdf"
	@echo "  make handouts  une fiche PDF courte par page ($(BUILDDIR)/handouts), reliée depuis le site"
	@echo "  make handout PAGES=\"effets-indesirables carte-patient\" [QUESTIONS=\"effets-indesirables.3fa2c1\"]"
	@echo "                 un livret PDF : les questions (avec de la place pour les réponses), puis ces pages"
	@echo "                 ($(BUILDDIR)/handouts/livret.pdf ; codes des questions : $(BUILDDIR)/html/_static/livret-data.js)"
	@echo "  make handout LIVRET='<adresse de la page « Mon livret »>'"
	@echo "                 le même livret que celui du navigateur (pages et questions de l’adresse ;"
	@echo "                 LIVRET ne se combine pas avec PAGES ni QUESTIONS)"
	@echo "  make check     vérifie termes, sources et métadonnées (docscheck)"
	@echo "  make test      installe ce qu’il faut et lance toute la suite de tests"
	@echo "  make bench     lance les mesures de performance (benchmarks/results.md)"
	@echo "  make serve     aperçu en direct sur http://127.0.0.1:8000"
	@echo "  make clean     supprime $(BUILDDIR)"

# -- Environments ---------------------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-%: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[$*]'
	@touch $@

venv: $(VENV)/.installed

# Install missing Debian packages when we are root, else print the exact command and stop (status 2).
define ensure_debian_packages
	@missing=""; for p in $(1); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installation des paquets Debian manquants :$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 2; \
	  else \
	    echo "Paquets Debian manquants :$$missing"; \
	    echo "Installez-les avec : sudo apt-get install --no-install-recommends$$missing"; \
	    exit 2; \
	  fi; \
	fi
endef

# -- Builds ---------------------------------------------------------------------------------------
html: $(VENV)/.installed
	$(SPHINXBUILD) -M html $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)
	@echo "Site construit : ouvrez $(BUILDDIR)/html/index.html dans votre navigateur."

pdf: $(VENV)/.installed
	$(call ensure_debian_packages,$(TEX_PACKAGES))
	$(SPHINXBUILD) -M latex $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS)
	$(MAKE) -C $(BUILDDIR)/latex all-pdf LATEXMKOPTS="-silent -interaction=nonstopmode -halt-on-error"
	@mkdir -p $(BUILDDIR)/pdf
	cp $(BUILDDIR)/latex/immunoguide.pdf $(BUILDDIR)/pdf/immunoguide.pdf
	@echo "Guide PDF construit : $(BUILDDIR)/pdf/immunoguide.pdf"

# One short PDF per page with `handout: true` (termbase.handouts builder), then the site again so
# that each page links to its handout (the HTML build copies them into _build/html/fiches/).
handouts: $(VENV)/.installed
	$(call ensure_debian_packages,$(TEX_PACKAGES))
	$(SPHINXBUILD) -b handouts $(SOURCEDIR) $(BUILDDIR)/handouts-latex -d $(BUILDDIR)/doctrees-handouts $(SPHINXOPTS)
	$(MAKE) -C $(BUILDDIR)/handouts-latex all-pdf LATEXMKOPTS="-silent -interaction=nonstopmode -halt-on-error"
	@rm -rf $(BUILDDIR)/handouts && mkdir -p $(BUILDDIR)/handouts
	@for tex in $(BUILDDIR)/handouts-latex/*.tex; do cp "$${tex%.tex}.pdf" $(BUILDDIR)/handouts/; done
	$(SPHINXBUILD) -M html $(SOURCEDIR) $(BUILDDIR) $(SPHINXOPTS) -D termbase_handouts_dir=$(abspath $(BUILDDIR))/handouts
	@echo "Fiches PDF construites dans $(BUILDDIR)/handouts/ (le site les sert depuis $(BUILDDIR)/html/fiches/)."

# One PDF booklet (termbase.booklet's `booklet` builder, the handouts' layout): « Mes questions »,
# the questions named in QUESTIONS with lines for the answers, then the pages named in PAGES, in
# that order, one glossary and one list of sources for all of them. Or LIVRET, the address of the
# « Mon livret » page (or its #p=…&q=… part), read as the browser reads it; LIVRET with PAGES or
# QUESTIONS is a usage error. LIVRET reaches the commands through the environment ("$$LIVRET"), so
# any character of an address survives the shell. An unknown page or question stops the build
# before anything is written (status 2); other handouts are left alone.
PAGES ?=
QUESTIONS ?=
LIVRET ?=
export LIVRET
handout: $(VENV)/.installed
	$(BIN)/python -m termbase.booklet $(SOURCEDIR) $(PAGES) --questions="$(QUESTIONS)" --livret="$$LIVRET"
	$(call ensure_debian_packages,$(TEX_PACKAGES))
	$(SPHINXBUILD) -b booklet $(SOURCEDIR) $(BUILDDIR)/booklet-latex -d $(BUILDDIR)/doctrees-handouts $(SPHINXOPTS) -D termbase_booklet_pages="$(PAGES)" -D termbase_booklet_questions="$(QUESTIONS)" -D termbase_booklet_address="$$LIVRET"
	$(MAKE) -C $(BUILDDIR)/booklet-latex all-pdf LATEXMKOPTS="-silent -interaction=nonstopmode -halt-on-error"
	@mkdir -p $(BUILDDIR)/handouts
	cp $(BUILDDIR)/booklet-latex/livret.pdf $(BUILDDIR)/handouts/livret.pdf
	@echo "Livret PDF construit : $(BUILDDIR)/handouts/livret.pdf"

check: $(VENV)/.installed
	$(BIN)/docscheck check .

# -- Tests and benchmarks -------------------------------------------------------------------------
test: $(VENV)/.installed-test
	$(call ensure_debian_packages,$(TEST_PACKAGES))
	$(BIN)/python -m pytest $(PYTESTOPTS)

BENCH_SCALES ?= --scales 1 10 100
bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/run.py $(BENCH_SCALES)

# Live preview: sphinx-autobuild; every save runs one incremental build, with the environment
# (doctrees) and output of `make html`, so the first rebuild after `make html` is incremental too.
# Builds are warm (tools/warmbuild): forked from a process that has already imported Sphinx.
serve: $(VENV)/.installed-serve
	$(BIN)/python -m warmbuild serve $(SOURCEDIR) $(BUILDDIR)/html -d $(BUILDDIR)/doctrees $(SPHINXOPTS) --watch glossary --watch references.bib --watch tools/termbase

clean:
	rm -rf $(BUILDDIR)
