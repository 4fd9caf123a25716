"""
First-level GLM
===============

Fit a :term:`GLM` as in :footcite:t:`Friston1994`.
"""

import math

# %%
# Compute a :term:`mask`; the :term:`contrast` is not defined.
#
# See :footcite:t:`Poldrack2011`.
value = math.pi  # :term:`comment` roles in code are not text

# %%
# References
# ----------
#
# .. footbibliography::
