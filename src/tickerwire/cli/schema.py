"""`tickerwire schema`: print the JSON Schema of the public records."""

from __future__ import annotations

import argparse
import json

from tickerwire.records import PUBLIC_RECORDS


def json_schema() -> dict[str, object]:
    """One JSON Schema document with a definition per public record."""
    defs: dict[str, object] = {}
    for model in PUBLIC_RECORDS:
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "tickerwire records",
        "$defs": defs,
    }


def run(args: argparse.Namespace) -> int:
    print(json.dumps(json_schema(), indent=2, sort_keys=True))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schema", help="print the JSON Schema of the records")
    parser.set_defaults(handler=run)
