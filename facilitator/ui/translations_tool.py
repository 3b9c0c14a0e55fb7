"""Rebuild the Italian translation: ``python -m facilitator.ui.translations_tool``.

1. ``pyside6-lupdate`` collects every ``tr()`` string of facilitator/ui and app.py into
   ``resources/translations/facilitator_it.ts``;
2. the translations are filled from ``resources/translations/it/*.json`` (one file per
   area, ``{"English source": "Italian text"}``; a key ``"Context|source"`` wins over
   the plain source for that context);
3. ``pyside6-lrelease`` compiles ``facilitator_it.qm``, which the app loads.

Prints the strings still untranslated and exits 1 if there are any.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from facilitator.paths import resources_dir

ROOT = Path(__file__).resolve().parents[2]


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    return str(Path(sys.executable).with_name(f"pyside6-{name}"))


def load_glossary(folder: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for file in sorted(folder.glob("*.json")):
        table.update(json.loads(file.read_text(encoding="utf-8")))
    return table


def main() -> int:
    out_dir = resources_dir() / "translations"
    ts = out_dir / "facilitator_it.ts"
    sources = sorted(str(p) for p in (ROOT / "facilitator" / "ui").rglob("*.py"))
    sources.append(str(ROOT / "facilitator" / "app.py"))
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    glossary = load_glossary(out_dir / "it")
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", "it_IT")
    missing: list[str] = []
    for context in root.iter("context"):
        ctx = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            text = glossary.get(f"{ctx}|{source}", glossary.get(source))
            if text:
                translation.text = text
                translation.attrib.pop("type", None)
            else:
                translation.set("type", "unfinished")
                missing.append(f"{ctx}: {source}")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [_tool("lrelease"), str(ts), "-qm", str(out_dir / "facilitator_it.qm")],
        check=True,
        capture_output=True,
    )
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
