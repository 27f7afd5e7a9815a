"""Named writers: who may write through the API, each with a token of their own.

The registry is `writers.json` in SAMKARTA_DATA_DIR, readable by its owner only (mode 0600): per
writer the name, the SHA-256 of the token and when it was added. The token itself is printed once,
when the writer is added, and never stored. It is 32 random bytes, so a plain digest is enough: there
is nothing to guess a token from (a salted, slow hash is for passwords people choose).
SAMKARTA_API_TOKEN, when set, is one more writer, named "api-token".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from samkarta.errors import AppError, InvalidInput, NotFound
from samkarta.settings import Settings

FILE_NAME = "writers.json"
API_TOKEN_WRITER = "api-token"  # SAMKARTA_API_TOKEN's name in judgements and the audit log
MAX_NAME = 60


class Writer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    token_sha256: str
    added: str


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_name(name: str) -> None:
    """InvalidInput unless NAME can name a writer: 1-60 printable characters, no space at either end."""
    if not 1 <= len(name) <= MAX_NAME or not name.isprintable() or name != name.strip():
        raise InvalidInput(
            f"writer name {name!r}", f"use 1 to {MAX_NAME} printable characters, without spaces at either end"
        )
    if name.casefold() == API_TOKEN_WRITER:
        raise InvalidInput(f"writer name {name!r}", "is reserved for SAMKARTA_API_TOKEN")


class Writers:
    """The registry file. It is read again on every lookup, so a writer added or removed from the
    command line counts at once in a running server."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def in_dir(cls, data_dir: Path) -> Writers:
        return cls(data_dir / FILE_NAME)

    def entries(self) -> list[Writer]:
        """Every registered writer, in the order they were added."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except OSError as e:
            raise AppError(f"{FILE_NAME}: cannot read the writers registry ({e.strerror})") from e
        except UnicodeDecodeError as e:
            raise AppError(f"{FILE_NAME}: not UTF-8 text") from e
        try:
            return [Writer.model_validate(row) for row in json.loads(raw)["writers"]]
        except (ValueError, KeyError, TypeError) as e:  # ValidationError is a ValueError
            reason = e.errors()[0]["msg"] if isinstance(e, ValidationError) else "not a writers registry"
            raise AppError(f"{FILE_NAME}: {reason}") from e

    def add(self, name: str) -> str:
        """Register a writer and return its token, which is kept nowhere and cannot be shown again."""
        check_name(name)
        writers = self.entries()
        if any(w.name.casefold() == name.casefold() for w in writers):
            raise InvalidInput(f"writer {name!r}", "exists already (remove it first to give it a new token)")
        token = secrets.token_urlsafe(32)
        added = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._save([*writers, Writer(name=name, token_sha256=token_digest(token), added=added)])
        return token

    def remove(self, name: str) -> None:
        """Forget a writer: its token no longer writes. NotFound for a name that is not registered."""
        writers = self.entries()
        kept = [w for w in writers if w.name != name]
        if len(kept) == len(writers):
            raise NotFound(f"no writer named {name!r}")
        self._save(kept)

    def name_of(self, token: str) -> str | None:
        """The name of the writer whose token this is, or None."""
        wanted = token_digest(token)
        found = None
        for writer in self.entries():  # every digest is compared, in constant time each
            if hmac.compare_digest(writer.token_sha256, wanted):
                found = writer.name
        return found

    def _save(self, writers: list[Writer]) -> None:
        """Replace the file at once, created 0600, so no reader sees half a registry or another user any of it."""
        temporary = self.path.with_name(f".{FILE_NAME}.{secrets.token_hex(4)}")
        rows = {"writers": [w.model_dump() for w in writers]}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
            os.replace(temporary, self.path)
        except OSError as e:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise AppError(f"{self.path}: cannot write the writers registry ({e.strerror})") from e


def writer_of(settings: Settings, token: str) -> str | None:
    """The name of the writer whose token this is: a registered writer, or "api-token" for
    SAMKARTA_API_TOKEN; None for any other token."""
    if not token:
        return None
    if settings.api_token and hmac.compare_digest(token.encode(), settings.api_token.encode()):
        return API_TOKEN_WRITER
    return Writers.in_dir(settings.data_dir).name_of(token)


def writes_enabled(settings: Settings) -> bool:
    """Whether any token can write: SAMKARTA_API_TOKEN is set or a writer is registered."""
    return bool(settings.api_token) or bool(Writers.in_dir(settings.data_dir).entries())
