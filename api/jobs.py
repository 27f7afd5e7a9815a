"""Upload ingestion as jobs: one worker thread ingests uploads in the order they came, off the event
loop, so reads go on answering; each job's state can be asked for while it runs and after."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Literal

from pydantic import BaseModel

JobStatus = Literal["queued", "running", "done", "failed"]
_KEPT = 500  # finished jobs remembered; older ones are forgotten first


class Job(BaseModel):
    id: str
    file: str
    status: JobStatus
    submitted_at: str
    finished_at: str | None = None
    result: dict[str, Any] | None = None  # the ingest summary once done
    error: str | None = None  # why it failed, in plain words


class JobQueue:
    """Jobs run one at a time (uploads write to one store) on a worker thread."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="samkarta-upload")
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()

    def submit(self, file: str, work: Callable[[], dict[str, Any]]) -> tuple[Job, Future[dict[str, Any]]]:
        """Queue `work`; its result (or the AppError it raises) becomes the job's outcome."""
        job = Job(id=secrets.token_hex(8), file=file, status="queued", submitted_at=_now())
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > _KEPT:
                self._jobs.popitem(last=False)
        return job, self._pool.submit(self._run, job.id, work)

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return job.model_copy() if job is not None else None

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job_id: str, work: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        self._update(job_id, status="running")
        try:
            result = work()
        except Exception as e:
            self._update(job_id, status="failed", error=str(e), finished_at=_now())
            raise
        self._update(job_id, status="done", result=result, finished_at=_now())
        return result

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                self._jobs[job_id] = job.model_copy(update=changes)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
