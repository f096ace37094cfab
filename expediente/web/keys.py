"""API keys, stored hashed, with a role each; the audit log of views of originals.

A key is ``exp_<id>_<secret>``: the id names it in lists and in the audit log, the whole
token is only ever shown once, when it is created; the key file keeps its sha256. Roles:
``ingest`` (may upload, next session) and ``originals`` (may see protected victims' names
where the index keeps originals; every such view is written to the audit log).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

ROLES = ("ingest", "originals")


@dataclass(frozen=True)
class ApiKey:
    id: str
    role: str
    sha256: str
    label: str = ""
    created: str = ""


@dataclass(frozen=True)
class Principal:
    """Who is asking: an API key (with its role) or an anonymous address."""

    address: str
    key: ApiKey | None = None

    @property
    def originals(self) -> bool:
        return self.key is not None and self.key.role == "originals"

    @property
    def who(self) -> str:
        return f"key:{self.key.id}" if self.key else f"ip:{self.address}"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class KeyStore:
    """The key file (JSON, mode 0600), re-read when it changes on disk."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._keys: list[ApiKey] = []

    def _load(self) -> list[ApiKey]:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            self._stamp, self._keys = None, []
            return self._keys
        stamp = (stat.st_mtime_ns, stat.st_size)
        if stamp != self._stamp:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            self._keys = [ApiKey(**k) for k in data.get("keys", [])]
            self._stamp = stamp
        return self._keys

    def keys(self) -> list[ApiKey]:
        with self._lock:
            return list(self._load())

    def create(self, role: str, label: str = "") -> tuple[ApiKey, str]:
        """A new key of ``role``; returns it and the token (shown once, never stored)."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        key_id = secrets.token_hex(4)
        token = f"exp_{key_id}_{secrets.token_hex(32)}"
        key = ApiKey(id=key_id, role=role, sha256=_digest(token), label=label,
                     created=datetime.now(timezone.utc).isoformat(timespec="seconds"))
        with self._lock:
            self._save([*self._load(), key])
        return key, token

    def revoke(self, key_id: str) -> bool:
        with self._lock:
            keys = self._load()
            kept = [k for k in keys if k.id != key_id]
            if len(kept) != len(keys):
                self._save(kept)
            return len(kept) != len(keys)

    def get(self, key_id: str) -> ApiKey | None:
        return next((k for k in self.keys() if k.id == key_id), None)

    def verify(self, token: str) -> ApiKey | None:
        digest = _digest(token)
        for key in self.keys():
            if hmac.compare_digest(key.sha256, digest):
                return key
        return None

    def _save(self, keys: list[ApiKey]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"keys": [k.__dict__ for k in keys]}, fh, indent=1)
        os.replace(tmp, self.path)
        self._stamp = None


class AuditLog:
    """One JSON line per view of originals: when, who, from where, what."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def write(self, principal: Principal, action: str, *, path: str, ids: list[str] | None = None,
              detail: str = "") -> None:
        line = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "key": principal.key.id
                if principal.key else None, "role": principal.key.role if principal.key else None,
                "address": principal.address, "action": action, "path": path, "ids": ids or [], "detail": detail}
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
