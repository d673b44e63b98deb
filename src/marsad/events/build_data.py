"""Derive the shipped event data from ../shared/data (run by hand; outputs are committed).

    python -m marsad.events.build_data /work/shared/data

writes ``data/plover.json`` (PLOVER type/mode/context/aux-mode *names* only: the manual's
definitions are CC BY-SA prose and stay out of the package) and ``data/seed_triggers.tsv``
(Arabic words that UniversalPetrarch's CAMEO.ar.0.5 patterns attach to a CAMEO code, mapped to
PLOVER through cameo_event_codes_with_plover.derived.csv, with how often). The seed only informs
the hand-curated ``data/triggers.tsv``; it is not matched at run time (its words are noisy
machine translations, e.g. "علم" and "تمثال" under PROTEST).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

from ..checksums import file_sha256

DATA = Path(__file__).parent / "data"
_HEAD = re.compile(r"^--- (\S+) \[(\S+)\] ---")
_PATTERN = re.compile(r"^-\s*\*\s*([^\s\[\](){}&]+)\s*\[(\d+)\]")


def derive_plover(ontology: Path) -> dict[str, object]:
    data = json.loads(ontology.read_text(encoding="utf-8"))
    types = {}
    for item in data["event_types"]:
        quad = item["quad"].split("(")[0]
        modes = [m["mode"] for m in item["modes"] if not m.get("commented_out_in_manual")]
        types[item["event_type"]] = {"quad": quad, "modes": modes}
    return {
        "source": f"{ontology.name} sha256={file_sha256(ontology)}",
        "types": types,
        "contexts": [c["context"] for c in data["contexts"]],
        "aux_modes": [*data["auxiliary_modes"], "intent"],
        "sectors": [s["code"] for s in data["sector_codes"]],
    }


def derive_seed(cameo_ar: Path, mapping: Path) -> Counter[tuple[str, str, str]]:
    """(word, PLOVER type, kind) -> count, kind "verb" for block heads, "noun" for objects."""
    codes = {r["cameo_code"]: r["plover_event"] for r in csv.DictReader(mapping.open())}
    seed: Counter[tuple[str, str, str]] = Counter()
    in_verbs = False
    for line in cameo_ar.read_text(encoding="utf-8").splitlines():
        in_verbs = in_verbs or "VERB PATTERNS" in line
        if not in_verbs:
            continue
        head = _HEAD.match(line)
        if head and head.group(2) in codes:
            seed[(head.group(1), codes[head.group(2)], "verb")] += 1
        pat = _PATTERN.match(line)
        if pat and pat.group(2) in codes:
            seed[(pat.group(1), codes[pat.group(2)], "noun")] += 1
    return seed


def main(shared_data: str) -> None:
    root = Path(shared_data) / "events"
    ontology = root / "plover" / "plover_ontology.derived.json"
    plover = derive_plover(ontology)
    (DATA / "plover.json").write_text(
        json.dumps(plover, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    cameo_ar = root / "universalpetrarch_arabic" / "dictionaries" / "CAMEO.ar.0.5.txt"
    mapping = root / "cameo" / "cameo_event_codes_with_plover.derived.csv"
    seed = derive_seed(cameo_ar, mapping)
    with (DATA / "seed_triggers.tsv").open("w", encoding="utf-8") as out:
        out.write(f"# from {cameo_ar.name} sha256={file_sha256(cameo_ar)}\n")
        out.write(f"# mapped by {mapping.name} sha256={file_sha256(mapping)}\n")
        out.write("word\ttype\tkind\tcount\n")
        for (word, typ, kind), n in sorted(seed.items(), key=lambda kv: (kv[0][1], -kv[1])):
            out.write(f"{word}\t{typ}\t{kind}\t{n}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
