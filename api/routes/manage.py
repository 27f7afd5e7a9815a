"""Documents and merge decisions: reads are open, writes need a writer's bearer token."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, UploadFile
from fastapi import Path as FastApiPath
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from samkarta.api.deps import JobsDep, SettingsDep, StoreDep, ViewDep, WriterDep, audit
from samkarta.api.jobs import Job
from samkarta.api.routes.common import WRITE_ERRORS, DocumentSummary, NodeId
from samkarta.errors import InvalidInput, NotFound
from samkarta.graph.batch import document_id
from samkarta.graph.model import MergeCandidate
from samkarta.graph.redaction import REDACTED
from samkarta.graph.store import GraphStore
from samkarta.ingest import erase_person, ingest_files, judge
from samkarta.loaders.readers import path_text
from samkarta.queries.view import GraphView

router = APIRouter(prefix="/api", tags=["manage"], responses=WRITE_ERRORS)
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around an uploaded file
_MAX_NAME = 200


class DocumentsPublic(BaseModel):
    data: list[DocumentSummary]
    count: int


class DocumentPublic(BaseModel):
    info: DocumentSummary
    text: str


class IngestPublic(BaseModel):
    ingested: int
    replaced: int
    unchanged: int
    failed: list[dict[str, str]]
    nodes_added: int
    relationships_added: int


class Done(BaseModel):
    ok: bool = True
    detail: str
    documents: list[str] = []


@router.get("/documents", response_model=DocumentsPublic)
def documents(store: StoreDep) -> DocumentsPublic:
    """Every ingested document."""
    docs = [DocumentSummary.of(d) for d in store.documents()]
    return DocumentsPublic(data=docs, count=len(docs))


@router.get("/documents/{node_id}", response_model=DocumentPublic)
def document(store: StoreDep, node_id: NodeId) -> DocumentPublic:
    """A document's text (the offsets of every quote point into it)."""
    stored = store.document(node_id)
    if stored is None:
        raise NotFound(f"no document with id {node_id!r}")
    return DocumentPublic(info=DocumentSummary.of(stored.info), text=stored.text)


@router.post(
    "/documents",
    response_model=IngestPublic,
    responses={
        202: {"model": Job, "description": "With wait=false: the upload is queued; ask /api/jobs/{job_id}"},
        413: {"description": "The upload is larger than SAMKARTA_MAX_UPLOAD_MB"},
    },
)
async def upload(
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    jobs: JobsDep,
    writer: WriterDep,
    file: UploadFile,
    wait: Annotated[bool, Query(description="Answer when ingested (default), or at once with the job")] = True,
) -> IngestPublic | JSONResponse:
    """Upload minutes (.txt, .md, .docx, .pdf) and ingest them. Ingestion runs as a job on a worker
    thread, so the API goes on answering reads meanwhile; a file that cannot be read is not kept."""
    name = upload_name(file.filename)
    limit = settings.max_upload_mb * 1024 * 1024
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise InvalidInput(name, f"larger than the {settings.max_upload_mb} MiB upload limit")
    # one folder per content: two different files of one name are two documents
    folder = settings.data_dir / "uploads" / hashlib.sha256(data).hexdigest()[:16]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    audit.info("%s uploaded %s (%d bytes)", writer, name, len(data))
    job, done = jobs.submit(name, lambda: _ingest_upload(store, view, path, name))
    if not wait:
        body = job.model_dump()
        return JSONResponse(body, status_code=202, headers={"Location": f"/api/jobs/{job.id}"})
    return IngestPublic(**await asyncio.wrap_future(done))


def _ingest_upload(store: GraphStore, view: GraphView, path: Path, name: str) -> dict[str, Any]:
    """Ingest one uploaded file (on the jobs' worker thread); InvalidInput if it cannot be read."""
    summary = ingest_files(store, [path])
    if summary.failed:
        _discard(path)
        raise InvalidInput(name, summary.failed[0][1].replace(str(path.parent), "uploads"))  # no server path
    stored = store.document(document_id(path_text(path)))
    if stored is None or REDACTED in stored.text:
        _discard(path)  # a copy of minutes already stored, or naming someone erased: the store's text is kept
    view.refresh()
    return summary.as_dict()


@router.get("/jobs/{job_id}", response_model=Job)
def job_status(jobs: JobsDep, job_id: Annotated[str, FastApiPath(pattern=r"^[0-9a-f]{16}$")]) -> Job:
    """An upload's job: queued, running, done (with the ingest summary) or failed (with the reason)."""
    job = jobs.get(job_id)
    if job is None:
        raise NotFound(f"no upload job {job_id!r} (jobs are kept while the server runs)")
    return job


def _discard(path: Path) -> None:
    """An uploaded file not kept, with its folder when nothing else is in it."""
    path.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        path.parent.rmdir()


def upload_name(filename: str | None) -> str:
    """A safe file name for an upload, or InvalidInput: no path, no control characters, not too long."""
    raw = (filename or "upload.txt").replace("\\", "/").rsplit("/", 1)[-1]
    if len(raw) > _MAX_NAME:
        raise InvalidInput("file name", f"longer than {_MAX_NAME} characters")
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise InvalidInput("file name", "contains control characters (a line break, a tab)")
    return re.sub(r"[^\w.\-]+", "_", raw).strip("._") or "upload.txt"


@router.delete("/documents/{node_id}", response_model=Done)
def delete_document(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId) -> Done:
    """Remove a document and every fact only it supported."""
    if not store.delete_document(node_id):
        raise NotFound(f"no document with id {node_id!r}")
    audit.info("%s removed %s", writer, node_id)
    view.refresh()
    return Done(detail=f"removed {node_id}")


@router.delete("/people/{node_id}", response_model=Done)
def erase(store: StoreDep, view: ViewDep, settings: SettingsDep, writer: WriterDep, node_id: NodeId) -> Done:
    """Erase a person and every trace of them (data-protection request)."""
    changed = erase_person(store, node_id)
    audit.info("%s erased %s", writer, node_id)  # the id only: the name must not outlive the erasure
    uploads = (settings.data_dir / "uploads").resolve()
    for doc_id in changed:  # an uploaded original still names them: the store keeps the redacted text
        stored = store.document(doc_id)
        path = Path(stored.info.path).resolve() if stored is not None else None
        if path is not None and uploads in path.parents:
            path.unlink(missing_ok=True)
    view.refresh()  # no page may show the person again, not even from a cached projection
    return Done(detail=f"erased {node_id}", documents=changed)


@router.get("/merges", response_model=list[MergeCandidate])
def merges(
    store: StoreDep, status: Annotated[Literal["pending", "merged", "accepted", "rejected", "all"], Query()] = "pending"
) -> list[MergeCandidate]:
    """Merge candidates with score and reasons."""
    return store.candidates(None if status == "all" else status)


@router.post("/merges/{candidate_id}/{decision}", response_model=Done)
def decide(
    store: StoreDep,
    view: ViewDep,
    writer: WriterDep,
    candidate_id: NodeId,
    decision: Literal["accept", "reject"],
    reason: Annotated[str, Query(max_length=500)] = "",
) -> Done:
    """Accept or reject a merge candidate; the decision is stored and survives rebuilds."""
    verdict = "accepted" if decision == "accept" else "rejected"
    decided_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rebuilt = judge(store, candidate_id, verdict, reason, decided_at, decided_by=writer)
    audit.info("%s %s merge candidate %s", writer, verdict, candidate_id)
    view.refresh()
    return Done(detail=f"{verdict} {candidate_id}; {rebuilt} documents rebuilt")
