"""One run of ``expediente ingest`` for a web ingest job, seen from the server: how it is
started (a session of its own, so it outlives the server), whether it still runs, and what
it wrote: its ``--events`` lines as they come, its ``--json`` summary and its last error.

Its files sit side by side: ``<stem>.events.jsonl``, ``<stem>.out`` (stdout, the summary)
and ``<stem>.err`` (stderr).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".events.jsonl", ".out", ".err")


@dataclass(frozen=True)
class IngestCommand:
    stem: Path

    @property
    def events(self) -> Path:
        return self.stem.with_name(self.stem.name + ".events.jsonl")

    def _output(self, suffix: str) -> Path:
        return self.stem.with_name(self.stem.name + suffix)

    def start(self, paths: list[Path], index: str) -> subprocess.Popen:
        """``expediente ingest PATHS --index INDEX --json --events …``; earlier events go."""
        self.events.unlink(missing_ok=True)
        argv = [sys.executable, "-c", "from expediente.cli import main; main()", "ingest", *map(str, paths),
                "--index", index, "--json", "--events", str(self.events)]
        with self._output(".out").open("wb") as out, self._output(".err").open("wb") as err:
            return subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)

    def alive(self, pid: int) -> bool:
        """Is ``pid`` still this command (its command line names this events file, so a
        recycled pid is not mistaken for it; a zombie has ended)?"""
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        return state != "Z" and str(self.events).encode() in cmdline

    def read_events(self, offset: int) -> tuple[list[dict], int]:
        """The events written after byte ``offset`` (whole lines only), and the new offset."""
        try:
            with self.events.open("rb") as fh:
                fh.seek(offset)
                data = fh.read()
        except FileNotFoundError:
            return [], offset
        complete = data[:data.rfind(b"\n") + 1]
        events = []
        for line in complete.decode("utf-8", "replace").splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if isinstance(event, dict) and isinstance(event.get("path"), str):
                events.append(event)
        return events, offset + len(complete)

    def summarised(self) -> bool:
        """Did the command get as far as writing its summary?"""
        try:
            return json.loads(self._output(".out").read_text(encoding="utf-8")).get("outcomes") is not None
        except (OSError, ValueError, AttributeError):
            return False

    def last_error(self) -> str:
        try:
            lines = self._output(".err").read_text(encoding="utf-8", errors="replace").strip().splitlines()
        except OSError:
            lines = []
        return lines[-1] if lines else "sin detalle"

    def forget(self) -> None:
        for suffix in SUFFIXES:
            self._output(suffix).unlink(missing_ok=True)
