"""Tests for loaders.readers: every format reads correctly, every bad input fails with a clear reason."""

from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfWriter

from samkarta.errors import InvalidInput
from samkarta.loaders import readers
from samkarta.loaders.readers import read_document

SWEDISH = "Närvarande: Åsa Öberg, Mölndal"
MiB = 1024 * 1024


def make_pdf(pages: list[str]) -> bytes:
    """A minimal valid PDF with one Helvetica (WinAnsi) text line per page; xref offsets computed here."""

    def escape(text: str) -> bytes:
        return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    n = len(pages)
    font_id = 3 + 2 * n
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    for i, text in enumerate(pages):
        stream = b"BT /F1 12 Tf 72 720 Td (" + escape(text) + b") Tj ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def encrypted_pdf(path: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=_write(path.with_suffix(".src.pdf"), make_pdf([SWEDISH])))
    # RC4 works with pypdf's pure-Python fallback; AES would need the 'cryptography' package.
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_docx(path: Path) -> Path:
    doc = Document()
    doc.add_heading("Protokoll Samverkansgrupp", level=1)
    doc.add_paragraph(SWEDISH)
    table = doc.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Namn", "Roll", "Kommun"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["Åsa Öberg", "", "Mölndal"], strict=True):
        cell.text = text
    doc.add_paragraph("")  # empty paragraphs must not produce extra blank lines
    merged = doc.add_table(rows=1, cols=3)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Sammanslagen"
    merged.cell(0, 2).text = "Sist"
    doc.add_paragraph("Mötet avslutades.")
    doc.save(str(path))
    return path


def _write(path: Path, raw: bytes) -> Path:
    path.write_bytes(raw)
    return path


def assert_rejected(path: Path, *words: str) -> None:
    with pytest.raises(InvalidInput) as info:
        read_document(path)
    message = str(info.value)
    assert info.value.source == str(path)
    assert message.startswith(f"{path}: ")
    for word in words:
        assert word in message, message


# --- good inputs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        SWEDISH.encode("utf-8"),
        SWEDISH.encode("utf-8-sig"),
        SWEDISH.encode("cp1252"),
        SWEDISH.encode("latin-1"),
        SWEDISH.encode("utf-16"),
        b"\xfe\xff" + SWEDISH.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "utf-16-be"],
)
def test_txt_encodings(tmp_path: Path, raw: bytes) -> None:
    path = _write(tmp_path / "protokoll.txt", raw)
    result = read_document(path)
    assert result.text == SWEDISH
    assert result.format == "txt"
    assert result.path == path
    assert result.sha256 == hashlib.sha256(raw).hexdigest()


def test_cp1252_only_characters(tmp_path: Path) -> None:
    # 0x96 (en dash) and 0x80 (euro) exist in cp1252 but are control characters in latin-1.
    path = _write(tmp_path / "a.txt", "Budget 2025 \u2013 5 000 \u20ac, Åsa".encode("cp1252"))
    assert read_document(path).text == "Budget 2025 \u2013 5 000 \u20ac, Åsa"


def test_txt_normalises_line_endings_and_nfc(tmp_path: Path) -> None:
    decomposed = "A\u030asa O\u0308berg"  # "Åsa Öberg" as combining sequences (macOS style)
    path = _write(tmp_path / "a.txt", f"\ufeffRad 1\r\n{decomposed}\rRad 3\n".encode())
    assert read_document(path).text == "Rad 1\nÅsa Öberg\nRad 3"


@pytest.mark.parametrize("name", ["minutes.md", "MINUTES.MARKDOWN", "Minutes.Md"])
def test_markdown(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path / name, f"# Protokoll\n\n- {SWEDISH}\n".encode())
    result = read_document(path)
    assert result.format == "md"
    assert result.text == f"# Protokoll\n\n- {SWEDISH}"


def test_docx_paragraphs_and_tables_in_body_order(tmp_path: Path) -> None:
    result = read_document(make_docx(tmp_path / "protokoll.docx"))
    assert result.format == "docx"
    assert result.text.split("\n\n") == [
        "Protokoll Samverkansgrupp",
        SWEDISH,
        "Namn, Roll, Kommun\nÅsa Öberg, Mölndal",
        "Sammanslagen, Sist",
        "Mötet avslutades.",
    ]


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = _write(tmp_path / "protokoll.PDF", make_pdf([SWEDISH, "Sida (två) slut"]))
    result = read_document(path)
    assert result.format == "pdf"
    assert result.text == f"{SWEDISH}\n\nSida (två) slut"


def test_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    path = encrypted_pdf(tmp_path / "locked-for-editing.pdf", user_password="")
    assert read_document(path).text == SWEDISH


