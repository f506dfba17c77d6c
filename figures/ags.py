"""The Amtliche Gemeindeschlüssel (AGS) of the twelve members, as statistics offices key them.

From the Destatis Gemeindeverzeichnis: Münster is kreisfrei (05515), the others lie in the Kreise
Coesfeld (05558), Steinfurt (05566) and Warendorf (05570). Imports name towns by these keys or by
our slugs; the keys never change unless a town merges, so they are code, not editable content.
"""

AGS_BY_SLUG = {
    "altenberge": "05566004",
    "ascheberg": "05558004",
    "drensteinfurt": "05570016",
    "everswinkel": "05570024",
    "greven": "05566012",
    "havixbeck": "05558020",
    "muenster": "05515000",
    "nottuln": "05558032",
    "ostbevern": "05570032",
    "senden": "05558044",
    "sendenhorst": "05570040",
    "telgte": "05570044",
}
SLUG_BY_AGS = {ags: slug for slug, ags in AGS_BY_SLUG.items()}


def slug_for_key(key: str) -> str | None:
    """The town's slug for an AGS (8 digits), a Regionalschlüssel (12 digits, as in GENESIS
    exports of the Gemeinde level) or a slug; None when it names none of the members."""
    key = key.strip().lower()
    if key.isdigit():
        if len(key) == 12:  # ARS: Land, Bezirk, Kreis (5) + Verband (4) + Gemeinde (3)
            key = key[:5] + key[9:]
        return SLUG_BY_AGS.get(key)
    return key if key in AGS_BY_SLUG else None
