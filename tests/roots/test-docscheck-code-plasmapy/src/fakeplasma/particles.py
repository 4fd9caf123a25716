"""Particles, documented with automodapi: cites :cite:`drake:2006`."""

__all__ = ["Particle"]


class Particle:
    """A :term:`particle-like` object."""

    def mass(self):
        """The mass of a particle with a given :term:`charge number`."""
