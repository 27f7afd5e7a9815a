"""Ingest files into a store: read, extract, resolve, and write new documents many per transaction
(a changed document alone, replacing its facts)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from samkarta.errors import AppError
from samkarta.graph.batch import build_batch, document_id, person_keys
from samkarta.graph.corrections import CorrectionIndex, corrected
from samkarta.graph.entities import EntityMap
from samkarta.graph.model import GraphBatch, Judgement
from samkarta.graph.pending import PendingPeople, PeopleView
from samkarta.graph.redaction import genitive_of
from samkarta.graph.resolution import PersonResolver
from samkarta.graph.store import GraphStore
from samkarta.graph.tombstones import Erased, digest
from samkarta.loaders.extract import extract_source, in_order, worker_pool
from samkarta.loaders.model import Extraction
from samkarta.loaders.readers import SUPPORTED_SUFFIXES, path_text, read_document

PHASES = ("read", "extract", "decode", "resolve", "write")
T = TypeVar("T")


@dataclass
class IngestSummary:
    ingested: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    nodes_added: int = 0
    rels_added: int = 0
    # where the time went, per phase (read and extract summed over the worker processes)
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(PHASES, 0.0))

    def add_time(self, phase: str, seconds: float) -> None:
        self.seconds[phase] = self.seconds.get(phase, 0.0) + seconds

    def as_dict(self) -> dict[str, object]:
        return {
            "ingested": self.ingested,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "failed": [{"file": f, "reason": r} for f, r in self.failed],
            "nodes_added": self.nodes_added,
            "relationships_added": self.rels_added,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Files given, and supported files under folders given (recursive), in a stable order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and f.suffix.lower() in SUPPORTED_SUFFIXES
                    and not f.name.startswith(".")
                    and f.stem.upper() not in {"README", "SOURCES", "LICENSE", "CHANGELOG"}
                )
            )
        else:
            out.append(p)
    return out


_PARALLEL_FROM = 20  # files; fewer are read in this process (starting workers costs seconds)
DOCUMENTS_PER_TRANSACTION = 50  # new documents written together


def ingest_files(
    store: GraphStore,
    files: list[Path],
    on_file: Callable[[Path], None] | None = None,
    workers: int | None = None,
    per_transaction: int | None = None,
) -> IngestSummary:
    """Ingest each file; a failing file is reported and the batch goes on. Reading and extraction
    run in `workers` processes (default: one per core for larger batches) feeding this one, which
    resolves people and writes in file order.

    Files are taken `per_transaction` at a time (default DOCUMENTS_PER_TRANSACTION): the store is
    asked once about the people they name, each new document is resolved against its answer and the
    documents before it, and their new documents are written in one transaction; when that fails,
    they are resolved and written again one by one, so a bad document still costs only itself. A
    changed document is written alone, after those waiting. The store ends the same as with one
    document per transaction."""
    summary = IngestSummary()
    stored = store.documents()
    known = {d.id: d.sha256 for d in stored}
    contents = {d.sha256: d.id for d in stored}
    if per_transaction is None:
        per_transaction = DOCUMENTS_PER_TRANSACTION
    corrections = CorrectionIndex.of(store.corrections(), known)
    if per_transaction > 1:
        # on an empty store, the waiting and written documents of this load are all the people there are
        view = PeopleView(store if stored else None, PendingPeople(), store.judgements())
        erased = Erased.of(store)
        writer: _Writer = _BatchWriter(
            store, PersonResolver(view), erased, contents, summary, corrections, view, per_transaction, set(known)
        )
    else:
        writer = _Writer(store, PersonResolver(store), Erased.of(store), contents, summary, corrections)
    writer.entities = EntityMap.of(store.entity_judgements())
    if workers is None:
        workers = (os.cpu_count() or 1) if len(files) >= _PARALLEL_FROM else 1
    # in workers, each document is read in one process; alone, a long one may use every core
    jobs = [(path, known.get(document_id(path_text(path))), 1 if workers > 1 else None) for path in files]
    if workers > 1:
        pool = worker_pool(workers)
        # room for a whole group besides the documents being extracted: workers never wait for the writer
        read = map(_decoded, in_order(pool, _read_and_extract_json, jobs, per_transaction + 4 * workers))
    else:
        pool = None
        read = map(_read_and_extract, jobs)
    try:
        for group in batched(zip(jobs, read, strict=True), per_transaction):
            writer.read_ahead([outcome for _, outcome in group])
            for (path, _sha, _workers), outcome in group:
                writer.write(path, outcome)
                if on_file:
                    on_file(path)
            writer.finish()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return summary


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items in order (the last may be shorter)."""
    group: list[T] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def _read_and_extract(job: tuple[Path, str | None, int | None]) -> tuple[str, object, dict[str, float]]:
    """Read and extract one file: ("unchanged", None), ("extracted", (src, extraction, None)) or
    ("failed", reason), with the seconds each phase took; nothing raised, so one bad file never
    stops the batch."""
    path, known_sha, workers = job
    times: dict[str, float] = {}
    start = time.perf_counter()
    try:
        src = read_document(path)
        times["read"] = time.perf_counter() - start
        if known_sha == src.sha256:
            return "unchanged", None, times
        extraction = extract_source(src, workers)
        times["extract"] = time.perf_counter() - start - times["read"]
        return "extracted", (src, extraction, None), times
    except AppError as e:
        return "failed", getattr(e, "reason", None) or str(e), times
    except Exception as e:  # noqa: BLE001 - one broken document must not stop the batch
        return "failed", f"internal error ({type(e).__name__}: {e})", times


