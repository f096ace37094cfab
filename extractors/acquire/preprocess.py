"""Image preparation before OCR: one function per step, applied in order.

This is the seam for later steps (rotation from Tesseract OSD, deskew, despeckle): add a
function ``Image -> Image`` and list it in ``STEPS``.
"""

from __future__ import annotations

from collections.abc import Callable

from PIL import Image, ImageOps

Step = Callable[[Image.Image], Image.Image]


def flatten_alpha(image: Image.Image) -> Image.Image:
    """Transparent areas become white paper, not black."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("RGB")
    return image


def to_grayscale(image: Image.Image) -> Image.Image:
    if image.mode == "L":
        return image
    if image.mode.startswith("I;16") or image.mode == "I":
        return image.point(lambda v: v / 256).convert("L")  # 16-bit scans
    return image.convert("L")


def normalize_contrast(image: Image.Image) -> Image.Image:
    """Stretch the grey levels so faint or greyish scans use the full range."""
    return ImageOps.autocontrast(image, cutoff=0.5)


STEPS: tuple[Step, ...] = (flatten_alpha, to_grayscale, normalize_contrast)


def prepare_for_ocr(image: Image.Image) -> Image.Image:
    for step in STEPS:
        image = step(image)
    return image
