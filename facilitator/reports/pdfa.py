"""The PDF reportlab writes, made PDF/A-2u for public administration archives (pikepdf).

What PDF/A-2u asks and where it is met:
- every font embedded, with a Unicode map: the DejaVu family (``fonts.py``), subset with
  ToUnicode by reportlab, and nothing else (tables, bullets and charts are told so);
- an output intent with an ICC profile: sRGB, made by Pillow's LittleCMS;
- XMP metadata agreeing with the document information: title, author, subject,
  keywords, language, dates, producer, and the PDF/A identification (part 2, level U);
- annotations (the contents' links, URLs in notes) printable (/F 4), no JavaScript,
  no encryption; a file identifier in the trailer.
reportlab and pikepdf stay inside ``facilitator.reports``; import this module lazily.
"""

from __future__ import annotations

import io
import struct
from functools import cache
from typing import Any

import pikepdf

PRINT_FLAG = 4


@cache
def _srgb_profile() -> bytes:
    """An sRGB ICC profile made by LittleCMS, with its creation time fixed (and the
    optional profile ID, an MD5 over it, cleared) so that the same minutes give the
    same bytes."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = struct.pack(">6H", 2000, 1, 1, 0, 0, 0)
    data[84:100] = bytes(16)
    return bytes(data)


def make_pdfa(data: bytes, *, lang: str, deterministic: bool) -> bytes:
    """``data`` (a PDF from reportlab) as PDF/A-2u, same pages and text."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        icc = pdf.make_stream(_srgb_profile())
        icc["/N"] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"),
            Info=pikepdf.String("sRGB IEC61966-2.1"),
            DestOutputProfile=icc,
        )
        pdf.Root.OutputIntents = pikepdf.Array([intent])
        pdf.Root.Lang = pikepdf.String(lang)
        for page in pdf.pages:
            for annot in page.get("/Annots", pikepdf.Array()):
                annot.F = PRINT_FLAG
        _metadata(pdf, lang)
        out = io.BytesIO()
        pdf.save(
            out,
            deterministic_id=deterministic,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,
        )
    return out.getvalue()


def _metadata(pdf: pikepdf.Pdf, lang: str) -> None:
    info: Any = pdf.docinfo
    if "/Trapped" in info:
        del info["/Trapped"]  # no XMP equivalent; PDF/A wants the two to agree
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta.load_from_docinfo(info, delete_missing=False, raise_failure=False)
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "U"
        if "/Title" in info:
            meta["dc:title"] = str(info.Title)
        meta["dc:language"] = [lang]
        for key, name in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
            if key in info:
                stamp = _xmp_date(str(info[key]))
                if stamp:
                    meta[name] = stamp
                    if key == "/ModDate":
                        meta["xmp:MetadataDate"] = stamp


def _xmp_date(pdf_date: str) -> str:
    """``D:20251105091500+01'00'`` as ``2025-11-05T09:15:00+01:00``."""
    text = pdf_date.removeprefix("D:")
    if len(text) < 14 or not text[:14].isdigit():
        return ""
    stamp = f"{text[:4]}-{text[4:6]}-{text[6:8]}T{text[8:10]}:{text[10:12]}:{text[12:14]}"
    zone = text[14:].replace("'", "")
    if zone in ("", "Z") or zone.startswith("Z"):
        return stamp + "Z"
    if len(zone) >= 5:
        return f"{stamp}{zone[0]}{zone[1:3]}:{zone[3:5]}"
    return stamp + "Z"
