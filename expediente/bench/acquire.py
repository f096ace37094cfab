"""``expediente bench acquire``: speed, accuracy and memory of acquisition, with its goals.

It makes its own files: born-digital rulings from the sample generator (fpdf2, with the
exact text of every page), and scans of their pages rendered by pypdfium2 at ``--dpi`` in
grey, clean and degraded (skew ±2°, noise, low contrast, turned 90 and 180 degrees), each
set saved as an image-only PDF. It prints:

- born-digital pages/s through ``acquire`` (one process per core, as the ingest flow runs);
- OCR pages/s through ``acquire`` against the same page images through the bare
  ``tesseract`` command with the same settings, both with two processes and
  ``OMP_THREAD_LIMIT=1``, and the ratio (the overhead of acquisition);
- character error rate (Levenshtein distance over whitespace-normalised text, divided by
  the length of the reference) per scan set, against the source text put through the same
  cleanup as a text layer;
- peak memory (``getrusage``) of acquisition in a fresh process on an N-page scan.
"""

from __future__ import annotations

import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import Annotated

import numpy as np
import typer
from PIL import Image

GOALS = {
    "overhead": 0.10,  # acquisition at most 10 % slower than bare Tesseract
    "born_digital": 100.0,  # pages/s on two cores
    "cer_clean": 0.01,
    "cer_degraded": 0.02,
    "memory": 1 << 30,  # bytes, on a 500-page scan
}


def register(app: typer.Typer) -> None:
    app.command("acquire")(bench_acquire)


def bench_acquire(
    pages: Annotated[int, typer.Option(
        "--pages", min=1, help="Páginas escaneadas por conjunto (limpio y cada degradación).")] = 6,
    dpi: Annotated[int, typer.Option(
        "--dpi", min=100, max=600, help="Resolución de los escaneos y del OCR.")] = 300,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Carpeta donde dejar los archivos generados (si no, se borran).")] = None,
    seed: Annotated[int, typer.Option(
        "--seed", help="Semilla del corpus y de las degradaciones.")] = 7,
    born_pages: Annotated[int, typer.Option(
        "--born-pages", min=10, help="Páginas nativas digitales a leer.")] = 400,
    memory_pages: Annotated[int, typer.Option(
        "--memory-pages", min=0,
        help="Páginas del escaneo en que medir la memoria (0: no medir; la meta es con 500).")] = 20,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Procesos (núcleos) a usar.")] = 2,
) -> None:
    """Mide la adquisición: páginas/s (nativas y OCR contra tesseract solo), CER y memoria."""
    workdir = Path(out) if out else Path(tempfile.mkdtemp(prefix="bench-acquire-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        bench = Bench(workdir=workdir, pages=pages, dpi=dpi, seed=seed, workers=workers)
        _say(f"archivos en {workdir}")
        _print(f"carga de la máquina al empezar: {os.getloadavg()[0]:.2f} "
               f"({os.cpu_count()} núcleos); otros procesos falsean los tiempos reales, no la CPU")
        bench.born_digital(born_pages)
        bench.scans()
        if memory_pages:
            bench.memory(memory_pages)
        bench.summary()
    finally:
        if out is None:
            shutil.rmtree(workdir, ignore_errors=True)


# --- the scans: page images, degraded ----------------------------------------------------

def _skew(image: Image.Image, index: int, rng: np.random.Generator) -> Image.Image:
    angle = 2.0 if index % 2 == 0 else -2.0
    return image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)


def _noise(image: Image.Image, index: int, rng: np.random.Generator) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float32)
    pixels = pixels + rng.standard_normal(pixels.shape, dtype=np.float32) * 25.0
    for _ in range(300):  # dust and toner specks
        y, x = rng.integers(0, pixels.shape[0] - 4), rng.integers(0, pixels.shape[1] - 4)
        pixels[y:y + 3, x:x + 3] = rng.uniform(0, 120)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def _low_contrast(image: Image.Image, index: int, rng: np.random.Generator) -> Image.Image:
    pixels = np.asarray(image, dtype=np.float32)  # ink 0 → 140, paper 255 → 200
    return Image.fromarray((140.0 + pixels * (60.0 / 255.0)).astype(np.uint8))


def _turn(degrees: int) -> Callable[[Image.Image, int, np.random.Generator], Image.Image]:
    transpose = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180}[degrees]
    return lambda image, index, rng: image.transpose(transpose)


