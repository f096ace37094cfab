"""Names and paths the system hands us: bytes that are not UTF-8, loops, no permission."""

from __future__ import annotations

import json
import os

import pytest

from extractors.acquire import acquire, display_path
from schemas import Reason, UnreadableDocument
from tests.extractors.test_acquire import TYPED, typed_pdf


@pytest.mark.parametrize(("name", "shown"), [
    (b"caso\xff.pdf", "caso\\xff.pdf"),
    ("señor.pdf".encode(), "señor.pdf"),
    (b"a\\b.pdf", "a\\\\b.pdf"),
    (b"rojo\x1b[31m\n.pdf", "rojo\\x1b[31m\\x0a.pdf"),
])
def test_display_path_is_printable_utf8_text(name, shown):
    assert display_path(os.fsdecode(name)) == shown
    assert display_path(name) == shown
    shown.encode("utf-8")  # no surrogate left


def test_a_file_whose_name_is_not_utf8_is_read_and_named_escaped(tmp_path):
    source = typed_pdf(tmp_path / "fuente.pdf", TYPED[:1])
    raw = os.fsencode(tmp_path) + b"/caso\xff.pdf"
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644)
    os.write(fd, source.read_bytes())
    os.close(fd)
    doc = acquire(os.fsdecode(raw))
    assert doc.path == f"{tmp_path}/caso\\xff.pdf"
    json.loads(doc.model_dump_json())  # serialisable


def test_an_unreadable_file_with_a_bad_name_is_refused_with_an_escaped_name(tmp_path):
    raw = os.fsencode(tmp_path) + b"/vac\xedo.pdf"
    os.close(os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644))
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(os.fsdecode(raw))
    assert excinfo.value.reason is Reason.EMPTY
    assert excinfo.value.path == f"{tmp_path}/vac\\xedo.pdf"
    str(excinfo.value).encode("utf-8")


def test_a_symlink_loop_is_its_own_reason(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to("loop")
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(loop)
    assert excinfo.value.reason is Reason.SYMLINK_LOOP and "ciclo" in excinfo.value.message


def test_a_dangling_symlink_is_not_found(tmp_path):
    link = tmp_path / "roto.pdf"
    link.symlink_to(tmp_path / "ausente.pdf")
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(link)
    assert excinfo.value.reason is Reason.NOT_FOUND


@pytest.mark.skipif(os.geteuid() == 0, reason="root lee un archivo con permisos 000; como root "
                    "lo prueba tests/hostile, sin CAP_DAC_OVERRIDE")
def test_a_file_without_read_permission_is_permission_denied(tmp_path):
    secret = typed_pdf(tmp_path / "secreto.pdf", TYPED[:1])
    secret.chmod(0)
    try:
        with pytest.raises(UnreadableDocument) as excinfo:
            acquire(secret)
    finally:
        secret.chmod(0o644)
    assert excinfo.value.reason is Reason.PERMISSION_DENIED and "permiso" in excinfo.value.message


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "tuberia.pdf"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableDocument) as excinfo:
        acquire(fifo)
    assert excinfo.value.reason is Reason.UNSUPPORTED_TYPE and "archivo común" in excinfo.value.message


@pytest.mark.parametrize("name", [b"caso\xff.pdf", b"a\\b\\\\x41.pdf", b"\xc2\x85\x1b\n.pdf",
                                  "señor.pdf".encode(), b"plain/dir/x.pdf"])
def test_path_from_display_gives_the_path_back(name):
    from extractors.acquire.names import path_from_display

    assert os.fsencode(path_from_display(display_path(name))) == name