def _read_and_extract_json(job: tuple[Path, str | None, int | None]) -> tuple[str, object, dict[str, float]]:
    """_read_and_extract in a worker process, the extraction sent as JSON: it is written and read
    back in about a tenth of the time a pickled pydantic model takes (the writer's process is the
    one that limits an ingest on few cores)."""
    status, value, times = _read_and_extract(job)
    if status == "extracted":
        src, extraction, _ = value  # type: ignore[misc]
        value = (src, extraction.model_dump_json(), None)
    return status, value, times


def _decoded(outcome: tuple[str, object, dict[str, float]]) -> tuple[str, object, dict[str, float]]:
    """A worker's outcome with its extraction read back from JSON; the parsed JSON is kept too, as
    the extraction the store records (it equals the model's dump)."""
    status, value, times = outcome
    if status != "extracted":
        return outcome
    start = time.perf_counter()
    src, extraction_json, _ = value  # type: ignore[misc]
    dumped = json.loads(extraction_json)
    extraction = Extraction.model_validate_json(extraction_json)
    return status, (src, extraction, dumped), {**times, "decode": time.perf_counter() - start}


@dataclass
class _Writer:
    """Resolves and writes extracted documents, one transaction each, in file order; a failing
    document is counted and the batch goes on."""

    store: GraphStore
    resolver: PersonResolver
    erased: Erased
    contents: dict[str, str]  # sha256 of the file's bytes -> the document stored from it
    summary: IngestSummary
    corrections: CorrectionIndex  # people's corrections, applied to each document they anchor to
    entities: EntityMap = field(default_factory=EntityMap, kw_only=True)  # renamed, re-kinded, merged entities

    def write(self, path: Path, outcome: tuple[str, object, dict[str, float]]) -> None:
        status, value, times = outcome
        for phase, seconds in times.items():
            self.summary.add_time(phase, seconds)
        if status == "failed":
            self.summary.failed.append((path_text(path), str(value)))
            return
        doc_id = document_id(path_text(path))
        if status == "unchanged":
            self.summary.unchanged += 1
            return
        stored_as = self.contents.get(value[0].sha256, doc_id)  # type: ignore[index]
        if stored_as != doc_id:  # the same minutes under another path or name: one document, one meeting
            self._copy(stored_as, path)
            return
        src, extraction, dumped = value  # type: ignore[misc]
        if self._store(path, extraction, src.text, dumped):
            self.contents.setdefault(src.sha256, doc_id)

    def read_ahead(self, outcomes: list[tuple[str, object, dict[str, float]]]) -> None:
        """What the next documents will ask the store (nothing here: each asks when it is resolved)."""

    def finish(self) -> None:
        """Write whatever is still waiting (nothing waits here: each document is written at once)."""

    def _copy(self, doc_id: str, path: Path) -> None:
        try:
            self.store.add_copy(doc_id, path_text(path))
        except AppError as e:
            self.summary.failed.append((path_text(path), f"a copy of a stored document, not recorded: {e}"))
            return
        self.summary.unchanged += 1

    def _store(self, path: Path, extraction: Extraction, text: str, dumped: dict[str, Any] | None = None) -> bool:
        summary = self.summary
        try:
            batch = self._resolved(extraction, text, dumped)
            start = time.perf_counter()
            result = self.store.write_document(batch)
            summary.add_time("write", time.perf_counter() - start)
            self._written(batch)
        except Exception as e:  # noqa: BLE001 - one broken document must not stop the batch
            self._failed(path, e)
            return False
        summary.nodes_added += result.nodes_added
        summary.rels_added += result.rels_added
        if result.status == "replaced":
            summary.replaced += 1
        elif result.status == "ingested":
            summary.ingested += 1
        else:
            summary.unchanged += 1
        return True

    def _resolved(self, extraction: Extraction, text: str, dumped: dict[str, Any] | None = None) -> GraphBatch:
        start = time.perf_counter()
        batch = prepared_batch(
            extraction, text, self.resolver, self.erased, self.corrections, dumped=dumped, entities=self.entities
        )
        self.summary.add_time("resolve", time.perf_counter() - start)
        return batch

    def _written(self, batch: GraphBatch) -> None:
        """A document is in the store (nothing more to do when each is written at once)."""

    def _failed(self, path: Path, e: Exception) -> None:
        """A document that could not be resolved or written, and why."""
        if isinstance(e, AppError):
            reason = getattr(e, "reason", None) or str(e)
        else:
            reason = f"internal error ({type(e).__name__}: {e})"
        self.summary.failed.append((path_text(path), reason))


