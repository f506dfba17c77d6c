"""The text of an uploaded PDF, for the site search, read with hard limits.

pypdf runs in a forked child process that is killed after a time limit: a hostile or huge PDF
can neither hang the request that uploaded it nor take its worker's memory with it. The child
also stops after a number of pages and characters. Whatever goes wrong (broken file, timeout,
crash) yields an empty text, never an error: the document is saved either way, just not found
by its content.
"""

import logging
import multiprocessing
import resource
import time

from pypdf import PdfReader

logger = logging.getLogger(__name__)

MAX_BYTES = 25 * 1024 * 1024  # above the upload limit (DOCUMENT_MAX_UPLOAD_MB): never read more
MAX_PAGES = 300
MAX_CHARS = 500_000
TIME_LIMIT = 10.0  # seconds for the whole file
MEMORY_LIMIT = 512 * 1024 * 1024  # more address space than the parent had when forking


def _read_pages(data: bytes, *, max_pages: int, max_chars: int, deadline: float) -> str:
    import io

    reader = PdfReader(io.BytesIO(data), strict=False)
    parts, size = [], 0
    for page in reader.pages[:max_pages]:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size >= max_chars or time.monotonic() > deadline:
            break
    # NUL cannot be stored in a PostgreSQL text column; other control characters are noise.
    text = "\n".join(parts)[:max_chars]
    return "".join(c if c.isprintable() or c in "\n\t" else " " for c in text).strip()


def _child(connection, data: bytes, max_pages: int, max_chars: int, time_limit: float) -> None:
    current = _address_space()
    if current:
        resource.setrlimit(resource.RLIMIT_AS, (current + MEMORY_LIMIT, current + MEMORY_LIMIT))
    try:
        text = _read_pages(
            data,
            max_pages=max_pages,
            max_chars=max_chars,
            deadline=time.monotonic() + time_limit,
        )
    except Exception:  # any failure of the parser means "no text"
        text = ""
    connection.send(text)
    connection.close()


def _address_space() -> int:
    """The process's virtual memory size in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def extract_text(
    file,
    *,
    max_pages: int = MAX_PAGES,
    max_chars: int = MAX_CHARS,
    time_limit: float = TIME_LIMIT,
) -> str:
    """The text of the PDF in ``file`` (an open binary file), or "" if it cannot be read in time."""
    try:
        file.seek(0)
        data = file.read(MAX_BYTES + 1)
        file.seek(0)
    except (OSError, ValueError):
        return ""
    if len(data) > MAX_BYTES or not data.startswith(b"%PDF-"):
        return ""
    # fork: the child starts at once with pypdf already imported; it touches nothing but the
    # bytes and its end of the pipe (no database, no files) and leaves through os._exit.
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, data, max_pages, max_chars, time_limit))
    try:
        child.start()
    except (OSError, AssertionError):  # no memory to fork; or we run in a daemonic process
        logger.warning("PDF text extraction could not start; text left empty.")
        receiver.close()
        sender.close()
        return ""
    sender.close()
    text = ""
    try:
        # A little beyond the child's own deadline: it stops between pages by itself.
        if receiver.poll(time_limit + 1):
            text = receiver.recv()
        else:
            logger.warning(
                "PDF text extraction took longer than %s s; text left empty.", time_limit
            )
    except (EOFError, OSError):
        logger.warning("PDF text extraction failed; text left empty.")
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join()
    return text


def field_file_text(field_file) -> str:
    """The text of a model's PDF, whether it is still the upload or already in storage."""
    try:
        if not field_file._committed:
            return extract_text(field_file.file)
        with field_file.storage.open(field_file.name, "rb") as file:
            return extract_text(file)
    except (OSError, ValueError):
        return ""
