"""``docscheck.records.record`` behaves as ``@dataclass(frozen=True)`` does: equality, hash, repr,
immutability, ``replace``, pickling."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from docscheck.records import Citation, Page, TermRef, record


@record
class Shape:
    """A record with every kind of field."""

    name: str
    sides: int = 0
    tags: tuple[str, ...] = ()
    notes: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class ShapeDataclass:
    """The same fields, as a frozen dataclass."""

    name: str
    sides: int = 0
    tags: tuple[str, ...] = ()
    notes: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    secret: str = field(default="", repr=False)


@record
class One:
    """One field: its key is still a tuple (a NaN equals itself as a tuple item does)."""

    value: float


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("square", 4, ("x",)), ("square", 4, ("x",))),
        (("square", 4, ("x",)), ("square", 5, ("x",))),
        (("square", 4, ()), ("triangle", 4, ())),
    ],
)
def test_equality_hash_and_repr_are_the_dataclass_ones(a, b):
    ours = Shape(*a, notes={"n": 1}, secret="s"), Shape(*b, notes={"m": 2})
    theirs = ShapeDataclass(*a, notes={"n": 1}, secret="s"), ShapeDataclass(*b, notes={"m": 2})
    assert (ours[0] == ours[1]) == (theirs[0] == theirs[1])
    assert (ours[0] != ours[1]) == (theirs[0] != theirs[1])
    assert (hash(ours[0]) == hash(ours[1])) == (ours[0] == ours[1])
    assert repr(ours[0]) == repr(theirs[0]).replace("ShapeDataclass", "Shape")
    assert "secret" not in repr(ours[0]) and "notes={'n': 1}" in repr(ours[0])


def test_a_record_is_a_frozen_dataclass():
    shape = Shape("square", 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        shape.sides = 5  # type: ignore[misc]
    assert dataclasses.is_dataclass(shape) and [f.name for f in dataclasses.fields(shape)] == ["name", "sides", "tags", "notes", "secret"]
    assert dataclasses.replace(shape, sides=5) == Shape("square", 5)
    assert pickle.loads(pickle.dumps(shape)) == shape
    assert shape != ShapeDataclass("square", 4) and shape != ("square", 4, (), "")
    assert len({Shape("a"), Shape("a", notes={"x": 1}), Shape("b")}) == 2


def test_one_field_compares_as_a_tuple_item():
    nan = float("nan")
    assert One(nan) == One(nan) and hash(One(nan)) == hash(One(nan))
    assert One(1.0) != One(2.0)


def test_a_hash_that_does_not_follow_compare_is_refused():
    with pytest.raises(TypeError, match="hashes the fields it compares"):

        @record
        class Odd:
            """hash=True on a field left out of comparisons."""

            a: int = field(default=0, compare=False, hash=True)


def test_docscheck_records_compare_by_value():
    refs = (TermRef("docs/a.md", 3, "lymphocyte", "lymphocyte"),)
    page = Page("docs/a.md", {"title": "A"}, {"title": 2}, True, refs, (Citation("docs/a.md", 4, "k2001"),), (), ())
    assert pickle.loads(pickle.dumps(page)) == page and page != dataclasses.replace(page, is_root=True)
    assert hash(refs[0]) == hash(TermRef("docs/a.md", 3, "lymphocyte", "lymphocyte"))
    with pytest.raises(TypeError):  # a dict field, as with a frozen dataclass
        hash(page)
