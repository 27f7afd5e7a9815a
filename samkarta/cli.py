"""The samkarta command line: thin commands over the same functions the API uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from samkarta.graph.errors import AppError

app = typer.Typer(
    help="Samkarta: Swedish regional collaboration structures from meeting minutes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def main() -> None:
    """Samkarta: Swedish regional collaboration structures from meeting minutes."""


def _fail(error: AppError) -> None:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code=2)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="Minutes file: .txt, .md, .docx or .pdf")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON object (gold/SCHEMA.md shape)")] = False,
    evidence: Annotated[bool, typer.Option("--evidence/--no-evidence", help="Include spans and quotes")] = True,
) -> None:
    """Extract meeting, people, bodies, decisions, actions and handoffs from one file."""
    from samkarta.loaders.extract import extract_file

    try:
        result = extract_file(file)
    except AppError as e:
        _fail(e)
        return
    out = result.to_output(evidence=evidence)
    if as_json:
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    m = out["meeting"]
    typer.echo(f"{m['body']} ({m['region']}) {m['date']}; next {m['next_meeting']}")
    for p in out["people"]:
        typer.echo(f"  {p['name']:32} {p['affiliation'] or '':28} {', '.join(p['roles'])}")
    for key in ("organizations", "municipalities", "projects", "networks"):
        typer.echo(f"{key}: {', '.join(out[key])}")
    for d in out["decisions"]:
        typer.echo(f"decision [{d['item']}]: {d['text']}")
    for a in out["actions"]:
        typer.echo(f"action ({a['assignee']}): {a['text']}")
    for h in out["handoffs"]:
        typer.echo(f"handoff -> {h['to']}: {h['question']}")
