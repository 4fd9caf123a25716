"""Atlases."""

from ._utils import fill_doc


@fill_doc
def fetch_atlas_msdl(data_dir=None):
    """Download and load the MSDL brain :term:`atlas`.

    It can be downloaded at :footcite:t:`atlas_msdl`, and cited
    with :footcite:t:`CreativeCommons` for the licence.

    Parameters
    ----------
    data_dir : :obj:`str`, optional
        Where to store the :term:`voxels`.

    References
    ----------
    .. footbibliography::
    """
    return data_dir


def load_mask():
    """Load a mask of each :term:`voxel`, as in :footcite:t:`Smith2099`.

    References
    ----------
    .. footbibliography::
    """


def _private():
    """Not rendered: :term:`ghost` and :footcite:`Nobody2000` are not checked."""
