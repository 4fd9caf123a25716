"""Plasma formulary."""

__all__ = ["gyroradius"]

from fakeplasma.formulary.lengths import gyroradius
