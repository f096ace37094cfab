"""What kind of file is this? Magic bytes first, the extension only as a hint.

Every refusal is an ``UnreadableDocument`` with a reason code and a Spanish message that
says what to do. ``unreadable`` builds them so all readers word them the same way.
"""

from __future__ import annotations

import errno
import hashlib
import stat
from dataclasses import dataclass
from pathlib import Path

from extractors.acquire.names import display_path
from schemas import FileType, Reason, UnreadableDocument

HEAD_BYTES = 2048

# (magic prefix, type); PDF is searched for within the head (the spec tolerates junk before it)
MAGIC: tuple[tuple[bytes, FileType], ...] = (
    (b"\x89PNG\r\n\x1a\n", FileType.PNG),
    (b"\xff\xd8\xff", FileType.JPEG),
    (b"II*\x00", FileType.TIFF),
    (b"MM\x00*", FileType.TIFF),
    (b"II+\x00", FileType.TIFF),  # BigTIFF
    (b"MM\x00+", FileType.TIFF),
)

# Recognised but not accepted: what it is, so the message can say how to convert it.
KNOWN_OTHERS: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "un archivo ZIP u Office (DOCX/ODT)"),
    (b"\xd0\xcf\x11\xe0", "un documento de Office antiguo (DOC/XLS)"),
    (b"{\\rtf", "un documento RTF"),
    (b"GIF8", "una imagen GIF"),
    (b"BM", "una imagen BMP"),
    (b"RIFF", "una imagen WebP u otro contenedor RIFF"),
    (b"\x00\x00\x00\x0cjP", "una imagen JPEG 2000"),
)

EXTENSIONS: dict[str, FileType] = {
    ".pdf": FileType.PDF,
    ".tif": FileType.TIFF,
    ".tiff": FileType.TIFF,
    ".png": FileType.PNG,
    ".jpg": FileType.JPEG,
    ".jpeg": FileType.JPEG,
    ".txt": FileType.TEXT,
}

SUPPORTED = "PDF, TIFF, PNG, JPEG o texto UTF-8 (.txt)"


@dataclass(frozen=True)
class Sniffed:
    file_type: FileType
    note: str | None = None  # e.g. the extension says one thing, the content another


def unreadable(path: Path, reason: Reason, message: str) -> UnreadableDocument:
    return UnreadableDocument(message, reason=reason, path=display_path(path))


def os_failure(exc: OSError) -> tuple[Reason, str]:
    """Why the system would not let us at a file: its reason code and what to do."""
    if exc.errno == errno.ELOOP:
        return Reason.SYMLINK_LOOP, ("la ruta es un enlace simbólico que forma un ciclo (se apunta "
                                     "a sí mismo o a otro enlace que vuelve a él); corrija el enlace")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Reason.PERMISSION_DENIED, ("sin permiso de lectura; pida acceso o cambie los permisos "
                                          "(chmod u+r) y vuelva a ingerirlo")
    if exc.errno == errno.ENOENT:
        return Reason.NOT_FOUND, "no existe esa ruta (o es un enlace roto); revísela"
    return Reason.NOT_FOUND, f"no se puede leer el archivo ({exc.strerror}); revise la ruta"


def unreadable_from_os(path: Path, exc: OSError) -> UnreadableDocument:
    return unreadable(path, *os_failure(exc))


def sniff(path: Path) -> Sniffed:
    """Decide the file type from its first bytes; raise ``UnreadableDocument`` if none fits."""
    head = _read_head(path)
    declared = EXTENSIONS.get(path.suffix.lower())
    found = _magic_type(head)
    if found is not None:
        if declared not in (None, found):
            return Sniffed(found, f"la extensión {display_path(path.suffix)} no coincide con el contenido "
                                  f"({found.value}); se leyó como {found.value}")
        return Sniffed(found)
    if declared is FileType.TEXT:
        if b"\x00" in head:
            raise unreadable(path, Reason.CORRUPT, "el archivo .txt no es texto (contiene bytes "
                             "nulos); conviértalo a texto UTF-8 o ingiera el documento original")
        return Sniffed(FileType.TEXT)
    looks_like = _describe(head)
    if declared is not None:
        raise unreadable(path, Reason.CORRUPT, f"no es un {declared.value.upper()} aunque se llame "
                         f"{display_path(path.name)}: el contenido parece {looks_like}; consiga el archivo "
                         "original (¿descarga fallida o archivo renombrado?)")
    raise unreadable(path, Reason.UNSUPPORTED_TYPE, f"tipo de archivo no admitido (parece "
                     f"{looks_like}); conviértalo a PDF. Se admiten: {SUPPORTED}")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_head(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise unreadable(path, Reason.NOT_FOUND, "la ruta no es un archivo (¿es un "
                             "directorio?); indique el archivo del documento")
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the read forever
            raise unreadable(path, Reason.UNSUPPORTED_TYPE, "no es un archivo común (es una "
                             "tubería, un socket o un dispositivo); copie el documento a un archivo")
        if info.st_size == 0:
            raise unreadable(path, Reason.EMPTY, "el archivo está vacío (0 bytes); vuelva a "
                             "descargarlo o copiarlo desde el origen")
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES)
    except OSError as exc:
        raise unreadable_from_os(path, exc) from exc


def _magic_type(head: bytes) -> FileType | None:
    if b"%PDF-" in head[:1024]:
        return FileType.PDF
    for magic, file_type in MAGIC:
        if head.startswith(magic):
            return file_type
    return None


def _describe(head: bytes) -> str:
    for magic, what in KNOWN_OTHERS:
        if head.startswith(magic):
            return what
    start = head.lstrip()[:256].lower()
    if start.startswith((b"<!doctype html", b"<html")) or b"<html" in start:
        return "una página HTML"
    if start.startswith(b"<?xml") or start.startswith(b"<"):
        return "un documento XML/HTML"
    try:
        head.decode("utf-8")
        return "texto plano"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3 and b"\x00" not in head:
            return "texto plano"  # a multi-byte character cut by the head boundary
    return "datos binarios de tipo desconocido"
