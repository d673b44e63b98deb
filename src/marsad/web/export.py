"""Any list result as a download: JSON Lines, CSV or Parquet (pyarrow)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from fastapi import Response

#: format -> (media type, file extension)
FORMATS = {
    "jsonl": ("application/x-ndjson", "jsonl"),
    "csv": ("text/csv; charset=utf-8", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def _flat(value: Any) -> Any:
    """Scalars stay; lists and dicts become JSON text (CSV and Parquet want flat columns)."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _columns(rows: Sequence[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def export(rows: Sequence[dict[str, Any]], fmt: str, name: str) -> Response:
    """A download response holding ``rows`` in ``fmt`` (one of FORMATS)."""
    media, ext = FORMATS[fmt]
    if fmt == "jsonl":
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()
    elif fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=_columns(rows) or ["id"])
        writer.writeheader()
        writer.writerows({k: _flat(v) for k, v in r.items()} for r in rows)
        body = ("\ufeff" + out.getvalue()).encode()  # BOM: spreadsheets then read UTF-8 Arabic
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        cols = _columns(rows) or ["id"]
        table = pa.table({c: _column([_flat(r.get(c)) for r in rows]) for c in cols})
        sink = io.BytesIO()
        pq.write_table(table, sink)
        body = sink.getvalue()
    return Response(
        body,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="marsad-{name}.{ext}"'},
    )


def _column(values: list[Any]) -> Any:
    """A typed Parquet column, or text when the values mix types."""
    import pyarrow as pa

    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return pa.array([None if v is None else str(v) for v in values], pa.string())
