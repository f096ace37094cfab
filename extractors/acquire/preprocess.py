"""Image preparation before OCR: grey, flat, contrasted, upright and straight.

The steps read top to bottom in ``prepare_for_ocr``. Orientation and skew are measured
once, on a copy reduced to about ``ANALYSIS_WIDTH`` pixels, from the projection profile of
the ink: text lines make the row sums of a straight page alternate sharply between ink and
paper, and that contrast falls as soon as the page is turned by a fraction of a degree.
The same measure on the columns tells a page turned by 90 or 270 degrees (its lines run
down the page). Which way up it is (0 or 180, 90 or 270) the profile cannot tell: that is
left to Tesseract's orientation detection, run only for the pages that need it (``ocr``).
Measured on a 300-dpi A4 page: ~40 ms for the analysis, ~60 ms to rotate the full image.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps

ANALYSIS_WIDTH = 800  # pixels; enough to resolve 0.1° over a text line
MIN_INK_PIXELS = 500  # fewer and the page is (nearly) blank: nothing to measure
MAX_INK_SAMPLE = 60_000  # ink pixels used for the profile (a random, seeded sample)
MAX_SKEW = 5.0  # degrees searched either side of straight
MIN_SKEW = 0.2  # below this a correction costs more than it gains
SIDEWAYS_MARGIN = 1.25  # column profile this much sharper than rows: lines run vertically
# a skew is corrected only when turning the page back makes its rows this much sharper than
# as scanned: on a page of scanner grain with one short line (a signature alone on the last
# page) every angle scores the same, and the edge of the search won by a hair turned the page
# by 5.5° and Tesseract then read nothing
MIN_SKEW_GAIN = 1.03


@dataclass(frozen=True)
class Prepared:
    """The image handed to Tesseract and what was done to it."""

    image: Image.Image
    skew: float = 0.0  # degrees the scan was skewed (counter-clockwise positive), now undone
    sideways: bool = False  # its lines ran vertically; it was turned by 90 degrees


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


# Share (%) of the darkest and of the lightest pixels ignored when the grey levels are
# stretched. The dark cut must stay below the ink of the emptiest page worth reading: a
# signature page with four names has about 0.1% ink, and with the dark cut at 0.5% the
# stretch started inside the paper and turned its grain into black noise, so Tesseract read
# nothing (measured on wild2 rendered as scans: the "S.S." page of w14 came back empty).
# One name alone on the last page is less ink still (0.046% on a 300-dpi A4 page: it came back
# empty too), so the dark cut is also kept under a quarter of the page's ink (its pixels
# darker than mid-grey): the stretch never starts inside the paper.
CONTRAST_CUTOFF = (0.05, 0.5)


def normalize_contrast(image: Image.Image) -> Image.Image:
    """Stretch the grey levels so faint or greyish scans use the full range."""
    hist = image.histogram()
    ink_percent = 100.0 * sum(hist[:128]) / max(1, sum(hist))
    dark_cut = min(CONTRAST_CUTOFF[0], ink_percent / 4)
    return ImageOps.autocontrast(image, cutoff=(dark_cut, CONTRAST_CUTOFF[1]))


def prepare_for_ocr(image: Image.Image) -> Prepared:
    """Grey, contrast-stretched, turned so its lines run across, and straightened."""
    image = normalize_contrast(to_grayscale(flatten_alpha(image)))
    ink = ink_points(image)
    if ink is None:
        return Prepared(image)
    sideways = is_sideways(*ink)
    if sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)
        ys, xs = ink
        ink = (xs.max() - xs, ys)  # the same points, turned with the image
    skew = skew_angle(*ink)
    if abs(skew) >= MIN_SKEW:
        image = image.rotate(-skew, resample=Image.Resampling.BILINEAR, expand=False,
                             fillcolor=255)
    return Prepared(image, skew=skew if abs(skew) >= MIN_SKEW else 0.0, sideways=sideways)


# --- measuring the page -----------------------------------------------------------------

def ink_points(image: Image.Image) -> tuple[np.ndarray, np.ndarray] | None:
    """(rows, columns) of the dark pixels of a reduced grey copy, or None on a blank page."""
    factor = max(1, round(image.width / ANALYSIS_WIDTH))
    small = np.asarray(image.reduce(factor) if factor > 1 else image, dtype=np.uint8)
    threshold = otsu_threshold(small)
    ys, xs = np.nonzero(small < threshold)
    if ys.size < MIN_INK_PIXELS or ys.size > 0.5 * small.size:
        return None  # blank, or a photo / a black page: no lines to measure
    if ys.size > MAX_INK_SAMPLE:
        keep = np.random.default_rng(0).choice(ys.size, MAX_INK_SAMPLE, replace=False)
        ys, xs = ys[keep], xs[keep]
    return ys.astype(np.float32), xs.astype(np.float32)


def otsu_threshold(grey: np.ndarray) -> int:
    """The grey level that best separates ink from paper (Otsu's method)."""
    hist = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256)
    weight = np.cumsum(hist)
    total = weight[-1]
    mean = np.cumsum(hist * levels)
    between = (mean[-1] * weight - mean * total) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between[:-1])) + 1


def sharpness(ys: np.ndarray, xs: np.ndarray, angle: float) -> float:
    """How sharply the ink falls into rows when the page is turned back by ``angle`` degrees.

    The sum of squares of the row histogram, relative to that of an even spread: 1.0 for
    ink spread evenly, higher the more the rows alternate between ink and paper.
    """
    rows = ys - xs * np.float32(np.tan(np.radians(angle)))
    hist = np.bincount((rows - rows.min()).astype(np.int64))
    return float(hist.size * np.dot(hist, hist) / float(ys.size) ** 2)


def skew_angle(ys: np.ndarray, xs: np.ndarray) -> float:
    """How far the text lines are turned (degrees, counter-clockwise positive)."""
    def best(candidates: np.ndarray) -> float:
        return float(max(candidates, key=lambda a: sharpness(ys, xs, a)))

    coarse = best(np.arange(-MAX_SKEW, MAX_SKEW + 0.01, 0.5))
    fine = best(np.arange(coarse - 0.5, coarse + 0.51, 0.1))
    if sharpness(ys, xs, fine) < MIN_SKEW_GAIN * sharpness(ys, xs, 0.0):
        return 0.0  # no angle brings the ink into rows (a page of grain and one short line): leave it
    return round(-fine, 2)


def is_sideways(ys: np.ndarray, xs: np.ndarray) -> bool:
    """Do the text lines run down the page (a page turned by 90 or 270 degrees)?"""
    across = max(sharpness(ys, xs, a) for a in (-2.0, 0.0, 2.0))
    down = max(sharpness(xs, ys, a) for a in (-2.0, 0.0, 2.0))
    return down > SIDEWAYS_MARGIN * across
