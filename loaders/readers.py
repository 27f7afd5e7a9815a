"""Read meeting minutes (.txt, .md, .docx, .pdf) into plain text, rejecting unusable files clearly.

Every failure raises ``InvalidInput(str(path), reason)``; no other exception type escapes.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table
from docx.text.paragraph import Paragraph
from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError

from samkarta.errors import InvalidInput

MiB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MiB  # plain-text minutes are tiny; anything larger is almost certainly not minutes
MAX_FILE_BYTES = 50 * MiB  # .docx/.pdf on disk
MAX_DOCX_UNCOMPRESSED = 200 * MiB  # sum of all ZIP members once inflated
MAX_COMPRESSION_RATIO = 100
# Ratios are only judged on members big enough to matter; tiny XML parts compress absurdly well.
RATIO_CHECK_MIN_BYTES = 1 * MiB
MAX_CONTROL_SHARE = 0.05

_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = frozenset(_FORMATS)
_SUPPORTED = ", ".join(_FORMATS)
# C0/C1 control characters except tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class SourceText:
    path: Path
    text: str
    format: str  # "txt" | "md" | "docx" | "pdf"
    sha256: str  # of the raw file bytes, for idempotent ingest


def read_document(path: Path) -> SourceText:
    """Read one document and return its normalised text (NFC, ``\\n`` line endings)."""
    path = Path(path)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        kind = path.suffix or "(no suffix)"
        raise InvalidInput(str(path), f"unsupported file type {kind!r}; supported: {_SUPPORTED}")
    limit = MAX_TEXT_BYTES if fmt in ("txt", "md") else MAX_FILE_BYTES
    raw = _read_bytes(path, limit)
    if fmt == "docx":
        text = _docx_text(path, raw)
    elif fmt == "pdf":
        text = _pdf_text(path, raw)
    else:
        text = _decode_text(path, raw)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not text:
        raise InvalidInput(str(path), "is empty (no text found)")
    return SourceText(path=path, text=text, format=fmt, sha256=hashlib.sha256(raw).hexdigest())


def path_text(path: Path) -> str:
    """A path as text that can be stored and shown: a file name that is not UTF-8 keeps its odd
    bytes as \\xNN escapes instead of unencodable surrogates."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        if not path.exists():
            raise InvalidInput(str(path), "file does not exist")
        if path.is_dir():
            raise InvalidInput(str(path), "is a directory, not a file")
        size = path.stat().st_size
        # Check the size before reading so a huge file never lands in memory.
        if size > limit:
            raise InvalidInput(str(path), f"is too large ({size:,} bytes; limit is {limit:,} bytes)")
        return path.read_bytes()
    except OSError as e:
        raise InvalidInput(str(path), f"cannot be read ({e.strerror or e})") from e


def _decode_text(path: Path, raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InvalidInput(str(path), f"is not valid UTF-16 although it starts like it ({e.reason})") from e
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = "".join(_decode_line(line) for line in raw.splitlines(keepends=True))
    text = text.removeprefix("\ufeff")
    if text.strip() and ("\x00" in text or len(_CONTROL.findall(text)) > MAX_CONTROL_SHARE * len(text)):
        raise InvalidInput(str(path), "looks like binary data, not text")
    return text


def _decode_line(line: bytes) -> str:
    """One line as UTF-8, else as Windows-1252, else Latin-1 (which decodes any bytes): a file
    pasted together from both encodings keeps its å, ä and ö on every line."""
    for encoding in ("utf-8", "cp1252"):
        try:
            return line.decode(encoding)
        except UnicodeDecodeError:
            continue
    return line.decode("latin-1")


def _check_zip(path: Path, zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    total = sum(info.file_size for info in infos)
    # Declared sizes are trustworthy here: zipfile stops inflating a member at its declared size.
    if total > MAX_DOCX_UNCOMPRESSED:
        raise InvalidInput(
            str(path),
            f"looks like a ZIP bomb ({total:,} bytes uncompressed; limit is {MAX_DOCX_UNCOMPRESSED:,} bytes)",
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size >= RATIO_CHECK_MIN_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InvalidInput(
                str(path),
                f"looks like a ZIP bomb ({info.filename} compresses {ratio:,.0f}:1; "
                f"limit is {MAX_COMPRESSION_RATIO}:1)",
            )
    if "word/document.xml" not in zf.namelist():
        raise InvalidInput(str(path), "is not a Word document (word/document.xml is missing)")


def _docx_text(path: Path, raw: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            _check_zip(path, zf)
    except zipfile.BadZipFile as e:
        if raw.startswith(b"PK"):
            raise InvalidInput(str(path), "is a corrupt .docx (damaged or truncated ZIP package)") from e
        raise InvalidInput(str(path), "is not a valid .docx (not a ZIP package)") from e
    try:
        doc = Document(io.BytesIO(raw))
        blocks = [_block_text(el, doc) for el in _body_blocks(doc.element.body)]
    except Exception as e:  # python-docx/lxml/zipfile raise many unrelated types on bad input
        raise InvalidInput(str(path), f"is a corrupt .docx ({type(e).__name__}: {e})") from e
    return "\n\n".join(block for block in blocks if block)


def _body_blocks(parent: BaseOxmlElement) -> Iterator[CT_P | CT_Tbl]:
    """Paragraphs and tables in body order, looking inside block-level content controls (w:sdt)."""
    for child in parent.iterchildren():
        if isinstance(child, CT_P | CT_Tbl):
            yield child
        elif child.tag == qn("w:sdt"):
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _body_blocks(content)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _block_text(element: CT_P | CT_Tbl, doc: DocxDocument) -> str:
    if isinstance(element, CT_P):
        return _one_line(Paragraph(element, doc).text)
    rows = []
    for row in Table(element, doc).rows:
        cells: list[str] = []
        for cell in row.cells:
            text = _one_line(cell.text)
            # Merged cells come back once per grid column; keep one copy.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append(", ".join(cells))
    return "\n".join(rows)


def _pdf_text(path: Path, raw: bytes) -> str:
    locked = "is encrypted; remove the password and try again"
    # The PDF spec tolerates junk before the header, so look in the first KiB rather than at offset 0.
    if b"%PDF-" not in raw[:1024]:
        raise InvalidInput(str(path), "is not a valid PDF (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        encrypted = reader.is_encrypted
    except DependencyError as e:  # AES needs the optional 'cryptography' package
        raise InvalidInput(str(path), locked) from e
    except Exception as e:  # pypdf raises assorted types on damaged files
        raise InvalidInput(str(path), f"is not a valid PDF (corrupt or truncated: {type(e).__name__}: {e})") from e
    if encrypted:
        try:
            unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:  # e.g. AES without a crypto backend: treat as locked
            unlocked = False
        if not unlocked:
            raise InvalidInput(str(path), locked)
    try:
        text = "\n\n".join(page.extract_text() or "" for page in reader.pages)
    except Exception as e:
        raise InvalidInput(str(path), f"is not a valid PDF (corrupt or truncated: {type(e).__name__}: {e})") from e
    if not text.strip():
        raise InvalidInput(str(path), "has no text layer (scanned images?); run OCR first, e.g. ocrmypdf")
    return text