@dataclass
class _BatchWriter(_Writer):
    """Resolves each new document against the store and the documents still waiting, and writes
    them `size` at a time in one transaction; a failed transaction's documents go again one by one.
    A document already stored (changed) waits for those before it and is replaced alone."""

    view: PeopleView  # what the resolver reads: the store and the documents still waiting
    size: int = DOCUMENTS_PER_TRANSACTION
    stored_ids: set[str] = field(default_factory=set)
    waiting: list[tuple[Path, Extraction, str, GraphBatch]] = field(default_factory=list)

    def write(self, path: Path, outcome: tuple[str, object, dict[str, float]]) -> None:
        status, value, _ = outcome
        if status == "extracted":
            stored_as = self.contents.get(value[0].sha256)  # type: ignore[index]
            if stored_as is not None and any(b.document.id == stored_as for *_, b in self.waiting):
                self.finish()  # a copy of a waiting document: record the copy once the document is stored
        super().write(path, outcome)

    def _store(self, path: Path, extraction: Extraction, text: str, dumped: dict[str, Any] | None = None) -> bool:
        if document_id(path_text(path)) in self.stored_ids:
            self.finish()  # a changed document: after those before it, on its own
            return _Writer._store(self, path, extraction, text, dumped)
        try:
            batch = self._resolved(extraction, text, dumped)
        except Exception as e:  # noqa: BLE001 - one broken document must not stop the batch
            self._failed(path, e)
            return False
        if not self.waiting:
            self.view.pending.mark()  # what the waiting documents add can be taken back
        self.view.pending.add(batch)
        self.waiting.append((path, extraction, text, batch))
        if len(self.waiting) >= self.size:
            self.finish()
        return True

    def read_ahead(self, outcomes: list[tuple[str, object, dict[str, float]]]) -> None:
        """One question to the store about the people of the documents of a group, not two for each."""
        start = time.perf_counter()
        rkeys: set[str] = set()
        blocks: set[str] = set()
        for status, value, _ in outcomes:
            if status == "extracted":
                keys, blocked = person_keys(value[1])  # type: ignore[index]
                rkeys |= keys
                blocks |= blocked
        self.view.read_ahead(rkeys, blocks)
        self.summary.add_time("resolve", time.perf_counter() - start)

    def finish(self) -> None:
        if not self.waiting:
            return
        waiting, self.waiting = self.waiting, []
        try:
            start = time.perf_counter()
            result = self.store.write_new_documents([b for *_, b in waiting])
            self.summary.add_time("write", time.perf_counter() - start)
        except AppError:
            # resolve and write them again one by one, against what is really stored
            self.view.pending.rollback()
            for path, extraction, text, batch in waiting:
                if not _Writer._store(self, path, extraction, text):
                    self._forget(batch)
            return
        self.view.pending.settle()
        self.view.forget()
        self.summary.ingested += len(waiting)
        self.summary.nodes_added += result.nodes_added
        self.summary.rels_added += result.rels_added

    def _written(self, batch: GraphBatch) -> None:
        self.view.pending.add(batch)
        self.view.forget()

    def _forget(self, batch: GraphBatch) -> None:
        """A document that could not be written is no copy's original."""
        if self.contents.get(batch.document.sha256) == batch.document.id:
            del self.contents[batch.document.sha256]


