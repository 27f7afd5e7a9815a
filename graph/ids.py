"""Deterministic ids and name keys: the same natural key always gives the same node."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=100_000)  # ids repeat the same few keys (a document's id, its people) many times
def normalize(value: str) -> str:
    """NFC, casefolded, whitespace folded; Swedish letters kept."""
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


@lru_cache(maxsize=100_000)
def make_id(label: str, *parts: str | None) -> str:
    """'person-3f2a...': label plus a sha1 of the normalised key parts (followthemoney style)."""
    key = "\x1f".join(normalize(p or "") for p in parts)
    return f"{label.lower()}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def network_key(name: str) -> str:
    """Key under which spellings of one body meet: 'Socialchefs nätverket' = 'socialcheferna',
    'Kommunalt forum' = 'Kommunala forum'."""
    words = [re.sub(r"(?<=[a-zåäö]{4}l)(?:t|a)$", "", w) for w in normalize(name).split()]
    key = re.sub(r"[\s\-:]", "", "".join(words))
    key = re.sub(r"(?:chefs)?(?:nätverket|nätverk|cheferna)", "", key)
    key = re.sub(r"(gruppen|grupp)", "grupp", key)
    return key.removesuffix("s") if len(key) > 4 else key


def name_key(name: str) -> str:
    """Key for comparing names: casefolded, no spaces or hyphens ('Mocking bird' = 'Mockingbird')."""
    return re.sub(r"[\s\-–_.:]+", "", normalize(name))


def names_matching(rows: list, name: str) -> dict[str, str]:
    """Node ids whose name or alias (rows of `id`, `matched`, in the order to prefer) has the
    key of `name`, each with the first of its names that matched."""
    key = name_key(name)
    matched: dict[str, str] = {}
    for r in rows:
        if key and name_key(r["matched"]) == key:
            matched.setdefault(r["id"], r["matched"])
    return matched


def body_rank(meetings: int, members: int, name: str, node_id: str) -> tuple[int, int, str, str]:
    """Sort key for bodies sharing a name: the body that met first (more meetings, then more members),
    an empty namesake (only mentioned in the minutes) last; name and id keep the order stable."""
    return (-meetings, -members, name, node_id)
