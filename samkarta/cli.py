"""The samkarta command line: thin commands over the same functions the API uses."""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal, NoReturn, TypeVar

import typer

from samkarta.errors import AppError

app = typer.Typer(
    help="Samkarta: Swedish regional collaboration structures from meeting minutes.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
merges_app = typer.Typer(help="Merge candidates: list, accept or reject (judgements survive rebuilds).")
app.add_typer(merges_app, name="merges")
correct_app = typer.Typer(
    help="Correct facts read from minutes: kept as judgements (who, when, why) that survive re-ingest; undo any."
)
app.add_typer(correct_app, name="correct")
entity_app = typer.Typer(
    help="Rename, re-kind, merge or split bodies, organisations and projects (split people too): kept as judgements"
    " that survive re-ingest."
)
app.add_typer(entity_app, name="entity")
curation_app = typer.Typer(help="People's judgements as JSON lines: export to review and version, import elsewhere.")
app.add_typer(curation_app, name="curation")
review_app = typer.Typer(
    help="The review queue: low-confidence facts and merge candidates; accept, reject, or undo a decision."
)
app.add_typer(review_app, name="review")
writers_app = typer.Typer(help="Named writers: who may write through the API, each with a token of their own.")
app.add_typer(writers_app, name="writers")

StoreOpt = Annotated[
    str | None, typer.Option("--store", help="sqlite:///path/file.db or bolt://host:port (default: SAMKARTA_STORE)")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout")]
LinesFile = Annotated[Path, typer.Argument(help="A file of JSON lines, one judgement each")]


@app.callback()
def main() -> None:
    """Samkarta: Swedish regional collaboration structures from meeting minutes."""
    _log_to_file()


def _log_to_file() -> None:
    """Warnings of the libraries (a PDF parser on a damaged file, a driver) go to
    SAMKARTA_DATA_DIR/samkarta.log, not between the command's own lines on stderr."""
    from samkarta.settings import get_settings

    try:
        folder = get_settings().data_dir
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(folder / "samkarta.log", delay=True, encoding="utf-8")
    except (OSError, ValueError):
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler], force=True)


