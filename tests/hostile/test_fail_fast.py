"""Mistakes in the command line are said at once, before Prefect starts, with a clean
message: no traceback, no retry warnings, a non-zero exit code."""

from __future__ import annotations

import time

import pytest

from tests.hostile.test_hostile_ingest import run_ingest


@pytest.mark.parametrize(("args", "code", "says"), [
    (["no-existe/"], 3, "no-existe: no existe esa ruta"),
    (["{folder}", "--index", "http://127.0.0.1:9"], 5, "no responde el servidor de Elasticsearch"),
    (["{folder}", "--index", "{folder}/a.pdf/index.sqlite"], 5, "no se puede crear dentro de"),
    (["{folder}", "--index", "{folder}"], 5, "no es un archivo escribible"),
    (["{folder}", "--index", "{folder}/../i.sqlite", "--scratch", "{folder}/a.pdf/tmp"], 1,
     "no se puede crear la carpeta temporal del OCR"),
], ids=["missing-folder", "unreachable-es", "index-under-a-file", "index-is-a-folder",
        "scratch-under-a-file"])
def test_bad_paths_and_indexes_fail_before_prefect_starts(tmp_path, args, code, says):
    folder = tmp_path / "carpeta"
    folder.mkdir()
    (folder / "a.pdf").write_bytes(b"%PDF-1.4\n")
    args = [a.format(folder=folder) for a in args]
    if "--index" not in args:
        args += ["--index", str(tmp_path / "i.sqlite")]
    env = {}
    if "--scratch" in args:  # a setting, not an option
        at = args.index("--scratch")
        env["EXPEDIENTE_SCRATCH_DIR"] = args.pop(at + 1)
        args.pop(at)
    started = time.perf_counter()
    result, _ = run_ingest(args, tmp_path / "home", **env)
    assert time.perf_counter() - started < 8  # a Prefect server alone takes 10-20 s
    assert result.returncode == code, result.stderr
    assert says in " ".join(result.stderr.split()), result.stderr
    for noise in ("Traceback", "Retrying", "elastic_transport", "Prefect", "Ingesta"):
        assert noise not in result.stderr, result.stderr
