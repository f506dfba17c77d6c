"""How statistics offices name a town: the Amtlicher Gemeindeschlüssel (AGS, 8 digits, kept on
each Municipality) or the Regionalschlüssel (ARS, 12 digits, as in GENESIS exports of the
Gemeinde level)."""


def town_key(key: str) -> str:
    """An AGS for an AGS or an ARS; anything else (a slug) as it is, in lower case."""
    key = key.strip().lower()
    if (
        key.isdigit() and len(key) == 12
    ):  # ARS: Land, Bezirk, Kreis (5) + Verband (4) + Gemeinde (3)
        return key[:5] + key[9:]
    return key
