"""Content codings: which one a client accepts (Accept-Encoding with its q-values, RFC 9110
12.5.3), and compressing text once so that a cached page is served as stored bytes."""

import gzip
import re
from functools import lru_cache

import brotli

# What compresses well: pages and data. Uploads (PDF, images, video) stay as they are.
COMPRESSIBLE = re.compile(
    r"text/(html|plain|css|csv|calendar|xml|turtle)|application/([a-z.+-]*json|[a-z.+-]*xml|turtle)"
)
# Below this, the coding's headers cost more than they save.
MIN_SIZE = 200
# Preference when q-values tie: the smaller coding first.
PREFERENCE = ("br", "gzip", "identity")
_ITEM = re.compile(r"^\s*([A-Za-z0-9*_.-]+)\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def compressible(content_type: str) -> bool:
    return bool(COMPRESSIBLE.fullmatch(content_type.split(";")[0].strip()))


def _q(text: str | None) -> float:
    if text is None:
        return 1.0
    try:
        return min(max(float(text), 0.0), 1.0)
    except ValueError:
        return 0.0


@lru_cache(maxsize=256)
def _weights(header: str) -> dict[str, float]:
    weights: dict[str, float] = {}
    for item in header.split(","):
        match = _ITEM.match(item)
        if match:
            weights[match.group(1).lower()] = _q(match.group(2))
    return weights


def negotiate(header: str, available: tuple[str, ...] = PREFERENCE) -> str:
    """The coding of ``available`` the client prefers; "identity" unless it refuses that too.

    "gzip;q=0" refuses gzip; "*" stands for every coding not named; identity is acceptable
    unless refused by name or by "*;q=0" (RFC 9110 12.5.3). Parsed headers are remembered, as
    browsers send only a handful of distinct ones.
    """
    weights = _weights(header[:200]) if header else {}
    star = weights.get("*")
    best, best_q = "identity", 0.0
    for coding in PREFERENCE:
        if coding not in available:
            continue
        q = weights.get(coding, star if star is not None else (1.0 if coding == "identity" else 0))
        if q > best_q:
            best, best_q = coding, q
    return best


def compress(body: bytes, coding: str) -> bytes:
    if coding == "gzip":
        # mtime=0: the same page gives the same bytes, and so the same ETag on every server.
        return gzip.compress(body, compresslevel=6, mtime=0)
    if coding == "br":
        return brotli.compress(body, quality=6)
    raise ValueError(coding)
