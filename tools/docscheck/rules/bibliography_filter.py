"""Which entries a ``bibliography`` directive lists: ``:all:``, ``:notcited:`` or a ``:filter:``.

An entry a bibliography lists is used even if no role cites it (CITE002). The ``:filter:``
language is sphinxcontrib-bibtex's: a Python expression over ``key``, ``type``, ``author``,
``editor``, ``cited``, ``docname``, ``docnames`` and any field name, with ``%`` for a
case-insensitive regular-expression search. It is evaluated here exactly as
``sphinxcontrib.bibtex.domain._FilterVisitor`` does, by walking the :mod:`ast`, never with ``eval``.
"""

from __future__ import annotations

import ast
import re
from typing import Any

from docscheck.records import BibEntry, BibliographyBlock


class FilterError(ValueError):
    """A filter sphinxcontrib-bibtex rejects too (it then falls back to ``cited``)."""


def parse_filter(block: BibliographyBlock) -> ast.AST:
    """The expression of the block, as sphinxcontrib-bibtex chooses it from the options."""
    if block.filter is not None:
        try:
            return ast.parse(block.filter)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return ast.parse("cited")
    if block.all:
        return ast.parse("True")
    if block.notcited:
        return ast.parse("not cited")
    return ast.parse("cited")


class _Evaluator(ast.NodeVisitor):
    """The value of a filter for one entry (mirrors sphinxcontrib-bibtex's visitor)."""

    def __init__(self, entry: BibEntry, docname: str, cited_docnames: frozenset[str]) -> None:
        self.entry = entry
        self.docname = docname
        self.cited_docnames = cited_docnames

    def visit_Module(self, node: ast.Module) -> Any:
        if len(node.body) != 1:
            raise FilterError("filter expression cannot contain multiple expressions")
        return self.visit(node.body[0])

    def visit_Expr(self, node: ast.Expr) -> Any:
        return self.visit(node.value)

    def visit_BoolOp(self, node: ast.BoolOp) -> Any:
        outcomes = (self.visit(value) for value in node.values)
        return all(outcomes) if isinstance(node.op, ast.And) else any(outcomes)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> Any:
        if isinstance(node.op, ast.Not):
            return not self.visit(node.operand)
        raise FilterError("unsupported operator")

    def visit_BinOp(self, node: ast.BinOp) -> Any:
        left, right = self.visit(node.left), self.visit(node.right)
        if isinstance(node.op, ast.Mod):
            if not isinstance(left, str) or not isinstance(right, str):
                raise FilterError("% needs strings")
            return re.search(right, left, re.IGNORECASE)
        if isinstance(node.op, ast.BitOr):
            return left | right
        if isinstance(node.op, ast.BitAnd):
            return left & right
        raise FilterError("unsupported operator")

    def visit_Compare(self, node: ast.Compare) -> Any:
        if len(node.ops) != 1:
            raise FilterError("syntax for multiple comparators not supported")
        left, op, right = self.visit(node.left), node.ops[0], self.visit(node.comparators[0])
        operations = {
            ast.Eq: lambda: left == right, ast.NotEq: lambda: left != right,
            ast.Lt: lambda: left < right, ast.LtE: lambda: left <= right,
            ast.Gt: lambda: left > right, ast.GtE: lambda: left >= right,
            ast.In: lambda: left in right, ast.NotIn: lambda: left not in right,
        }  # fmt: skip
        operation = operations.get(type(op))
        if operation is None:
            raise FilterError("unsupported comparison")
        return operation()

    def visit_Name(self, node: ast.Name) -> Any:
        name = node.id
        if name == "type":
            return self.entry.type.lower()
        if name == "key":
            return self.entry.key.lower()
        if name == "cited":
            return bool(self.cited_docnames)
        if name == "docname":
            return self.docname
        if name == "docnames":
            return self.cited_docnames
        return self.entry.fields.get(name, "")

    def visit_Set(self, node: ast.Set) -> Any:
        return frozenset(self.visit(element) for element in node.elts)

    def visit_Constant(self, node: ast.Constant) -> Any:
        return node.value

    def generic_visit(self, node: ast.AST) -> Any:
        raise FilterError(f"invalid node {node.__class__.__name__}")


def listed_entries(block: BibliographyBlock, bib: tuple[BibEntry, ...], cited_in: dict[str, frozenset[str]], docname: str) -> list[BibEntry]:
    """Entries the block shows; ``cited_in`` maps a key to the pages citing it.

    A filter that fails on an entry falls back to ``cited``, as sphinxcontrib-bibtex does.
    """
    expression = parse_filter(block)
    listed = []
    for entry in bib:
        cited_docnames = cited_in.get(entry.key, frozenset())
        try:
            keep = _Evaluator(entry, docname, cited_docnames).visit(expression)
        except (FilterError, TypeError, re.error, RecursionError):
            keep = bool(cited_docnames)
        if keep:
            listed.append(entry)
    return listed
