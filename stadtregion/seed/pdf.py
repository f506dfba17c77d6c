"""A tiny generator of real one-page PDF files (PDF 1.4, Helvetica, correct xref table).

The seed cannot ship the cooperation's original documents, so each document gets a
placeholder that says so. WinAnsiEncoding covers German umlauts, ß and the en dash.
"""

import textwrap

_PAGE_WIDTH, _PAGE_HEIGHT = 595, 842  # A4 in points
_MARGIN = 72
_WRAP = 80  # characters per line at 11 pt


def _pdf_text(text: str) -> bytes:
    """A literal string in WinAnsiEncoding with PDF's special characters escaped."""
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _utf16_text(text: str) -> bytes:
    """A string for the document information dictionary (UTF-16BE with byte order mark)."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _content_stream(title: str, lines: list[str]) -> bytes:
    ops = [b"BT", b"/F1 16 Tf", b"18 TL", f"{_MARGIN} {_PAGE_HEIGHT - _MARGIN} Td".encode()]
    for part in textwrap.wrap(title, 55):
        ops += [_pdf_text(part) + b" Tj", b"T*"]
    ops += [b"/F1 11 Tf", b"15 TL", b"T*"]
    for line in lines:
        for part in textwrap.wrap(line, _WRAP) or [""]:
            ops += [_pdf_text(part) + b" Tj", b"T*"]
    ops.append(b"ET")
    return b"\n".join(ops)


def build_pdf(title: str, lines: list[str]) -> bytes:
    """Returns the bytes of a one-page A4 PDF showing ``title`` and ``lines`` as text."""
    stream = _content_stream(title, lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
            "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ).encode(),
        f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title " + _utf16_text(title) + b" /Producer (Stadtregion Muenster Portal) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref_at = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref_at}\n%%EOF\n"
    ).encode()
    return bytes(out)
