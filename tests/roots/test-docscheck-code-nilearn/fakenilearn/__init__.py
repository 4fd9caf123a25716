"""Machine learning for :term:`fMRI` data (a fixture mimicking nilearn's layout)."""