SETS: dict[str, Callable[[Image.Image, int, np.random.Generator], Image.Image] | None] = {
    "limpio": None,
    "inclinado ±2°": _skew,
    "ruido": _noise,
    "bajo contraste": _low_contrast,
    "girado 90°": _turn(90),
    "girado 180°": _turn(180),
}


def render_pages(pdf_path: Path, dpi: int) -> Iterator[Image.Image]:
    """The pages of a PDF rendered in grey at ``dpi``, one at a time."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf_path))
    try:
        for index in range(len(document)):
            page = document[index]
            yield page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            page.close()
    finally:
        document.close()


def image_pdf(path: Path, images: Iterator[Image.Image], dpi: int, *, jpeg: bool = False) -> int:
    """An image-only PDF, one page per image at ``dpi`` (lossless, or JPEG like most scans)."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    count = 0
    for image in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        pdf.add_page(format=(width, height))
        if jpeg:
            data = io.BytesIO()
            image.save(data, format="JPEG", quality=75)
            image = data
        pdf.image(image, x=0, y=0, w=width, h=height)
        count += 1
    pdf.output(str(path))
    return count


# --- our own rulings, when the sample generator cannot be used ---------------------------

SENTENCES = (
    "VISTOS: en audiencia pública, el recurso de apelación interpuesto por la defensa técnica "
    "del sentenciado {name} contra la sentencia que lo condenó como autor del delito de {crime}.",
    "El Ministerio Público formuló acusación el {day} de {month} de {year} y solicitó {years} "
    "años de pena privativa de libertad y una reparación civil de S/ {amount}.00.",
    "CONSIDERANDO: que la declaración de la agraviada es coherente, persistente y se encuentra "
    "corroborada por la pericia psicológica y por el acta de intervención policial.",
    "Conforme al Acuerdo Plenario N.° 2-2005/CJ-116, la sindicación de la víctima debe reunir "
    "ausencia de incredibilidad subjetiva, verosimilitud y persistencia en la incriminación.",
    "La defensa sostiene que la prueba de cargo es insuficiente y que no se valoró la prueba de "
    "descargo ofrecida en el juicio oral, por lo que solicita la absolución de su patrocinado.",
    "En el Expediente N.° {case}, el Juzgado Penal Colegiado de {city} expidió sentencia "
    "condenatoria el {day} de {month} de {year}.",
    "El artículo {article} del Código Penal sanciona esta conducta con pena privativa de "
    "libertad no menor de {years} años, además de la inhabilitación correspondiente.",
    "La Sala advierte que la pena impuesta se determinó dentro del tercio inferior, atendiendo "
    "a la carencia de antecedentes penales y a las condiciones personales del acusado.",
    "Por estos fundamentos, la Sala Penal de Apelaciones de {city} RESUELVE: CONFIRMAR la "
    "sentencia apelada en todos sus extremos. Notifíquese y devuélvase.",
)
FILL = {
    "name": ("Juan Carlos Quispe Mamani", "Rosa Elena Huamán Ccori", "Pedro Pablo Flores Ríos",
             "María Luz Condori Apaza", "Wilder Shapiama Tananta"),
    "crime": ("robo agravado", "violación sexual", "colusión agravada", "tráfico ilícito de "
              "drogas", "lesiones graves", "minería ilegal"),
    "month": ("enero", "marzo", "mayo", "julio", "setiembre", "noviembre"),
    "city": ("Puno", "Cusco", "Arequipa", "Lima Norte", "Madre de Dios", "Ucayali"),
}


def own_rulings(folder: Path, min_pages: int, *, seed: int) -> list[tuple[Path, list[str]]]:
    """Multi-page born-digital rulings (fpdf2) with a running header and page numbers,
    written line by line so the text of every page is known exactly."""
    import random
    import textwrap

    from fpdf import FPDF

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    corpus: list[tuple[Path, list[str]]] = []
    while sum(len(pages) for _, pages in corpus) < min_pages:
        city = rng.choice(FILL["city"])
        header = f"CORTE SUPERIOR DE JUSTICIA DE {city.upper()} - Sala Penal de Apelaciones"
        lines: list[str] = []
        for _ in range(rng.randint(60, 160)):
            values = {key: rng.choice(options) for key, options in FILL.items()}
            values.update(day=rng.randint(1, 28), year=rng.randint(2015, 2023),
                          years=rng.randint(4, 20), amount=f"{rng.randint(1, 90)},000",
                          article=rng.choice((108, 170, 188, 189, 296, 384)),
                          case=f"{rng.randint(1, 9999):05d}-{rng.randint(2015, 2023)}-0-"
                               f"{rng.randint(1001, 2701)}-JR-PE-{rng.randint(1, 9):02d}")
            lines += textwrap.wrap(rng.choice(SENTENCES).format(**values), 92) + [""]
        bodies = [lines[i:i + 44] for i in range(0, len(lines), 44)]
        pages = [[header, "", *body, "", f"Página {n} de {len(bodies)}"]
                 for n, body in enumerate(bodies, start=1)]
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_font("helvetica", size=10)
        for page in pages:
            pdf.add_page()
            for row, line in enumerate(page):
                pdf.set_xy(20, 15 + row * 5.4)
                pdf.cell(170, 5, line)
        path = folder / f"resolucion{len(corpus) + 1:03d}.pdf"
        pdf.output(str(path))
        corpus.append((path, ["\n".join(page) for page in pages]))
    return corpus


