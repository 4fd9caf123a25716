"""Pages (and docstrings) read in two processes give what one process gives (``docscheck.project.check_project``).

The fork is forced on every fixture root and on the guide itself (the threshold set to 0, a spare
CPU assumed), then the whole report is compared with a run in one process.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from docscheck import project
from docscheck.project import check_project, in_child

HERE = Path(__file__).resolve().parent
ROOTS = sorted(p for p in (HERE.parent / "roots").iterdir() if p.name.startswith(("test-docscheck-", "test-termbase-")))
GUIDE = HERE.parents[1]


def report_fields(root: Path) -> tuple:
    report = check_project(root)
    return report.findings, report.stats, report.notes, report.pages, report.hint


@pytest.fixture
def forks(monkeypatch):
    """Force two processes from the first character on; count the forks actually made."""
    made = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid:
            made.append(pid)
        return pid

    monkeypatch.setattr(project, "TWO_PROCESSES_FROM", 0)
    monkeypatch.setattr(project, "spare_cpu", lambda: True)
    monkeypatch.setattr(os, "fork", counting_fork)
    return made


@pytest.mark.parametrize("root", [*ROOTS, GUIDE], ids=lambda p: p.name if p != GUIDE else "guide")
def test_two_processes_give_the_same_report(root, forks, monkeypatch):
    monkeypatch.setattr(project, "spare_cpu", lambda: False)
    alone = report_fields(root)
    assert forks == []
    monkeypatch.setattr(project, "spare_cpu", lambda: True)
    together = report_fields(root)
    pages = alone[3]
    if len(pages) > 1:
        assert len(forks) == 1, "the second half of the pages was not parsed in a child"
    assert together == alone


def test_notes_of_the_childs_includes_come_back(tmp_path, forks):
    """An include that conf.py says the build writes is a note; it is found by the child."""
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "conf.py").write_text('extensions = ["myst_parser"]\nOUT = "_generated.md"\n', encoding="utf-8")
    (root / "docs" / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    (root / "docs" / "b.md").write_text("# B\n\n```{include} _generated.md\n```\n", encoding="utf-8")
    report = check_project(root)
    assert len(forks) == 1
    assert any("_generated.md (included by docs/b.md) does not exist" in note for note in report.notes)
    assert not [f for f in report.findings if f.code == "FILE001"]


def test_a_failed_child_is_made_up_for_by_the_parent(tmp_path, forks, monkeypatch):
    """If the child dies, the parent parses its half: same report, nothing lost."""
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "conf.py").write_text('extensions = ["myst_parser"]\n', encoding="utf-8")
    for name in "abcd":
        (root / "docs" / f"{name}.md").write_text(f"# {name}\n\nUn {{term}}`inconnu-{name}`.\n", encoding="utf-8")
    expected = report_fields(root)
    monkeypatch.setattr(project, "in_child", lambda work: in_child(lambda: os._exit(3)))
    assert report_fields(root) == expected
    assert sorted(f.path for f in expected[0] if f.code == "TERM001") == [f"docs/{n}.md" for n in "abcd"]


def test_in_child_returns_the_result_or_none():
    assert in_child(lambda: {"pages": [1, 2, 3]})() == {"pages": [1, 2, 3]}
    assert in_child(lambda: 1 / 0)() is None
    big = "x" * 3_000_000  # more than a pipe holds: the parent reads while the child writes
    assert in_child(lambda: big)() == big


def test_one_process_when_asked_without_a_second_cpu_or_with_threads(monkeypatch):
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setenv("DOCSCHECK_JOBS", "1")
    assert project.spare_cpu() is False
    monkeypatch.delenv("DOCSCHECK_JOBS")
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert project.spare_cpu() is False
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert project.spare_cpu() is True
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert project.spare_cpu() is False


def test_the_shared_queue_gives_each_number_to_one_process():
    """A parent and its child take numbers from the queue as they go: together, every number once."""
    from docscheck.project import SharedQueue

    for count in (0, 1, 5, 3000):  # 3000: more numbers than tokens, taken by chunks
        queue = SharedQueue(count)
        child = in_child(lambda: list(queue))
        mine = list(queue)
        theirs = child()
        queue.close()
        assert sorted(mine + theirs) == list(range(count))