def prepared_batch(
    extraction: Extraction,
    text: str,
    resolver: PersonResolver,
    erased: Erased,
    corrections: CorrectionIndex,
    dumped: dict[str, Any] | None = None,
    entities: EntityMap | None = None,
) -> GraphBatch:
    """A document's graph batch as people corrected it, without anyone erased (corrections first,
    so an attendee a person added is scrubbed too if they were erased since), with its bodies,
    organisations and projects as people renamed, re-kinded and merged them. `dumped` is the
    extraction as JSON when a worker sent it so, kept as stored if nothing changed it."""
    doc_id = document_id(extraction.source.path)
    own = corrections.for_document(doc_id, extraction.source.sha256)
    if not own:
        scrubbed, text = erased.scrub(extraction, text)  # an erased person stays erased
        return build_batch(scrubbed, text, resolver, dumped if scrubbed is extraction else None, entities)
    fixed, text = erased.scrub(corrected(extraction, text, doc_id, own).extraction, text)
    batch = build_batch(fixed, text, resolver, entities=entities)
    # the store keeps what the extractor read: corrections are applied anew on every rebuild
    batch.extraction = erased.scrub(extraction, text)[0].model_dump(mode="json")
    return batch


def correction_index(store: GraphStore) -> CorrectionIndex:
    """The stored corrections by document; asks the store only about the documents they name (a
    correction should not cost reading every document of a large store)."""
    every = store.corrections()
    return CorrectionIndex.of(every, store.stored_documents({c.doc_id for c in every}))


def reapply(store: GraphStore, doc_ids: Iterable[str]) -> int:
    """Rebuild documents from their stored text and extraction, e.g. after a merge judgement or a
    correction."""
    resolver = PersonResolver(store)
    erased = Erased.of(store)
    corrections = correction_index(store)
    entities = EntityMap.of(store.entity_judgements())
    count = 0
    for doc_id in sorted(set(doc_ids)):
        stored = store.document(doc_id)
        if stored is None:
            continue
        extraction = Extraction.model_validate(stored.extraction)
        batch = prepared_batch(extraction, stored.text, resolver, erased, corrections, entities=entities)
        store.write_document(batch, replace=True)
        count += 1
    return count


def judge(store: GraphStore, candidate_id: str, decision: str, reason: str, decided_at: str, *, decided_by: str) -> int:
    """Record a writer's decision on a merge candidate and rebuild the documents it touches."""
    cand = next((c for c in store.candidates() if c.id == candidate_id), None)
    if cand is None:
        from samkarta.errors import NotFound

        raise NotFound(f"no merge candidate {candidate_id!r}")
    store.save_judgement(
        Judgement(
            key_a=cand.key_a,
            key_b=cand.key_b,
            decision=decision,  # type: ignore[arg-type]
            reason=reason,
            decided_at=decided_at,
            decided_by=decided_by,
        )
    )
    docs = set(store.node_documents(cand.node_a)) | set(store.node_documents(cand.node_b))
    return reapply(store, docs)


def erase_person(store: GraphStore, person_id: str) -> list[str]:
    """A data-protection request: remove the person, their aliases and every quote naming them.

    The full name and aliases are redacted everywhere, in every form graph/redaction.py finds (the
    genitive too); the first name alone only in the documents the person appears in (it may belong
    to someone else elsewhere). A person record that is the name in the genitive goes with them.
    """
    from samkarta.errors import NotFound

    node = store.get_node(person_id)
    if node is None or node.label != "Person":
        raise NotFound(f"no person with id {person_id!r}")
    names = {node.name, *(a.alias for a in store.aliases(person_id))}
    # a person an older extraction made of the name in the genitive ("Anna Bergs") is the same person
    twins = sorted(
        {i for i, label, n in store.names() if label == "Person" and i != person_id and genitive_of(n, names)}
    )
    docs = set(store.node_documents(person_id))
    for twin in twins:
        twin_node = store.get_node(twin)
        names |= {twin_node.name} if twin_node is not None else set()
        names |= {a.alias for a in store.aliases(twin)}
        docs |= set(store.node_documents(twin))
    first_names = {n.split()[0] for n in names if len(n.split()) > 1}
    key = store.tombstone_key()
    for name in names:  # a keyed hash keeps them out of later ingests; the name itself is not kept
        if len(name.split()) > 1:
            store.set_tombstone(digest(key, name), True)
    redactions = {"*": sorted(names), **{d: sorted(first_names) for d in docs}}
    changed = {d for twin in twins for d in store.erase_node(twin, redactions)}
    return sorted(changed | set(store.erase_node(person_id, redactions)))
