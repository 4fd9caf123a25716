"""Length scales."""


def gyroradius(B, particle):
    r"""Return the gyroradius of a :term:`particle-like` object.

    The formula follows :cite:t:`bellan:2006`, with the :term:`charge number`
    of :cite:p:`fundamenski:2007`.

    Parameters
    ----------
    B : float
        The magnetic field, a :term:`mutable` :term:`argument` here.
    """
    return B