def _shown(text: str) -> str:
    """Text for one line of output: a line break or other control character in a file name is
    shown as an escape, so it cannot forge a line of its own."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _print_profile(seconds: dict[str, float], elapsed: float, documents: int) -> None:
    """Seconds per phase, on stderr so --json output stays clean."""
    total = sum(seconds.values()) or 1.0
    typer.echo(
        f"{documents} documents in {elapsed:.2f} s wall ({documents / max(elapsed, 1e-9):.1f} documents/s)", err=True
    )
    for phase, spent in seconds.items():
        per_doc = 1000 * spent / max(documents, 1)
        typer.echo(f"  {phase:8} {spent:8.2f} s  {100 * spent / total:5.1f} %  {per_doc:7.2f} ms/document", err=True)
    typer.echo("  (read and extract are summed over the worker processes)", err=True)


def _fail(error: AppError) -> NoReturn:
    typer.echo(f"error: {error}", err=True)
    raise typer.Exit(code=2)


def _print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _open(store: str | None):  # noqa: ANN202 - GraphStore
    from samkarta.stores import open_store

    try:
        return open_store(store)
    except AppError as e:
        _fail(e)


T = TypeVar("T")


def _on_store(store: str | None, work: Callable[[Any], T]) -> T:
    """`work` on the opened store, closed afterwards; an AppError is reported and exits."""
    graph = _open(store)
    try:
        return work(graph)
    except AppError as e:
        _fail(e)
    finally:
        graph.close()


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="Minutes file: .txt, .md, .docx or .pdf")],
    as_json: JsonOpt = False,
    evidence: Annotated[bool, typer.Option("--evidence/--no-evidence", help="Include spans and quotes")] = True,
) -> None:
    """Extract meeting, people, bodies, decisions, actions and handoffs from one file."""
    from samkarta.loaders.extract import extract_file

    try:
        result = extract_file(file)
    except AppError as e:
        _fail(e)
    out = result.to_output(evidence=evidence)
    if as_json:
        _print_json(out)
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


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (searched recursively)")],
    store: StoreOpt = None,
    as_json: JsonOpt = False,
    workers: Annotated[
        int | None, typer.Option("--workers", help="Processes that read and extract (default: one per core)")
    ] = None,
    profile: Annotated[bool, typer.Option("--profile", help="Print where the time went, per phase")] = False,
    per_transaction: Annotated[
        int | None,
        typer.Option(
            "--per-transaction",
            min=1,
            help="New documents written per transaction (default 50; 1 writes each alone)",
        ),
    ] = None,
) -> None:
    """Ingest minutes into the graph: unchanged files are skipped, changed ones replace their facts."""
    from rich.progress import Progress

    from samkarta.ingest import find_files, ingest_files

    graph = _open(store)
    files = find_files(paths)
    started = time.perf_counter()
    # refreshed on each file, not by rich's timer thread: a process without threads can fork its workers
    with Progress(transient=True, disable=as_json, auto_refresh=False) as progress:
        task = progress.add_task("Läser protokoll", total=len(files))

        def advance(_path: Path) -> None:
            progress.advance(task)
            progress.refresh()

        summary = ingest_files(graph, files, on_file=advance, workers=workers, per_transaction=per_transaction)
    elapsed = time.perf_counter() - started
    graph.close()
    if profile:
        _print_profile(summary.seconds, elapsed, len(files))
    if as_json:
        _print_json(summary.as_dict())
    else:
        typer.echo(
            f"{summary.ingested} ingested, {summary.replaced} replaced, {summary.unchanged} unchanged, "
            f"{len(summary.failed)} failed; {summary.nodes_added} nodes and {summary.rels_added} relationships added"
        )
        for file, reason in summary.failed:
            typer.echo(f"  failed: {_shown(file)}: {_shown(reason)}", err=True)
    if summary.failed and not (summary.ingested or summary.replaced or summary.unchanged):
        raise typer.Exit(code=1)


@app.command()
def remove(
    document: Annotated[str, typer.Argument(help="Document id or the path it was ingested from")],
    store: StoreOpt = None,
) -> None:
    """Remove a document and every fact only it supported."""
    from samkarta.graph.batch import document_id

    graph = _open(store)
    doc_id = document if document.startswith("document-") else document_id(document)
    removed = graph.delete_document(doc_id)
    graph.close()
    if not removed:
        typer.echo(f"error: no document {document!r} in the store", err=True)
        raise typer.Exit(code=1)
    typer.echo(f"removed {doc_id}")


@app.command()
def erase(
    person: Annotated[str, typer.Argument(help="A person's id (person-...) or exact name")],
    store: StoreOpt = None,
    lift: Annotated[bool, typer.Option("--lift", help="Lift the tombstone of an erased NAME instead")] = False,
) -> None:
    """Erase a person everywhere (data-protection request): node, quotes, facts and texts; a
    tombstone (a keyed hash of the name) keeps them out of later ingests until it is lifted."""
    from samkarta.graph.tombstones import digest
    from samkarta.ingest import erase_person

    graph = _open(store)
    try:
        if lift:
            graph.set_tombstone(digest(graph.tombstone_key(), person), False)
            typer.echo(f"lifted the tombstone of {_shown(person)!r}; documents ingested from now on may name them")
            return
        ids = (
            [person]
            if person.startswith("person-")
            else sorted({i for i, label, name in graph.names() if label == "Person" and name == person})
        )
        if len(ids) != 1:
            typer.echo(f"error: {len(ids)} people named {_shown(person)!r}; give the id instead", err=True)
            raise typer.Exit(code=1)
        changed = erase_person(graph, ids[0])
    except AppError as e:
        _fail(e)
    finally:
        graph.close()
    typer.echo(f"erased {ids[0]}; {len(changed)} documents redacted")


@app.command()
def migrate(store: StoreOpt = None) -> None:
    """Convert a Neo4j store written by an older Samkarta to the current layout, in place; nothing is lost."""
    from samkarta.stores import migrate_store

    try:
        typer.echo(migrate_store(store))
    except AppError as e:
        _fail(e)


@app.command()
def stats(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Counts of documents, nodes by label and relationships by type."""
    graph = _open(store)
    result = graph.stats()
    graph.close()
    if as_json:
        _print_json(result.model_dump())
        return
    typer.echo(f"documents: {result.documents}")
    for label, n in sorted(result.nodes.items()):
        typer.echo(f"  {label:14} {n}")
    for rtype, n in sorted(result.relationships.items()):
        typer.echo(f"  {rtype:14} {n}")


