"""Make a screenshot small enough to commit: its colours reduced to a palette, then compressed.

``python tools/shrink_png.py FILE.png [OUT.png]``. A report's screenshot is mostly flat colours
and text, so a palette of 64 colours (octree: light tints survive, unlike median cut) without dithering keeps every letter crisp at a fraction of
the size. Needs Pillow (installed with the test extra, through reportlab); without it the file
is copied as it is.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

COLOURS = 64


def shrink(source: Path, target: Path) -> str:
    try:
        from PIL import Image
    except ImportError:
        if source != target:
            shutil.copyfile(source, target)
        return f"{target}: kept as it is (Pillow is not installed)"
    before = source.stat().st_size
    with Image.open(source) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(target, optimize=True)
    return f"{target}: {before // 1024} KB -> {target.stat().st_size // 1024} KB"


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.strip().splitlines()[2].strip())
    given = Path(sys.argv[1])
    print(shrink(given, Path(sys.argv[2]) if len(sys.argv) == 3 else given))
