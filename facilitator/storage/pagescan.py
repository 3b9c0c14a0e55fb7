"""Last-resort recovery: read table rows straight from the pages of a damaged file.

When SQLite cannot reach rows any more (a damaged interior page, a lost table of
contents), their leaf pages are often still intact. This module walks every page of
the file, decodes the cells of table-leaf pages (SQLite file format, section 1.6 and
2.1) and tells, by the shape of each record, which of our tables it belongs to. A
record that fits no table, or more than one, is left out. Pure Python; only reads.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_TABLE_LEAF = 0x0D
_MAX_OVERFLOW_PAGES = 100_000


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # declared type, upper case
    notnull: bool
    rowid_alias: bool  # INTEGER PRIMARY KEY: stored as NULL, the value is the rowid


def _varint(buf: bytes, pos: int) -> tuple[int, int]:
    value = 0
    for i in range(9):
        if pos + i >= len(buf):
            raise ValueError("varint past the end")
        byte = buf[pos + i]
        if i == 8:
            return (value << 8) | byte, pos + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, pos + i + 1
    raise ValueError("bad varint")  # pragma: no cover


def _decode_record(payload: bytes) -> list[Any]:
    header_size, pos = _varint(payload, 0)
    if header_size > len(payload) or header_size < 1:
        raise ValueError("bad record header")
    types = []
    while pos < header_size:
        t, pos = _varint(payload, pos)
        types.append(t)
    values: list[Any] = []
    data = header_size
    for t in types:
        if t == 0:
            values.append(None)
        elif 1 <= t <= 6:
            size = (1, 2, 3, 4, 6, 8)[t - 1]
            chunk = payload[data : data + size]
            if len(chunk) != size:
                raise ValueError("short integer")
            values.append(int.from_bytes(chunk, "big", signed=True))
            data += size
        elif t == 7:
            chunk = payload[data : data + 8]
            if len(chunk) != 8:
                raise ValueError("short float")
            values.append(struct.unpack(">d", chunk)[0])
            data += 8
        elif t in (8, 9):
            values.append(t - 8)
        elif t >= 12:
            size = (t - 12) // 2
            chunk = payload[data : data + size]
            if len(chunk) != size:
                raise ValueError("short text/blob")
            values.append(chunk.decode("utf-8") if t % 2 else bytes(chunk))
            data += size
        else:
            raise ValueError("reserved serial type")
    return values


class _File:
    def __init__(self, data: bytes) -> None:
        if len(data) < 100:
            raise ValueError("too short")
        self.data = data
        (ps,) = struct.unpack(">H", data[16:18])
        self.page_size = 65536 if ps == 1 else ps
        self.usable = self.page_size - data[20]
        self.pages = len(data) // self.page_size

    def page(self, n: int) -> bytes:
        if not 1 <= n <= self.pages:
            raise ValueError("page out of range")
        return self.data[(n - 1) * self.page_size : n * self.page_size]

    def cells(self, n: int) -> Iterator[tuple[int, bytes]]:
        """(rowid, payload) of every readable cell of table-leaf page ``n``."""
        page = self.page(n)
        hdr = 100 if n == 1 else 0
        if page[hdr] != _TABLE_LEAF:
            return
        (count,) = struct.unpack(">H", page[hdr + 3 : hdr + 5])
        for i in range(count):
            ptr_at = hdr + 8 + 2 * i
            if ptr_at + 2 > len(page):
                return
            (off,) = struct.unpack(">H", page[ptr_at : ptr_at + 2])
            try:
                yield self._cell(page, off)
            except (ValueError, struct.error):
                continue

    def _cell(self, page: bytes, off: int) -> tuple[int, bytes]:
        size, pos = _varint(page, off)
        rowid, pos = _varint(page, pos)
        if rowid >= 1 << 63:
            rowid -= 1 << 64
        u = self.usable
        x = u - 35
        if size <= x:
            local = size
        else:
            m = ((u - 12) * 32 // 255) - 23
            k = m + (size - m) % (u - 4)
            local = k if k <= x else m
        payload = bytearray(page[pos : pos + local])
        if len(payload) != local:
            raise ValueError("cell past the page")
        if local < size:
            (nxt,) = struct.unpack(">I", page[pos + local : pos + local + 4])
            steps = 0
            while len(payload) < size:
                steps += 1
                if nxt == 0 or steps > _MAX_OVERFLOW_PAGES:
                    raise ValueError("broken overflow chain")
                over = self.page(nxt)
                (nxt,) = struct.unpack(">I", over[:4])
                payload += over[4 : 4 + min(u - 4, size - len(payload))]
        return rowid, bytes(payload)


def _fits(values: list[Any], columns: list[Column]) -> bool:
    if len(values) != len(columns):
        return False
    for v, c in zip(values, columns, strict=True):
        if c.rowid_alias:
            if v is not None:
                return False
            continue
        if v is None:
            if c.notnull:
                return False
            continue
        if c.name == "uuid" and not (isinstance(v, str) and _UUID.match(v)):
            return False
        if (c.name.endswith("_at") or c.name == "at") and not (
            isinstance(v, str) and _ISO.match(v)
        ):
            return False
        if c.type == "INTEGER" and not isinstance(v, int):
            return False
        if c.type == "TEXT" and not isinstance(v, str):
            return False
        if c.type == "REAL" and not isinstance(v, int | float):
            return False
    return True


def scan(data: bytes, tables: dict[str, list[Column]]) -> dict[str, dict[int, list[Any]]]:
    """``{table: {rowid: values}}`` for every record that fits exactly one table.

    The same rowid found twice (an old copy on a free page) keeps the copy with the
    latest ``updated_at`` when the table has one."""
    f = _File(data)
    found: dict[str, dict[int, list[Any]]] = {name: {} for name in tables}
    for n in range(1, f.pages + 1):
        try:
            cells = list(f.cells(n))
        except (ValueError, struct.error):
            continue
        for rowid, payload in cells:
            try:
                values = _decode_record(payload)
            except (ValueError, UnicodeDecodeError):
                continue
            owners = [t for t, cols in tables.items() if _fits(values, cols)]
            if len(owners) != 1:
                continue
            table = owners[0]
            old = found[table].get(rowid)
            if old is None or _newer(values, old, tables[table]):
                found[table][rowid] = values
    return found


def _newer(new: list[Any], old: list[Any], columns: list[Column]) -> bool:
    names = [c.name for c in columns]
    if "updated_at" not in names:
        return False
    i = names.index("updated_at")
    return str(new[i] or "") > str(old[i] or "")
