"""The entity page's curation form: rename a body, organisation or project, change a project into an
organisation (or back), merge another into it, split off its mentions in chosen documents (a
person's too), or undo one of these, with a writer's token in the form (as on the document page).
The page comes back with what was saved; a re-kind leads to the node's new page, a merge and a split
stay on the node the page was of."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from samkarta import entities as ent
from samkarta.api.deps import FormRefused, SettingsDep, StoreDep, ViewDep, audit, form_writer
from samkarta.api.routes.common import NodeId
from samkarta.api.routes.entities import logged_name
from samkarta.api.swedish import count
from samkarta.corrections import MAX_REASON
from samkarta.errors import AppError, InvalidInput, NotFound

router = APIRouter(include_in_schema=False)
FIELD_NAMES = {
    "name": "namn",
    "label": "typ",
    "merged": "det som slås ihop",
    "reason": "motivering",
    "documents": "protokollen",
}
KIND_NAMES = {"Organization": "en organisation", "Project": "ett projekt"}


@router.post("/entity/{node_id}/curation")
def curate_from_page(
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    node_id: NodeId,
    token: Annotated[str, Form(max_length=200)],
    action: Annotated[str, Form(pattern=r"^(rename|rekind|merge|split|undo:entityjudgement-[0-9a-f]{16})$")],
    name: Annotated[str, Form(max_length=ent.MAX_NAME)] = "",
    label: Annotated[str, Form(pattern=r"^(Organization|Project)?$")] = "",
    merged: Annotated[str, Form(max_length=ent.MAX_NAME)] = "",
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
    documents: Annotated[list[str] | None, Form(max_length=ent.MAX_SPLIT_DOCUMENTS)] = None,
) -> RedirectResponse:
    """A rename, re-kind, merge, split or undo from the entity's page; the page again, with what happened."""
    try:
        writer = form_writer(settings, token, "ändringen")
    except FormRefused as e:
        return _back(node_id, e.message)
    try:
        if action.startswith("undo:"):
            j = ent.undo(store, action.removeprefix("undo:"), reason=reason, by=writer)
            text = "Sparat: ändringen är ångrad."
        elif action == "rename":
            j = ent.rename(store, node_id, name, reason=reason, by=writer)
            text = f"Sparat: heter nu {j.value}. Det gamla namnet {j.name} finns kvar som annat namn."
        elif action == "split":
            j = ent.split(store, node_id, documents or [], name=name, reason=reason, by=writer)
            moved = count(len(j.documents), "protokoll", "protokoll")
            text = f"Sparat: det som står i {moved} hör nu till en ny nod, {_name_of(store, j.value)}."
        elif action == "rekind":
            j = ent.rekind(store, node_id, label, reason=reason, by=writer)
            text = f"Sparat: är nu {KIND_NAMES.get(label, label)}, med sina kopplingar."
        else:
            other = ent.find_entity(store, merged.strip(), "merged")
            j = ent.merge(store, node_id, other.id, reason=reason, by=writer)
            text = f"Sparat: {other.name} är ihopslagen hit och finns kvar som annat namn."
    except InvalidInput as e:
        return _back(
            node_id, f"Ändringen sparades inte: fel värde i {FIELD_NAMES.get(e.source, e.source)} ({e.reason})."
        )
    except NotFound as e:
        return _back(node_id, f"Ändringen sparades inte: hittar inte {e}.")
    except AppError as e:
        return _back(node_id, f"Ändringen sparades inte: {e}")
    audit.info("%s judged %s %s (%s -> %s) from the entity page", writer, j.op, j.node, logged_name(j), j.value)
    view.refresh()
    return _back(ent.where_now(store, node_id) or node_id, text)


def _name_of(store: StoreDep, node_id: str) -> str:
    node = store.get_node(node_id)
    return node.name if node is not None else node_id


def _back(node_id: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"/entity/{node_id}?{urlencode({'message': message})}#kurering", status_code=303)
