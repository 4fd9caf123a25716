"""Vector SVG figures in the PDF: convert them to PDF with ``rsvg-convert`` for the LaTeX builder.

Sphinx's own ``sphinx.ext.imgconverter`` rasterises through ImageMagick; figures drawn for the
guide stay sharp when printed only if they remain vectors, so this converter plugs Debian's
librsvg into Sphinx's :class:`~sphinx.transforms.post_transforms.images.ImageConverter` hook.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from sphinx.locale import __
from sphinx.transforms.post_transforms.images import ImageConverter
from sphinx.util import logging

logger = logging.getLogger(__name__)

RSVG_CONVERT = "rsvg-convert"


class SvgToPdfConverter(ImageConverter):
    """Convert ``image/svg+xml`` to ``application/pdf`` for builders that cannot embed SVG."""

    conversion_rules = [("image/svg+xml", "application/pdf")]

    def is_available(self) -> bool:
        if shutil.which(RSVG_CONVERT):
            return True
        logger.warning(
            __("rsvg-convert is not installed, SVG figures cannot go into the PDF; install Debian's librsvg2-bin"),
            type="termbase",
            subtype="svg",
        )
        return False

    def convert(self, _from: str | Path, _to: str | Path) -> bool:
        result = subprocess.run(
            [RSVG_CONVERT, "--format=pdf", f"--output={_to}", str(_from)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            logger.warning(
                __("could not convert %s to PDF: %s"),
                _from,
                result.stderr.strip() or f"rsvg-convert exited with status {result.returncode}",
                type="termbase",
                subtype="svg",
            )
            return False
        return True


def setup(app: Any) -> dict[str, Any]:
    app.add_post_transform(SvgToPdfConverter)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