# --- bad inputs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"  \r\n\t \n", b"\xef\xbb\xbf\n", "\ufeff".encode("utf-16")])
def test_empty_text_file(tmp_path: Path, raw: bytes) -> None:
    assert_rejected(_write(tmp_path / "empty.txt", raw), "is empty")


@pytest.mark.parametrize(
    "raw",
    [bytes(range(256)) * 8, b"MZ\x90\x00\x03\x00\x00\x00\x04", b"\x01\x02\x03\x1b[0m abc" * 50],
    ids=["all-bytes", "exe-header", "control-chars-no-nul"],
)
def test_binary_garbage(tmp_path: Path, raw: bytes) -> None:
    assert_rejected(_write(tmp_path / "notes.txt", raw), "looks like binary data, not text")


def test_oversized_text_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_TEXT_BYTES", 100)
    assert_rejected(_write(tmp_path / "big.md", b"a" * 101), "too large", "101 bytes", "limit is 100 bytes")


def test_oversized_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    assert_rejected(_write(tmp_path / "big.pdf", make_pdf([SWEDISH])), "too large", "limit is 100 bytes")


def test_pdf_that_is_not_a_pdf(tmp_path: Path) -> None:
    assert_rejected(_write(tmp_path / "fake.pdf", b"<html>not a pdf</html>"), "is not a valid PDF")


def test_corrupt_pdf(tmp_path: Path) -> None:
    assert_rejected(_write(tmp_path / "broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 100), "is not a valid PDF")


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = encrypted_pdf(tmp_path / "secret.pdf", user_password="hemligt")
    assert_rejected(path, "is encrypted; remove the password and try again")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert_rejected(path, "has no text layer (scanned images?); run OCR first, e.g. ocrmypdf")


def test_docx_that_is_not_a_docx(tmp_path: Path) -> None:
    assert_rejected(_write(tmp_path / "fake.docx", SWEDISH.encode()), "is not a valid .docx (not a ZIP package)")


def test_truncated_docx(tmp_path: Path) -> None:
    raw = make_docx(tmp_path / "good.docx").read_bytes()
    assert_rejected(_write(tmp_path / "cut.docx", raw[: len(raw) // 2]), "is a corrupt .docx")


def test_zip_without_word_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    assert_rejected(path, "word/document.xml is missing")


def test_zip_bomb_by_compression_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        # Streamed so the test never holds the inflated member in memory.
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(16):
                member.write(bytes(MiB))
    assert_rejected(path, "looks like a ZIP bomb", "word/document.xml", "limit is 100:1")


def test_zip_bomb_by_total_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_DOCX_UNCOMPRESSED", MiB)
    path = tmp_path / "huge.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("word/document.xml", os.urandom(2 * MiB))
    assert_rejected(path, "looks like a ZIP bomb", "2,097,152 bytes uncompressed")


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    Document().save(str(path))
    assert_rejected(path, "is empty")


@pytest.mark.parametrize("name", ["budget.xlsx", "README", "protokoll.doc"])
def test_unknown_suffix(tmp_path: Path, name: str) -> None:
    assert_rejected(_write(tmp_path / name, b"data"), "unsupported file type", ".txt, .md, .markdown, .docx, .pdf")


def test_missing_file(tmp_path: Path) -> None:
    assert_rejected(tmp_path / "nowhere.txt", "does not exist")


def test_directory(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    assert_rejected(tmp_path / "folder.md", "is a directory")


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "locked.txt", SWEDISH.encode())

    def deny(_self: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    # Patched rather than chmod 000 so the test also holds when run as root.
    monkeypatch.setattr(Path, "read_bytes", deny)
    assert_rejected(path, "cannot be read", "Permission denied")


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_truncations_only_ever_raise_invalid_input(tmp_path: Path, suffix: str) -> None:
    if suffix == ".docx":
        raw = make_docx(tmp_path / "good.docx").read_bytes()
    else:
        raw = make_pdf([SWEDISH, "Andra sidan"])
    for cut in range(0, len(raw), max(1, len(raw) // 40)):
        path = _write(tmp_path / f"cut{suffix}", raw[:cut])
        try:
            read_document(path)
        except InvalidInput as e:
            assert e.source == str(path)


def test_a_file_mixing_utf8_and_cp1252_keeps_every_line_readable(tmp_path: Path) -> None:
    raw = "Möte från Åre\n".encode() + "Närvarande: Åsa Öberg, Mora\n".encode("cp1252") + "Plats: Övik\n".encode()
    path = _write(tmp_path / "mixed.txt", raw)
    assert read_document(path).text == "Möte från Åre\nNärvarande: Åsa Öberg, Mora\nPlats: Övik"