@merges_app.callback(invoke_without_command=True)
def merges_list(
    ctx: typer.Context,
    status: Annotated[str, typer.Option(help="pending, merged, accepted, rejected or all")] = "pending",
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List merge candidates with score and reasons (default: those waiting for a decision)."""
    if ctx.invoked_subcommand:
        return
    graph = _open(store)
    found = graph.candidates(None if status == "all" else status)
    graph.close()
    if as_json:
        _print_json([c.model_dump() for c in found])
        return
    if not found:
        typer.echo(f"no {status} merge candidates")
    for c in found:
        typer.echo(f"{c.id}  {c.score:.2f}  {c.name_a} ~ {c.name_b}  [{c.status}]  {'; '.join(c.reasons)}")


ByOpt = Annotated[
    str | None, typer.Option("--by", help="Who decides, as the judgement records it (default: your login)")
]


def _judge(candidate: str, decision: str, reason: str, by: str | None, store: str | None) -> None:
    from samkarta.ingest import judge
    from samkarta.writers import check_name

    decided_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    decided_by = by or _login()
    try:
        check_name(decided_by)  # shown wherever the judgement is: a name like a writer's
    except AppError as e:
        _fail(e)
    rebuilt = _on_store(
        store, lambda graph: judge(graph, candidate, decision, reason, decided_at, decided_by=decided_by)
    )
    typer.echo(f"{decision} {candidate}; {rebuilt} documents rebuilt")


def _login() -> str:
    """The user running the command, as judgements made here name their writer."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment nor the password database
        return "cli"


@merges_app.command("accept")
def merges_accept(
    candidate: str, reason: Annotated[str, typer.Option(help="Why")] = "", by: ByOpt = None, store: StoreOpt = None
) -> None:
    """Accept a candidate: the two records become one person."""
    _judge(candidate, "accepted", reason, by, store)


@merges_app.command("reject")
def merges_reject(
    candidate: str, reason: Annotated[str, typer.Option(help="Why")] = "", by: ByOpt = None, store: StoreOpt = None
) -> None:
    """Reject a candidate (also undoes an automatic merge): the records stay two people."""
    _judge(candidate, "rejected", reason, by, store)


@curation_app.command("export")
def curation_export(file: LinesFile, store: StoreOpt = None) -> None:
    """Write every judgement (merges accepted or rejected by people) to FILE, one JSON line each."""
    from samkarta.curation import export_lines

    lines = _on_store(store, lambda graph: list(export_lines(graph)))
    try:
        file.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    except OSError as e:
        _fail(AppError(f"{_shown(str(file))}: cannot write ({e.strerror})"))
    typer.echo(f"{len(lines)} judgements written to {_shown(str(file))}")


@curation_app.command("import")
def curation_import(file: LinesFile, store: StoreOpt = None) -> None:
    """Apply the judgements of FILE that are new or changed, and rebuild the documents they touch."""
    from samkarta.curation import import_judgements, parse_lines

    try:
        judgements = parse_lines(file.read_text(encoding="utf-8").splitlines(), _shown(str(file)))
    except OSError as e:
        _fail(AppError(f"{_shown(str(file))}: cannot read ({e.strerror})"))
    except (AppError, UnicodeDecodeError) as e:
        _fail(e if isinstance(e, AppError) else AppError(f"{_shown(str(file))}: not UTF-8 text"))
    report = _on_store(store, lambda graph: import_judgements(graph, judgements))
    typer.echo(f"{report.applied} judgements applied, {report.unchanged} unchanged; {report.rebuilt} documents rebuilt")


DocumentArg = Annotated[str, typer.Argument(help="A document's id (document-...) or the path it was ingested from")]
FactArg = Annotated[str, typer.Argument(help="A fact's id, as `samkarta correct facts DOCUMENT` lists it")]
ReasonOpt = Annotated[str, typer.Option("--reason", help="Why (kept in the fact's history)")]


def _document(document: str) -> str:
    from samkarta.graph.batch import document_id

    return document if document.startswith("document-") else document_id(document)


def _deciding(by: str | None) -> str:
    """Who decides: --by, else the login; a name like a writer's, as it is shown wherever the
    judgement is."""
    from samkarta.writers import check_name

    writer = by or _login()
    try:
        check_name(writer)
    except AppError as e:
        _fail(e)
    return writer


def _correcting(store: str | None, by: str | None, work: Callable[[Any, str], Any]) -> None:
    """`work(graph, writer)`, then one line per correction made."""
    writer = _deciding(by)
    made = _on_store(store, lambda graph: work(graph, writer))
    for c in made if isinstance(made, list) else [made]:
        change = "undone" if c.value is None else f"{c.field} = {c.value}"
        typer.echo(f"{c.id}  {c.fact_kind} {c.fact}: {_shown(change)} (by {_shown(c.decided_by)})")


@correct_app.command("facts")
def correct_facts(document: DocumentArg, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """The facts of a document that can be corrected, with their ids, state and corrections."""
    from samkarta.corrections import document_facts, values_of

    doc = _on_store(store, lambda graph: document_facts(graph, _document(document)))
    rows = []
    for s in doc.facts:
        said, now = values_of(doc, s)
        rows.append(
            {
                "id": s.fact.id,
                "kind": s.fact.kind,
                "text": s.fact.text,
                "wrong": s.wrong,
                "added": s.added,
                "extracted": said,
                "current": now,
                "history": [c.model_dump() for c in s.history],
            }
        )
    if as_json:
        _print_json({"facts": rows, "orphaned": [c.model_dump() for c in doc.result.orphaned]})
        return
    for r in rows:
        state = " [wrong]" if r["wrong"] else " [added]" if r["added"] else ""
        values = ", ".join(f"{k}: {v}" for k, v in r["current"].items() if v and k not in ("text", "name"))
        typer.echo(_shown(f"{r['id']}  {r['kind']:10} {r['text'][:70]}{state}{'  (' + values + ')' if values else ''}"))
    for c in doc.result.orphaned:
        typer.echo(_shown(f"orphaned: {c.id}  {c.fact_kind} {c.text[:60]!r}: {c.field}"))


@correct_app.command("wrong")
def correct_wrong(
    document: DocumentArg, fact: FactArg, reason: ReasonOpt = "", by: ByOpt = None, store: StoreOpt = None
) -> None:
    """Mark a decision, action, handoff or attendee as wrong: it leaves the graph."""
    from samkarta.corrections import correct

    _correcting(store, by, lambda g, w: correct(g, _document(document), fact, "wrong", reason=reason, by=w))


@correct_app.command("meeting")
def correct_meeting(
    document: DocumentArg,
    date: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    body: Annotated[str | None, typer.Option(help="The body (network) that met")] = None,
    region: Annotated[str | None, typer.Option(help='A county, e.g. Dalarna; "" for a national body')] = None,
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Correct a meeting's date, body or region."""
    from samkarta.corrections import correct
    from samkarta.graph.corrections import fact_id

    asked = {k: v for k, v in (("date", date), ("body", body), ("region", region)) if v is not None}
    if not asked:
        _fail(AppError("give --date, --body or --region"))
    doc = _document(document)
    meeting = fact_id(doc, "meeting")
    _correcting(store, by, lambda g, w: [correct(g, doc, meeting, k, v, reason=reason, by=w) for k, v in asked.items()])


@correct_app.command("assignee")
def correct_assignee(
    document: DocumentArg,
    fact: FactArg,
    name: Annotated[str, typer.Argument(help='Who is to do it ("" for nobody)')],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Give an action to someone else."""
    from samkarta.corrections import correct

    _correcting(store, by, lambda g, w: correct(g, _document(document), fact, "assignee", name, reason=reason, by=w))


@correct_app.command("add-attendee")
def correct_add_attendee(
    document: DocumentArg,
    name: Annotated[str, typer.Argument(help="The person's name")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Add an attendee the minutes miss (to remove one, mark their attendance wrong)."""
    from samkarta.corrections import add_attendee

    _correcting(store, by, lambda g, w: add_attendee(g, _document(document), name, reason=reason, by=w))


@correct_app.command("person")
def correct_person(
    document: DocumentArg,
    fact: FactArg,
    name: Annotated[str | None, typer.Option(help="The name as it should be spelled in these minutes")] = None,
    affiliation: Annotated[str | None, typer.Option(help='A municipality or organisation; "" for none')] = None,
    roles: Annotated[str | None, typer.Option(help="Roles at the meeting, e.g. chair,present")] = None,
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Correct a person at a meeting: the spelling of their name, their affiliation, their roles."""
    from samkarta.corrections import correct_fields

    asked = {k: v for k, v in (("name", name), ("affiliation", affiliation), ("roles", roles)) if v is not None}
    if not asked:
        _fail(AppError("give --name, --affiliation or --roles"))
    doc = _document(document)
    _correcting(store, by, lambda g, w: correct_fields(g, doc, fact, asked, reason=reason, by=w))


@correct_app.command("text")
def correct_text(
    document: DocumentArg,
    fact: FactArg,
    text: Annotated[str, typer.Argument(help="The decision's or action's text, or the handoff's question")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Edit the text of a decision, action or handoff (its quote stays)."""
    from samkarta.corrections import correct

    _correcting(store, by, lambda g, w: correct(g, _document(document), fact, "text", text, reason=reason, by=w))


@correct_app.command("kind")
def correct_kind(
    document: DocumentArg,
    fact: FactArg,
    kind: Annotated[str, typer.Argument(help="decision, action or handoff")],
    to: Annotated[str | None, typer.Option("--to", help="A handoff's target: the body it went to")] = None,
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Reclassify a decision, action or handoff as another of them, keeping its text and quote."""
    from samkarta.corrections import correct_fields

    asked = {"kind": kind, **({"target": to} if to is not None else {})}
    _correcting(store, by, lambda g, w: correct_fields(g, _document(document), fact, asked, reason=reason, by=w))


@correct_app.command("target")
def correct_target(
    document: DocumentArg,
    fact: FactArg,
    to: Annotated[str, typer.Argument(help="The body the question went to")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Send a handoff to another body."""
    from samkarta.corrections import correct

    _correcting(store, by, lambda g, w: correct(g, _document(document), fact, "target", to, reason=reason, by=w))


@correct_app.command("add")
def correct_add(
    document: DocumentArg,
    kind: Annotated[str, typer.Argument(help="decision, action or handoff")],
    text: Annotated[str, typer.Argument(help="What was decided, is to be done, or the question handed on")],
    quote: Annotated[str, typer.Option("--quote", help="The sentence of the minutes it stands in")],
    to: Annotated[str, typer.Option("--to", help="A handoff's target: the body it went to")] = "",
    assignee: Annotated[str, typer.Option("--assignee", help="Who is to do an action")] = "",
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Add a decision, action or handoff the minutes miss, with the sentence of the minutes it stands in."""
    from samkarta.fact_edits import add_fact

    doc = _document(document)
    _correcting(
        store,
        by,
        lambda g, w: add_fact(g, doc, kind, text, quote, to=to, assignee=assignee, reason=reason, by=w),
    )


@correct_app.command("undo")
def correct_undo(
    correction: Annotated[str, typer.Argument(help="A correction's id (correction-...)")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Undo a correction: the fact gets its value from the minutes back (the history keeps both)."""
    from samkarta.corrections import undo

    _correcting(store, by, lambda g, w: undo(g, correction, reason=reason, by=w))


@correct_app.command("history")
def correct_history(fact: FactArg, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Every correction of a fact, oldest first: who, when, what and why."""
    from samkarta.corrections import history

    found = _on_store(store, lambda graph: history(graph, fact))
    if as_json:
        _print_json([c.model_dump() for c in found])
        return
    if not found:
        typer.echo(f"no corrections of {fact}")
    for c in found:
        change = "undone" if c.value is None else f"{c.field} = {c.value}"
        typer.echo(_shown(f"{c.decided_at}  {c.decided_by}: {change}" + (f"  ({c.reason})" if c.reason else "")))


@correct_app.command("orphaned")
def correct_orphaned(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Corrections whose fact is gone (document removed, re-extracted or changed): listed, never dropped."""
    from samkarta.corrections import orphaned

    found = _on_store(store, orphaned)
    if as_json:
        _print_json([{"why": o.why, "correction": o.correction.model_dump()} for o in found])
        return
    if not found:
        typer.echo("no orphaned corrections")
    for o in found:
        c = o.correction
        typer.echo(_shown(f"{c.id}  {o.why}: {c.fact_kind} {c.text[:60]!r} ({c.field}, by {c.decided_by})"))


EntityArg = Annotated[str, typer.Argument(help="A body's, organisation's or project's id, or its name or alias")]


def _judging_entity(store: str | None, by: str | None, work: Callable[[Any, str], Any]) -> None:
    """`work(graph, writer)`, then one line for the judgement made."""
    writer = _deciding(by)
    j = _on_store(store, lambda graph: work(graph, writer))
    typer.echo(_shown(f"{j.id}  {j.op} {j.label} {j.node} ({j.name}) -> {j.value} (by {j.decided_by})"))


@entity_app.command("rename")
def entity_rename(
    entity: EntityArg, name: str, reason: ReasonOpt = "", by: ByOpt = None, store: StoreOpt = None
) -> None:
    """Give a body, organisation or project another display name; the old one stays an alias."""
    from samkarta.entities import find_entity, rename

    _judging_entity(store, by, lambda g, w: rename(g, find_entity(g, entity).id, name, reason=reason, by=w))


@entity_app.command("rekind")
def entity_rekind(
    entity: EntityArg,
    label: Annotated[str, typer.Argument(help="Organization or Project")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Make a project an organisation or an organisation a project, with its relationships."""
    from samkarta.entities import find_entity, rekind

    _judging_entity(store, by, lambda g, w: rekind(g, find_entity(g, entity).id, label, reason=reason, by=w))


@entity_app.command("merge")
def entity_merge(
    keep: EntityArg,
    merged: Annotated[str, typer.Argument(help="The one merged into KEEP (id, name or alias)")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Merge MERGED into KEEP: its relationships move there and its name becomes an alias."""
    from samkarta.entities import find_entity, merge

    def work(g: Any, w: str) -> Any:
        return merge(g, find_entity(g, keep, "keep").id, find_entity(g, merged, "merged").id, reason=reason, by=w)

    _judging_entity(store, by, work)


@entity_app.command("split")
def entity_split(
    entity: Annotated[str, typer.Argument(help="A body, organisation, project or person: id, name or alias")],
    documents: Annotated[list[str], typer.Argument(help="The documents (ids or paths) whose mentions split off")],
    name: Annotated[str, typer.Option("--name", help="The new node's name (default: as those minutes write it)")] = "",
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Split ENTITY: its mentions in DOCUMENTS go to a new node of their own, with their relationships."""
    from samkarta.entities import find_entity, split
    from samkarta.graph.model import SPLITTABLE

    def work(g: Any, w: str) -> Any:
        node = find_entity(g, entity, labels=SPLITTABLE)
        return split(g, node.id, [_document(d) for d in documents], name=name, reason=reason, by=w)

    _judging_entity(store, by, work)


@entity_app.command("undo")
def entity_undo(
    judgement: Annotated[str, typer.Argument(help="A judgement's id (entityjudgement-...)")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Take back a rename, re-kind, merge or split (the history keeps both)."""
    from samkarta.entities import undo

    _judging_entity(store, by, lambda g, w: undo(g, judgement, reason=reason, by=w))


@entity_app.command("history")
def entity_history(entity: EntityArg, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Every rename, re-kind, merge, split and undo of an entity or person, oldest first: who, when,
    what and why."""
    from samkarta.entities import find_entity, history
    from samkarta.graph.model import SPLITTABLE

    found = _on_store(store, lambda g: history(g, find_entity(g, entity, labels=SPLITTABLE).id))
    if as_json:
        _print_json([j.model_dump() for j in found])
        return
    if not found:
        typer.echo(f"no judgements of {_shown(entity)}")
    for j in found:
        line = f"{j.decided_at}  {j.decided_by}: {j.op} {j.name} -> {j.value}" + (f"  ({j.reason})" if j.reason else "")
        typer.echo(_shown(f"{j.id}  {line}"))


@entity_app.command("orphaned")
def entity_orphaned(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Judgements whose node no stored document gives any more: listed, never dropped."""
    from samkarta.entities import orphaned

    found = _on_store(store, orphaned)
    if as_json:
        _print_json([{"why": o.why, "judgement": o.judgement.model_dump()} for o in found])
        return
    if not found:
        typer.echo("no orphaned entity judgements")
    for o in found:
        j = o.judgement
        typer.echo(_shown(f"{j.id}  {o.why}: {j.op} {j.label} {j.name!r} (by {j.decided_by})"))


# what `review list --kind` names, as (the item's kind, its node label or None for any)
REVIEW_KINDS = {
    "fact": ("fact", None),
    "person": ("person_merge", None),
    "body": ("entity_merge", "Network"),
    "organisation": ("entity_merge", "Organization"),
}
ItemArg = Annotated[str, typer.Argument(help="An item's id, as `samkarta review list` shows it")]


@review_app.command("list")
def review_list(
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="fact, person, body or organisation (repeatable; default all)")
    ] = None,
    threshold: Annotated[
        float | None, typer.Option(min=0, max=1, help="Facts below this confidence (default SAMKARTA_REVIEW_THRESHOLD)")
    ] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The queue, most relationships changed first: id, kind, impact, confidence or score, what it is."""
    from samkarta.queries.review import review_queue
    from samkarta.settings import get_settings

    unknown = sorted(set(kind or []) - set(REVIEW_KINDS))
    if unknown:
        _fail(AppError(f"--kind: {', '.join(unknown)} is not one of {', '.join(REVIEW_KINDS)}"))
    wanted = [REVIEW_KINDS[k] for k in kind or REVIEW_KINDS]
    chosen = get_settings().review_threshold if threshold is None else threshold
    queue = _on_snapshot(store, lambda graph, snap: review_queue(graph, snap, chosen, 0, 1_000_000))
    items = [i for i in queue.data if any(i.kind == k and label in (None, i.label) for k, label in wanted)]
    if as_json:
        _print_json([i.model_dump(mode="json", exclude={"passages"}) for i in items])
        return
    if not items:
        typer.echo("nothing to review")
    for i in items:
        sure = f"confidence {i.confidence:.2f}" if i.confidence is not None else f"score {i.score or 0:.2f}"
        typer.echo(_shown(f"{i.id}  {i.kind:12}  impact {i.impact:4}  {sure}  {i.title} {i.text}"))


def _deciding_item(
    item: str, decision: Literal["accept", "reject"], reason: str, by: str | None, store: str | None
) -> None:
    from samkarta import review

    writer = _deciding(by)
    made = _on_snapshot(store, lambda g, snap: review.decide_item(g, snap, item, decision, reason=reason, by=writer))
    typer.echo(_shown(f"{made.what} (by {writer})"))
    if made.undo:
        typer.echo(f"undo with: samkarta review undo {made.undo}")


@review_app.command("accept")
def review_accept(item: ItemArg, reason: ReasonOpt = "", by: ByOpt = None, store: StoreOpt = None) -> None:
    """Accept an item: confirm the fact as read, or merge the pair."""
    _deciding_item(item, "accept", reason, by, store)


@review_app.command("reject")
def review_reject(item: ItemArg, reason: ReasonOpt = "", by: ByOpt = None, store: StoreOpt = None) -> None:
    """Reject an item: mark the fact wrong, or keep the pair apart."""
    _deciding_item(item, "reject", reason, by, store)


@review_app.command("undo")
def review_undo(
    judgement: Annotated[str, typer.Argument(help="What a decision stored (review-, correction- or entityjudgement-)")],
    reason: ReasonOpt = "",
    by: ByOpt = None,
    store: StoreOpt = None,
) -> None:
    """Take back a decision from the queue (a later judgement; the history keeps both): the item is back."""
    from samkarta import review

    writer = _deciding(by)
    made = _on_store(store, lambda g: review.undo_decision(g, judgement, reason=reason, by=writer))
    typer.echo(_shown(f"{made.what} (by {writer})"))


@review_app.command("history")
def review_history(
    fact: Annotated[str, typer.Option(help="Only the judgements on this fact (its id)")] = "",
    node: Annotated[str, typer.Option(help="Only the pairs with this node: bodies, organisations, people")] = "",
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Review judgements (confirmations, distinctions, person pairs decided in the queue, undos), oldest first."""
    from samkarta import review

    found = _on_store(store, lambda g: review.history(g, fact=fact, node=node) if fact or node else g.reviews())
    if as_json:
        _print_json([r.model_dump(mode="json") for r in found])
        return
    for r in found:
        about, what = r.fact or r.candidate or r.node_a, r.decision or r.field or r.undoes
        typer.echo(_shown(f"{r.id}  {r.decided_at}  {r.op} {about} {what} (by {r.decided_by})"))


def _writers():  # noqa: ANN202 - Writers
    from samkarta.settings import get_settings
    from samkarta.writers import Writers

    return Writers.in_dir(get_settings().data_dir)


@writers_app.command("add")
def writers_add(
    name: Annotated[str, typer.Argument(help="1-60 printable characters: a person, a team, a script")],
) -> None:
    """Add a writer and print its token, this once: only a hash of it is kept (in SAMKARTA_DATA_DIR)."""
    try:
        token = _writers().add(name)
    except AppError as e:
        _fail(e)
    typer.echo(token)  # alone on stdout, for TOKEN=$(samkarta writers add NAME)
    typer.echo(f"added writer {name!r}: send 'Authorization: Bearer TOKEN'; the token is not shown again", err=True)


@writers_app.command("list")
def writers_list(as_json: JsonOpt = False) -> None:
    """The writers and when each was added (never their tokens or hashes)."""
    from samkarta.settings import get_settings

    try:
        found = [{"name": w.name, "added": w.added} for w in _writers().entries()]
    except AppError as e:
        _fail(e)
    if as_json:
        _print_json(found)
        return
    for writer in found:
        typer.echo(f"{writer['added']}  {writer['name']}")
    if get_settings().api_token:
        typer.echo("SAMKARTA_API_TOKEN is set: it writes as 'api-token'")
    elif not found:
        typer.echo("no writers: writes through the API are disabled; add one with `samkarta writers add NAME`")


@writers_app.command("remove")
def writers_remove(name: str) -> None:
    """Remove a writer: its token stops working at once, in a running server too."""
    try:
        _writers().remove(name)
    except AppError as e:
        _fail(e)
    typer.echo(f"removed writer {name!r}")


query_app = typer.Typer(help="Ask the graph: the main questions as tables, or --json for scripts.")
app.add_typer(query_app, name="query")


def _on_snapshot(store: str | None, work: Callable[[Any, Any], T]) -> T:
    """`work(graph, snapshot)` on the opened store, as _on_store."""
    from samkarta.queries.view import GraphView

    return _on_store(store, lambda graph: work(graph, GraphView(graph).current()))


def _run_query(store: str | None, as_json: bool, fn, render) -> None:  # noqa: ANN001
    result = _on_snapshot(store, fn)
    if as_json:
        _print_json(result.model_dump(mode="json"))
    else:
        render(result)


@query_app.command("search")
def query_search(text: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Entities by name or alias."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        for hit in r.data:
            typer.echo(f"{hit.score:5.1f}  {hit.label:13} {hit.name}  ({hit.id})")

    _run_query(store, as_json, lambda _g, s: q.search(s, text), show)


@query_app.command("owners")
def query_owners(question: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Which network owns a question ("BBIC", "hedersrelaterat våld", "familjehem")."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        for o in r.data:
            typer.echo(f"{o.score:6.2f}  {o.name} ({o.region or 'nationell'})")
            for e in o.evidence[:3]:
                typer.echo(f"         {e.kind}: {e.evidence.quote or e.text}")

    _run_query(store, as_json, lambda g, s: q.owners(g, s, question), show)


@query_app.command("collaborators")
def query_collaborators(who: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """People (or, for an organisation or municipality, other organisations) who work with WHO."""
    from samkarta.queries import questions as q

    def fn(_g, s):  # noqa: ANN001, ANN202
        node_id = q._resolve(s, who)
        if s.g.nodes[node_id]["label"] == "Person":
            return q.collaborators(s, node_id)
        return q.organization_collaborators(s, node_id)

    def show(r) -> None:  # noqa: ANN001
        typer.echo(f"{r.name}: {r.count} collaborators")
        for c in r.data:
            typer.echo(f"{c.score:6.2f}  {c.name:30} {c.shared_meetings} meetings  {', '.join(c.shared_bodies)}")

    _run_query(store, as_json, fn, show)


@query_app.command("network")
def query_network(name: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """A body: members over time, decisions, open actions, handoffs."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        typer.echo(f"{r.name} ({r.region}): {len(r.meetings)} meetings, {len(r.members)} members")
        if r.namesakes:
            typer.echo(f"  {len(r.namesakes)} bodies have this name (shown: the first; ask for another by id):")
            for b in r.namesakes:
                typer.echo(f"    {b.name} ({b.region}): {b.meetings} meetings, {b.members} members  ({b.id})")
        for mem in r.members[:30]:
            typer.echo(f"  {mem.name:30} {mem.first_seen} - {mem.last_seen}  {mem.meetings} meetings")
        for d in r.decisions:
            typer.echo(f"  beslut {d.date}: {d.text}")
        for h in r.handoffs_out:
            typer.echo(f"  -> {h.to_name}: {h.question}")
        for h in r.handoffs_in:
            typer.echo(f"  <- {h.from_name}: {h.question}")

    _run_query(store, as_json, lambda g, s: q.network_named(g, s, name), show)


@query_app.command("trail")
def query_trail(question: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Where a question went: bodies in date order with the handoffs."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        for st in r.steps:
            typer.echo(f"{st.date}  {st.network}  {st.kind}: {st.text[:100]}")
        for h in r.handoffs:
            typer.echo(f"{h.date}  {h.from_name} -> {h.to_name}: {h.question}")

    _run_query(store, as_json, lambda g, s: q.trail(g, s, question), show)


@query_app.command("path")
def query_path(source: str, target: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """How two entities are connected, edge by edge."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        for p in r.data:
            typer.echo(" -> ".join([p.steps[0].source_name, *(f"[{s.type}] {s.target_name}" for s in p.steps)]))

    _run_query(store, as_json, lambda _g, s: q.paths(s, q._resolve(s, source), q._resolve(s, target)), show)


@query_app.command("brokers")
def query_brokers(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """People and organisations that bridge bodies."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        for b in r.data:
            typer.echo(f"{b.score:8.5f}  {b.label:13} {b.name}: {', '.join(b.bodies)}")

    _run_query(store, as_json, lambda _g, s: q.brokers(s), show)


@query_app.command("depends")
def query_depends(person: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """What depends on a person: bodies chaired, open actions, sole links between bodies."""
    from samkarta.queries import questions as q

    def show(r) -> None:  # noqa: ANN001
        typer.echo(f"{r.name}")
        typer.echo(f"  chairs: {', '.join(b.name for b in r.chairs) or '-'}")
        for a in r.open_actions:
            typer.echo(f"  open action: {a.text}")
        for link in r.sole_links:
            typer.echo(f"  only link between {link.body.name} and {link.other.name}")

    _run_query(store, as_json, lambda g, s: q.depends(s, q._resolve(s, person, {"Person"})), show)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file")],
    fmt: Annotated[str, typer.Option("--format", help="graphml, gexf, csv (zip) or json")] = "gexf",
    around: Annotated[str | None, typer.Option(help="Only the neighbourhood of this entity (name or id)")] = None,
    depth: int = 1,
    store: StoreOpt = None,
) -> None:
    """Export the collaboration graph (or a neighbourhood) for Gephi and other tools."""
    from samkarta.queries import questions as q
    from samkarta.viz.export import export_graph, render_export

    def work(_graph: Any, snap: Any) -> tuple[Any, dict[str, object]]:
        g = export_graph(snap, q._resolve(snap, around) if around else None, depth, None, None)
        return g, render_export(g, fmt)

    g, rendered = _on_snapshot(store, work)
    out.write_bytes(rendered["content"])  # type: ignore[arg-type]
    typer.echo(f"wrote {out} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str | None, typer.Option(help="Bind address (default 127.0.0.1: local only)")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000)")] = None,
) -> None:
    """Serve the JSON API (/docs) and the explorer."""
    import uvicorn

    from samkarta.api.app import create_app
    from samkarta.settings import get_settings

    settings = get_settings()
    if store:
        settings = settings.model_copy(update={"store": store})
    if host:
        settings = settings.model_copy(update={"host": host})  # the address served is a name it answers to
    if settings.host in ("0.0.0.0", "::") and not settings.allowed_hosts:  # noqa: S104 - compared, not bound
        typer.echo("note: only localhost names are accepted; set SAMKARTA_ALLOWED_HOSTS to this machine's names")
    uvicorn.run(create_app(settings), host=settings.host, port=port or settings.port, log_level="info")


@app.command()
def demo(
    store: StoreOpt = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000)")] = None,
) -> None:
    """Ingest the packaged sample minutes into the store and serve the explorer."""
    from samkarta.ingest import find_files, ingest_files
    from samkarta.samples import sample_dir

    graph = _open(store)
    summary = ingest_files(graph, find_files([sample_dir()]))
    graph.close()
    typer.echo(
        f"sample minutes: {summary.ingested} ingested, {summary.unchanged} unchanged, {len(summary.failed)} failed"
    )
    serve(store=store, host=None, port=port)