# --- measuring -------------------------------------------------------------------------

def normalise(text: str) -> str:
    return " ".join(text.split())


def cer(hypotheses: list[str], references: list[str]) -> float:
    """Character error rate: edit distance over whitespace-normalised text / reference length."""
    from rapidfuzz.distance import Levenshtein

    distance = sum(Levenshtein.distance(normalise(h), normalise(r))
                   for h, r in zip(hypotheses, references, strict=True))
    return distance / max(1, sum(len(normalise(r)) for r in references))


def _acquire_child(path: str, dpi: int, workers: int) -> dict:
    """Run in a fresh process: acquire one file; report time, CPU and peak memory."""
    from extractors.acquire import acquire
    from extractors.acquire.language import detect_language

    detect_language("la sala penal de apelaciones confirma la sentencia apelada " * 3)
    before = _peak_rss()
    own, children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    doc = acquire(Path(path), dpi=dpi, ocr_workers=workers)
    seconds = time.perf_counter() - start
    own, children = _cpu(resource.RUSAGE_SELF) - own, _cpu(resource.RUSAGE_CHILDREN) - children
    return {"seconds": seconds, "pages": [p.text for p in doc.pages],
            "confidence": [p.ocr_confidence for p in doc.pages],
            "cpu": own + children, "cpu_python": own, "cpu_tesseract": children,
            "rss_before": before, "rss_peak": _peak_rss()}


def _bare_child(images: list[str], dpi: int, workers: int) -> dict:
    """Run in a fresh (small) process: the images through the tesseract command alone,
    ``workers`` processes at once; report time, their CPU and the largest one's memory."""
    from extractors.acquire.ocr import tesseract_command

    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}

    def one(image: str) -> str:
        outbase = Path(image).with_name(Path(image).stem + "-bare")
        subprocess.run(tesseract_command(Path(image), outbase, dpi=dpi), env=env, check=True,
                       capture_output=True)
        return outbase.with_suffix(".txt").read_text(encoding="utf-8")

    start = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        texts = list(pool.map(one, images))
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": time.perf_counter() - start, "pages": texts,
            "cpu": children.ru_utime + children.ru_stime, "rss_peak": children.ru_maxrss * 1024}


def _peak_rss() -> int:
    """This process's peak resident memory in bytes. Linux's VmHWM counts only this program;
    ``getrusage`` can also count what the parent had mapped when it forked this one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _acquire_many(paths: list[str]) -> tuple[int, float]:
    """Acquire born-digital files one after another: pages read and CPU seconds spent."""
    from extractors.acquire import acquire

    start = _cpu(resource.RUSAGE_SELF)
    pages = sum(acquire(Path(p)).page_count for p in paths)
    return pages, _cpu(resource.RUSAGE_SELF) - start


def _warm(_: int) -> None:
    from extractors.acquire.language import detect_language

    detect_language("la sala penal de apelaciones confirma la sentencia apelada " * 3)
    time.sleep(0.3)  # keep this worker busy so the other one warms up too


def _in_fresh_process(function: str, *args: object) -> dict:
    """``function(*args)`` of this module in a new Python that imports only what it needs."""
    code = (f"import json, sys; from expediente.bench.acquire import {function}; "
            f"print(json.dumps({function}(*json.loads(sys.argv[1]))))")
    proc = subprocess.run([sys.executable, "-c", code, json.dumps(args)], capture_output=True,
                          text=True, check=False, cwd=Path(__file__).resolve().parents[2])
    if proc.returncode != 0:
        raise RuntimeError(f"{function}{args!r} falló:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the bench -------------------------------------------------------------------------

@dataclass
class Bench:
    workdir: Path
    pages: int
    dpi: int
    seed: int
    workers: int

    def __post_init__(self) -> None:
        self.figures: dict[str, float] = {}
        self.corpus: list[tuple[Path, list[str]]] = []

    def make_corpus(self, min_pages: int) -> list[tuple[Path, list[str]]]:
        """Born-digital rulings until ``min_pages`` pages: from the sample generator, or from
        ``own_rulings`` when that cannot be used."""
        try:
            from samples import generate

            count = 0
            while sum(len(truth) for _, truth in self.corpus) < min_pages:
                count = max(4, 2 * count)
                docs = generate(self.workdir / "nativos", count=count, seed=self.seed,
                                scanned_ratio=0.0)
                self.corpus = [(d.path, json.loads(d.path.with_suffix(".pages.json")
                                                   .read_text("utf-8"))) for d in docs]
        except Exception as exc:  # noqa: BLE001 - any failure there: use our own text
            _say(f"el generador de muestras no se pudo usar ({type(exc).__name__}: {exc}); "
                 "se usan resoluciones propias del banco")
            self.corpus = own_rulings(self.workdir / "propios", min_pages, seed=self.seed)
        return self.corpus

    def born_digital(self, min_pages: int) -> None:
        corpus = self.make_corpus(min_pages)
        paths = [str(path) for path, _ in corpus]
        chunks = [paths[i::self.workers] for i in range(self.workers)]
        with ProcessPoolExecutor(self.workers, mp_context=get_context("spawn")) as pool:
            list(pool.map(_warm, range(self.workers)))
            start = time.perf_counter()
            done = list(pool.map(_acquire_many, chunks))
            seconds = time.perf_counter() - start
        pages, cpu = sum(n for n, _ in done), sum(c for _, c in done)
        rate, capacity = pages / seconds, self.workers * pages / cpu
        self.figures.update(born_digital=rate, born_digital_cpu=capacity)
        _print(f"nativos digitales: {pages} páginas en {seconds:.2f} s con {self.workers} procesos "
               f"= {rate:.0f} páginas/s; por CPU: {1000 * cpu / pages:.1f} ms por página = "
               f"{capacity:.0f} páginas/s con {self.workers} núcleos libres")

    def scan_pages(self) -> tuple[list[Image.Image], list[str]]:
        """The first ``pages`` pages of the corpus as images, with their source text."""
        images, truths = [], []
        for path, truth in self.corpus:
            for image, text in zip(render_pages(path, self.dpi), truth):
                images.append(image)
                truths.append(text)
                if len(images) == self.pages:
                    return images, truths
        return images, truths

    def scans(self) -> None:
        from extractors.acquire.cleanup import clean_pages

        images, truths = self.scan_pages()
        reference = clean_pages(truths)
        rng = np.random.default_rng(self.seed)
        _print(f"escaneos: {len(images)} páginas por conjunto a {self.dpi} dpi, en gris")
        for number, (name, degrade) in enumerate(SETS.items(), start=1):
            pages = [degrade(im, i, rng) if degrade else im for i, im in enumerate(images)]
            pdf = self.workdir / f"escaneo-{number}.pdf"
            image_pdf(pdf, iter(pages), self.dpi)
            result = _in_fresh_process("_acquire_child", str(pdf), self.dpi, self.workers)
            rate = len(pages) / result["seconds"]
            error = cer(result["pages"], reference)
            confidence = [c for c in result["confidence"] if c is not None]
            mean_conf = sum(confidence) / len(confidence) if confidence else float("nan")
            self.figures[f"cer:{name}"] = error
            line = (f"  {name:15} CER {error:6.2%}   {rate:4.2f} páginas/s   "
                    f"confianza media {mean_conf:4.1f}")
            if degrade is None:
                line += self._against_bare(pages, truths, result)
            _print(line)

    def _against_bare(self, pages: list[Image.Image], truths: list[str], acquired: dict) -> str:
        files = []
        for i, image in enumerate(pages):
            path = self.workdir / "paginas" / f"p{i + 1:04d}.png"
            path.parent.mkdir(exist_ok=True)
            image.save(path, dpi=(self.dpi, self.dpi))
            files.append(str(path))
        bare = _in_fresh_process("_bare_child", files, self.dpi, self.workers)
        wall, cpu = acquired["seconds"] / bare["seconds"], acquired["cpu"] / bare["cpu"]
        self.figures.update(overhead=wall - 1, overhead_cpu=cpu - 1,
                            tesseract_rss=bare["rss_peak"], cer_bare_raw=cer(bare["pages"], truths))
        return (f"\n  {'tesseract solo':15} CER {self.figures['cer_bare_raw']:6.2%}*  "
                f"{len(pages) / bare['seconds']:4.2f} páginas/s   (* sin limpieza, contra el "
                f"texto fuente tal cual)\n  adquisición / tesseract solo: tiempo real {wall:.3f} "
                f"({wall - 1:+.1%}), CPU {acquired['cpu']:.1f} s / {bare['cpu']:.1f} s = {cpu:.3f} "
                f"({cpu - 1:+.1%}); la CPU de la adquisición: Python "
                f"{acquired['cpu_python']:.1f} s + tesseract {acquired['cpu_tesseract']:.1f} s")

    def memory(self, count: int) -> None:
        """Peak memory of acquisition, in a fresh process, on a ``count``-page JPEG scan."""
        images, _ = self.scan_pages()
        rng = np.random.default_rng(self.seed)

        def pages() -> Iterator[Image.Image]:
            for i in range(count):
                image = images[i % len(images)].copy()
                y, x = rng.integers(0, image.height - 8), rng.integers(0, image.width - 8)
                image.paste(0, (int(x), int(y), int(x) + 3, int(y) + 3))  # every page distinct
                yield image

        pdf = self.workdir / f"escaneo-{count}-paginas.pdf"
        image_pdf(pdf, pages(), self.dpi, jpeg=True)
        result = _in_fresh_process("_acquire_child", str(pdf), self.dpi, self.workers)
        tesseract = self.figures.get("tesseract_rss", 0)
        peak = result["rss_peak"] + self.workers * tesseract
        self.figures.update(memory=peak, memory_pages=count)
        _print(f"memoria: escaneo de {count} páginas ({pdf.stat().st_size / 2**20:.0f} MiB, JPEG) "
               f"en {result['seconds']:.0f} s = {count / result['seconds']:.2f} páginas/s; pico "
               f"del proceso Python {result['rss_peak'] / 2**20:.0f} MiB (antes de leer "
               f"{result['rss_before'] / 2**20:.0f} MiB) + {self.workers} × tesseract "
               f"{tesseract / 2**20:.0f} MiB = {peak / 2**20:.0f} MiB")

    def summary(self) -> None:
        f = self.figures
        degraded = [v for k, v in f.items() if k.startswith("cer:") and k != "cer:limpio"]
        rows = [
            ("sobrecosto OCR frente a tesseract solo (real)", f.get("overhead"),
             GOALS["overhead"], lambda v: f"{v:+.1%}", lambda v, g: v <= g),
            ("sobrecosto OCR frente a tesseract solo (CPU)", f.get("overhead_cpu"),
             GOALS["overhead"], lambda v: f"{v:+.1%}", lambda v, g: v <= g),
            ("nativos digitales, páginas/s (real)", f.get("born_digital"),
             GOALS["born_digital"], lambda v: f"{v:.0f}", lambda v, g: v >= g),
            ("nativos digitales, páginas/s (CPU, 2 núcleos)", f.get("born_digital_cpu"),
             GOALS["born_digital"], lambda v: f"{v:.0f}", lambda v, g: v >= g),
            ("CER escaneo limpio", f.get("cer:limpio"), GOALS["cer_clean"],
             lambda v: f"{v:.2%}", lambda v, g: v <= g),
            ("CER escaneos degradados (peor conjunto)", max(degraded) if degraded else None,
             GOALS["cer_degraded"], lambda v: f"{v:.2%}", lambda v, g: v <= g),
            ("memoria pico" + (f" ({int(f['memory_pages'])} páginas)" if "memory_pages" in f else ""),
             f.get("memory"),
             GOALS["memory"], lambda v: f"{v / 2**20:.0f} MiB", lambda v, g: v < g),
        ]
        _print("\nmetas:")
        for label, value, goal, shown, met in rows:
            if value is None:
                _print(f"  {label:45} sin medir")
                continue
            verdict = "cumple" if met(value, goal) else "NO CUMPLE"
            _print(f"  {label:45} {shown(value):>9}  meta {shown(goal):>9}  {verdict}")
        if f.get("memory_pages", 500) < 500:
            _print("  (la meta de memoria es para 500 páginas: --memory-pages 500)")


def _print(line: str) -> None:
    typer.echo(line)


def _say(message: str) -> None:
    typer.echo(message, err=True)
