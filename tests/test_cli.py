"""The command line, end to end on the embedded store."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from samkarta.cli import app
from samkarta.samples import sample_dir, sample_files

runner = CliRunner()


def test_extract_prints_gold_shaped_json() -> None:
    result = runner.invoke(app, ["extract", str(sample_files()[0]), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["meeting"]["date"] == "2019-05-02" and out["meeting"]["region"] == "Dalarna"
    assert out["people"][0]["evidence"][0]["quote"]


def test_extract_bad_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "minutes.pdf"
    bad.write_bytes(b"plain text pretending")
    result = runner.invoke(app, ["extract", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}: is not a valid PDF" in result.stderr and "Traceback" not in result.output


def test_ingest_stats_query_remove_and_merges(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'graph.db'}"
    broken = tmp_path / "extra" / "broken.docx"
    broken.parent.mkdir()
    broken.write_bytes(b"not a zip")
    first = runner.invoke(app, ["ingest", str(sample_dir()), str(broken), "--store", store, "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["ingested"] == 11 and summary["failed"][0]["file"] == str(broken)
    again = json.loads(runner.invoke(app, ["ingest", str(sample_dir()), "--store", store, "--json"]).stdout)
    assert again["unchanged"] == 11 and again["ingested"] == 0
    stats = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).stdout)
    assert stats["documents"] == 11 and stats["nodes"]["Meeting"] == 11
    owners = json.loads(runner.invoke(app, ["query", "owners", "BBIC", "--store", store, "--json"]).stdout)
    assert any(e["kind"] == "handoff_received" for o in owners["data"] for e in o["evidence"])
    collab = json.loads(
        runner.invoke(app, ["query", "collaborators", "Anna Ståhlkloo", "--store", store, "--json"]).stdout
    )
    assert collab["name"] == "Anna Ståhlkloo" and collab["count"] > 10
    merged = json.loads(runner.invoke(app, ["merges", "--status", "merged", "--store", store, "--json"]).stdout)
    assert len(merged) == 1
    rejected = runner.invoke(app, ["merges", "reject", merged[0]["id"], "--reason", "två personer", "--store", store])
    assert rejected.exit_code == 0 and "rejected" in rejected.stdout
    removed = runner.invoke(app, ["remove", str(sample_files()[0]), "--store", store])
    assert removed.exit_code == 0
    stats = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).stdout)
    assert stats["documents"] == 10
    out = tmp_path / "graph.gexf"
    assert runner.invoke(app, ["export", str(out), "--store", store]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<gexf")


def test_erase_takes_a_name_and_leaves_no_trace(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'graph.db'}"
    assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    result = runner.invoke(app, ["erase", "Lena Berggren", "--store", store])
    assert result.exit_code == 0 and "documents redacted" in result.stdout, result.output
    again = runner.invoke(app, ["erase", "Lena Berggren", "--store", store])
    assert again.exit_code == 1 and "0 people named" in again.stderr
    assert b"Lena Berggren" not in (tmp_path / "graph.db").read_bytes()
    minutes = tmp_path / "again.txt"  # the same person in new minutes: kept out by the tombstone
    minutes.write_text("Protokoll 2024-03-05\nNärvarande: Lena Berggren, Mora; Per Ek, Falun\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(minutes), "--store", store]).exit_code == 0
    assert b"Lena Berggren" not in (tmp_path / "graph.db").read_bytes()
    assert runner.invoke(app, ["erase", "Lena Berggren", "--lift", "--store", store]).exit_code == 0
    minutes.write_text(minutes.read_text(encoding="utf-8") + "Nästa möte 2024-04-05\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(minutes), "--store", store]).exit_code == 0
    found = runner.invoke(app, ["query", "collaborators", "Lena Berggren", "--store", store])
    assert found.exit_code == 0, found.output


def test_erase_takes_the_name_in_the_genitive_too(tmp_path: Path) -> None:
    from tests.contract.minutes import GENITIVE_MINUTES

    store = f"sqlite:///{tmp_path / 'graph.db'}"
    minutes = tmp_path / "genitive.txt"
    minutes.write_text(GENITIVE_MINUTES, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(minutes), "--store", store]).exit_code == 0
    assert runner.invoke(app, ["erase", "Vibeke Ylvanders", "--store", store]).exit_code == 1  # no such person
    result = runner.invoke(app, ["erase", "Vibeke Ylvander", "--store", store])
    assert result.exit_code == 0 and "1 documents redacted" in result.stdout, result.output
    for path in tmp_path.glob("graph.db*"):
        raw = path.read_bytes().lower()
        assert b"ylvander" not in raw and "ylvander".encode("utf-16-le") not in raw, path.name


def test_ingest_profile_says_where_the_time_went(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(sample_dir()), "--store", f"sqlite:///{tmp_path / 'g.db'}", "--profile"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stderr.splitlines() if line.startswith("  ")}
    assert {"read", "extract", "resolve", "write"} <= set(lines)
    assert float(lines["extract"].split()[1]) > 0


def test_a_body_asked_for_by_name_is_the_one_that_met_not_an_empty_namesake(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    found = runner.invoke(app, ["query", "network", "Socialchefsnätverket", "--store", store])
    assert found.exit_code == 0 and found.stdout.startswith("Socialchefs nätverket (Dalarna): 1 meetings"), found.output
    hits = json.loads(runner.invoke(app, ["query", "search", "IFO-chefsnätverket", "--store", store, "--json"]).stdout)
    assert all("region" in h for h in hits["data"])


def test_query_network_json_answers_with_the_dalarna_network_and_its_meetings(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    found = runner.invoke(app, ["query", "network", "Socialchefsnätverket", "--store", store, "--json"])
    assert found.exit_code == 0, found.output
    body = json.loads(found.stdout)
    assert (body["name"], body["region"]) == ("Socialchefs nätverket", "Dalarna")
    assert [m["date"] for m in body["meetings"]] == ["2021-04-16"] and body["meetings"][0]["doc_id"]
    assert len(body["members"]) == 20 and body["decisions"]
    assert body["namesakes"] == []  # one body under that name in the samples
    same = runner.invoke(app, ["query", "network", "SOCIALCHEFS-nätverket (SCHNV)", "--store", store, "--json"])
    assert json.loads(same.stdout)["id"] == body["id"]  # an alias, in another case and with a hyphen


def test_query_network_names_the_namesakes_with_their_regions(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    # minutes of a Västmanland group that only mention Socialchefsnätverket: an empty namesake there
    extra = tmp_path / "lansgrupp-2023-03-09.txt"
    extra.write_text(
        "Minnesanteckningar\n\nLänsgrupp för familjehemsfrågor 2023-03-09\n\n"
        "Närvarande: Torbjörn Wahlgren ordf. Sala, Agneta Lövgren Region Västmanland, Fredrik Ödman Köping\n\n"
        "1. Rekrytering av familjehem\n\nTorbjörn ska ta med sig frågan om gemensam annonsering till "
        "Socialchefsnätverket.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(sample_dir()), str(extra), "--store", store]).exit_code == 0
    asked = runner.invoke(app, ["query", "network", "Socialchefsnätverket", "--store", store, "--json"])
    body = json.loads(asked.stdout)
    assert (body["name"], body["region"], len(body["meetings"])) == ("Socialchefs nätverket", "Dalarna", 1)
    namesakes = [(b["name"], b["region"], b["meetings"], b["members"]) for b in body["namesakes"]]
    assert namesakes == [("Socialchefs nätverket", "Dalarna", 1, 20), ("Socialchefsnätverket", "Västmanland", 0, 0)]
    text = runner.invoke(app, ["query", "network", "Socialchefsnätverket", "--store", store]).stdout
    assert text.startswith("Socialchefs nätverket (Dalarna): 1 meetings") and "2 bodies have this name" in text
    assert "Socialchefsnätverket (Västmanland): 0 meetings, 0 members" in text


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in (
        "extract",
        "ingest",
        "remove",
        "erase",
        "stats",
        "migrate",
        "merges",
        "correct",
        "curation",
        "review",
        "writers",
        "query",
        "export",
        "serve",
        "demo",
    ):
        assert f"samkarta {command}" in readme, command


def test_odd_file_names_are_ingested_or_shown_escaped_and_parser_noise_stays_off_stderr(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("SAMKARTA_DATA_DIR", str(tmp_path / "data"))
    from samkarta.settings import get_settings

    get_settings.cache_clear()
    folder = tmp_path / "in"
    folder.mkdir()
    odd = Path(os.fsdecode(bytes(folder) + b"/protokoll-\xe5r.txt"))  # a Latin-1 name, not UTF-8
    odd.write_bytes("Protokoll 2024-03-05\nNärvarande: Anna Berg, Mora\n".encode())
    forged = folder / "a\nfailed: forged.pdf"
    forged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n")
    result = runner.invoke(app, ["ingest", str(folder), "--store", f"sqlite:///{tmp_path / 'g.db'}"])
    get_settings.cache_clear()
    assert "1 ingested" in result.stdout, result.output
    failures = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(failures) == 1 and "a\\nfailed: forged.pdf" in failures[0]
    assert "Traceback" not in result.output


def test_the_same_minutes_under_two_names_are_one_document(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    folder = tmp_path / "in"
    folder.mkdir()
    minutes = "Protokoll 2024-03-05\nStyrgruppen för trygghet\nNärvarande: Anna Berg, Mora; Per Ek, Falun\n"
    for name in ("a.txt", "kopia av a.txt"):
        (folder / name).write_text(minutes, encoding="utf-8")
    first = runner.invoke(app, ["ingest", str(folder), "--store", store, "--json"])
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert (summary["ingested"], summary["unchanged"]) == (1, 1)
    again = runner.invoke(app, ["ingest", str(folder / "kopia av a.txt"), "--store", store, "--json"])
    assert json.loads(again.stdout)["unchanged"] == 1
    stats = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).stdout)
    assert stats["documents"] == 1 and stats["nodes"]["Meeting"] == 1


def test_migrate_leaves_an_embedded_store_as_it_is(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'graph.db'}"
    result = runner.invoke(app, ["migrate", "--store", store])
    assert result.exit_code == 0 and "nothing to migrate" in result.stdout
    bad = runner.invoke(app, ["migrate", "--store", "ftp://example"])
    assert bad.exit_code == 2 and "unsupported store URI" in bad.stderr


def test_curation_moves_judgements_to_another_store_and_a_second_import_changes_nothing(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LOGNAME", "anna")  # who decides on the command line, unless --by says otherwise
    first, second = (f"sqlite:///{tmp_path / name}" for name in ("first.db", "second.db"))
    for store in (first, second):
        assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    merged = json.loads(runner.invoke(app, ["merges", "--status", "merged", "--store", first, "--json"]).stdout)
    assert runner.invoke(app, ["merges", "reject", merged[0]["id"], "--store", first]).exit_code == 0
    lines = tmp_path / "judgements.jsonl"
    exported = runner.invoke(app, ["curation", "export", str(lines), "--store", first])
    assert exported.exit_code == 0 and "1 judgements written" in exported.stdout
    line = json.loads(lines.read_text(encoding="utf-8"))
    assert (line["decision"], line["decided_by"]) == ("rejected", "anna")
    imported = runner.invoke(app, ["curation", "import", str(lines), "--store", second])
    assert imported.exit_code == 0 and imported.stdout.startswith("1 judgements applied, 0 unchanged"), imported.output
    stats = [json.loads(runner.invoke(app, ["stats", "--store", s, "--json"]).stdout) for s in (first, second)]
    assert stats[0] == stats[1]  # the same minutes and the same judgement: the same graph
    copied = tmp_path / "copied.jsonl"
    assert runner.invoke(app, ["curation", "export", str(copied), "--store", second]).exit_code == 0
    assert copied.read_text(encoding="utf-8") == lines.read_text(encoding="utf-8")  # who decided came along
    again = runner.invoke(app, ["curation", "import", str(lines), "--store", second])
    assert again.stdout.startswith("0 judgements applied, 1 unchanged; 0 documents rebuilt")
    rejected = json.loads(runner.invoke(app, ["merges", "--status", "rejected", "--store", second, "--json"]).stdout)
    assert [c["id"] for c in rejected] == [merged[0]["id"]]
    by_ci = runner.invoke(app, ["merges", "reject", merged[0]["id"], "--by", "ci-skript", "--store", first])
    assert by_ci.exit_code == 0
    forged = runner.invoke(app, ["merges", "reject", merged[0]["id"], "--by", "a\nb", "--store", first])
    assert forged.exit_code == 2 and "printable characters" in forged.stderr
    assert runner.invoke(app, ["curation", "export", str(lines), "--store", first]).exit_code == 0
    assert json.loads(lines.read_text(encoding="utf-8"))["decided_by"] == "ci-skript"
    changed = runner.invoke(app, ["curation", "import", str(lines), "--store", second])
    assert changed.stdout.startswith("1 judgements applied, 0 unchanged")  # the same decision by someone else
    unchanged = runner.invoke(app, ["curation", "import", str(lines), "--store", second])
    assert unchanged.stdout.startswith("0 judgements applied, 1 unchanged; 0 documents rebuilt")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(lines.read_text(encoding="utf-8") + '{"kind": "merge", "key_a": "x"}\n', encoding="utf-8")
    refused = runner.invoke(app, ["curation", "import", str(bad), "--store", second])
    assert refused.exit_code == 2 and f"{bad}, line 2" in refused.stderr


def test_writers_are_added_with_a_token_shown_once_listed_without_it_and_removed(tmp_path: Path, monkeypatch) -> None:
    from samkarta.settings import get_settings
    from samkarta.writers import Writers

    monkeypatch.setenv("SAMKARTA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SAMKARTA_API_TOKEN", raising=False)
    get_settings.cache_clear()
    try:
        added = runner.invoke(app, ["writers", "add", "Anna Berg"])
        assert added.exit_code == 0, added.output
        token = added.stdout.strip()  # the token alone on stdout, for TOKEN=$(samkarta writers add NAME)
        assert Writers.in_dir(tmp_path / "data").name_of(token) == "Anna Berg"
        assert "not shown again" in added.stderr
        taken = runner.invoke(app, ["writers", "add", "Anna Berg"])
        assert taken.exit_code == 2 and "exists already" in taken.stderr
        assert runner.invoke(app, ["writers", "add", "x" * 61]).exit_code == 2
        listed = runner.invoke(app, ["writers", "list"])
        assert listed.exit_code == 0 and listed.stdout.rstrip().endswith("  Anna Berg")
        digest = Writers.in_dir(tmp_path / "data").entries()[0].token_sha256
        assert token not in listed.stdout and digest not in listed.stdout
        shown = json.loads(runner.invoke(app, ["writers", "list", "--json"]).stdout)
        assert [set(w) for w in shown] == [{"name", "added"}] and shown[0]["name"] == "Anna Berg"
        assert runner.invoke(app, ["writers", "remove", "Anna Berg"]).exit_code == 0
        unknown = runner.invoke(app, ["writers", "remove", "Anna Berg"])
        assert unknown.exit_code != 0 and "no writer named 'Anna Berg'" in unknown.stderr
        assert "writes through the API are disabled" in runner.invoke(app, ["writers", "list"]).stdout
    finally:
        get_settings.cache_clear()


def test_correct_marks_a_fact_wrong_fixes_a_meeting_and_undoes_with_history_and_curation(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LOGNAME", "anna")  # who corrects on the command line, unless --by says otherwise
    store = f"sqlite:///{tmp_path / 'g.db'}"
    minutes = tmp_path / "styrgrupp.txt"
    minutes.write_text(
        "Protokoll 2024-03-05\nStyrgruppen för trygghet\nNärvarande: Anna Berg, Mora; Per Ek, Falun\n\n"
        "1. Budget\nStyrgruppen beslutade\natt anta budgeten.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(minutes), "--store", store]).exit_code == 0
    facts = json.loads(runner.invoke(app, ["correct", "facts", str(minutes), "--store", store, "--json"]).stdout)
    [decision] = [f["id"] for f in facts["facts"] if f["kind"] == "decision"]
    per = next(f["id"] for f in facts["facts"] if f["kind"] == "attendance" and f["text"] == "Per Ek")
    wrong = runner.invoke(app, ["correct", "wrong", str(minutes), decision, "--reason", "ingen", "--store", store])
    assert wrong.exit_code == 0 and f"decision {decision}: wrong = true (by anna)" in wrong.stdout, wrong.output
    assert runner.invoke(app, ["correct", "wrong", str(minutes), per, "--store", store]).exit_code == 0
    moved = runner.invoke(
        app,
        [
            "correct",
            "meeting",
            str(minutes),
            "--date",
            "2024-03-06",
            "--region",
            "Dalarna",
            "--by",
            "Bo Ek",
            "--store",
            store,
        ],
    )
    assert moved.exit_code == 0 and moved.stdout.count("(by Bo Ek)") == 2, moved.output
    bad = runner.invoke(app, ["correct", "meeting", str(minutes), "--region", "Narnia", "--store", store])
    assert bad.exit_code == 2 and "region: 'Narnia' is not a Swedish county" in bad.stderr
    stats = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).stdout)
    assert "Decision" not in stats["nodes"] and stats["relationships"]["ATTENDED"] == 1
    undo_id = wrong.stdout.split()[0]
    assert runner.invoke(app, ["correct", "undo", undo_id, "--store", store]).exit_code == 0
    again = runner.invoke(app, ["correct", "undo", undo_id, "--store", store])
    assert again.exit_code == 2 and "nothing to undo" in again.stderr
    history = runner.invoke(app, ["correct", "history", decision, "--store", store]).stdout.splitlines()
    assert [line.split("  ", 1)[1] for line in history] == ["anna: wrong = true  (ingen)", "anna: undone"]
    assert runner.invoke(app, ["correct", "orphaned", "--store", store]).stdout.strip() == "no orphaned corrections"
    lines = tmp_path / "curation.jsonl"
    exported = runner.invoke(app, ["curation", "export", str(lines), "--store", store])
    assert exported.exit_code == 0 and "5 judgements written" in exported.stdout
    other = f"sqlite:///{tmp_path / 'other.db'}"
    copy = tmp_path / "kopia"
    copy.mkdir()
    (copy / "styrgrupp.txt").write_text(minutes.read_text(encoding="utf-8"), encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(copy), "--store", other]).exit_code == 0
    imported = runner.invoke(app, ["curation", "import", str(lines), "--store", other])
    assert imported.stdout.startswith("5 judgements applied, 0 unchanged; 1 documents rebuilt"), imported.output
    twice = runner.invoke(app, ["curation", "import", str(lines), "--store", other])
    assert twice.stdout.startswith("0 judgements applied, 5 unchanged; 0 documents rebuilt")
    counts = [json.loads(runner.invoke(app, ["stats", "--store", s, "--json"]).stdout) for s in (store, other)]
    assert counts[0] == counts[1]


def test_entity_renames_rekinds_merges_and_undoes_with_history_and_curation(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("LOGNAME", "anna")
    store = f"sqlite:///{tmp_path / 'g.db'}"
    minutes = tmp_path / "styrgrupp.txt"
    minutes.write_text(
        "Protokoll 2024-03-05\nStyrgruppen för trygghet\nNärvarande: Anna Berg, Mora; Per Ek, Falun\n\n"
        "1. Barnahus\nPer Ek berättar om projektet Barnahus och om Socialstyrelsen.\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["ingest", str(minutes), "--store", store]).exit_code == 0

    def names(label: str) -> set[str]:
        found = json.loads(runner.invoke(app, ["query", "search", "Barnahus", "--store", store, "--json"]).stdout)
        return {h["name"] for h in found["data"] if h["label"] == label}

    assert names("Project") == {"Barnahus"}
    rekind = runner.invoke(
        app, ["entity", "rekind", "Barnahus", "Organization", "--reason", "en verksamhet", "--store", store]
    )
    assert rekind.exit_code == 0 and "rekind Project" in rekind.stdout and "(by anna)" in rekind.stdout, rekind.output
    assert names("Project") == set() and names("Organization") == {"Barnahus"}
    renamed = runner.invoke(
        app, ["entity", "rename", "Barnahus", "Barnahus Dalarna", "--by", "Bo Ek", "--store", store]
    )
    assert renamed.exit_code == 0, renamed.output
    assert names("Organization") == {"Barnahus Dalarna"}  # found by its old name too
    bad = runner.invoke(app, ["entity", "rekind", "Barnahus Dalarna", "Network", "--store", store])
    assert bad.exit_code == 2 and "label: only a project and an organisation" in bad.stderr
    unknown = runner.invoke(app, ["entity", "merge", "Barnahus Dalarna", "Ingen sådan", "--store", store])
    assert unknown.exit_code == 2 and "(merged)" in unknown.stderr
    merged = runner.invoke(app, ["entity", "merge", "Barnahus Dalarna", "Socialstyrelsen", "--store", store])
    assert merged.exit_code == 0, merged.output
    undo_id = merged.stdout.split()[0]
    assert runner.invoke(app, ["entity", "undo", undo_id, "--store", store]).exit_code == 0
    again = runner.invoke(app, ["entity", "undo", undo_id, "--store", store])
    assert again.exit_code == 2 and "already undone" in again.stderr
    history = runner.invoke(app, ["entity", "history", "Barnahus Dalarna", "--store", store]).stdout.splitlines()
    assert [line.split("  ")[2].split(":")[0] for line in history] == ["anna", "Bo Ek", "anna", "anna"]
    orphans = runner.invoke(app, ["entity", "orphaned", "--store", store])
    assert orphans.stdout.strip() == "no orphaned entity judgements"
    lines = tmp_path / "curation.jsonl"
    assert "4 judgements written" in runner.invoke(app, ["curation", "export", str(lines), "--store", store]).stdout
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert runner.invoke(app, ["ingest", str(minutes), "--store", other]).exit_code == 0
    imported = runner.invoke(app, ["curation", "import", str(lines), "--store", other])
    assert imported.stdout.startswith("4 judgements applied, 0 unchanged"), imported.output
    twice = runner.invoke(app, ["curation", "import", str(lines), "--store", other])
    assert twice.stdout.startswith("0 judgements applied, 4 unchanged; 0 documents rebuilt")
    counts = [json.loads(runner.invoke(app, ["stats", "--store", s, "--json"]).stdout) for s in (store, other)]
    assert counts[0] == counts[1]


def test_entity_split_of_a_person_and_a_body_with_history_undo_and_errors(tmp_path: Path, monkeypatch) -> None:
    from tests.contract.splits_contract import KOPING, SALA

    monkeypatch.setenv("LOGNAME", "anna")
    store = f"sqlite:///{tmp_path / 'g.db'}"
    sala, koping = tmp_path / "sala.txt", tmp_path / "koping.txt"
    sala.write_text(SALA, encoding="utf-8")
    koping.write_text(KOPING, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(sala), str(koping), "--store", store]).exit_code == 0
    split = runner.invoke(
        app, ["entity", "split", "Anna Berg", str(koping), "--name", "Anna Berg (Köping)", "--store", store]
    )
    assert split.exit_code == 0 and "split Person" in split.stdout and "(by anna)" in split.stdout, split.output
    found = json.loads(runner.invoke(app, ["query", "search", "Anna Berg", "--store", store, "--json"]).stdout)
    assert {h["name"] for h in found["data"] if h["label"] == "Person"} == {"Anna Berg", "Anna Berg (Köping)"}
    history = runner.invoke(app, ["entity", "history", "Anna Berg (Köping)", "--store", store])
    assert "anna: split Anna Berg -> person-" in history.stdout, history.output
    everything = runner.invoke(app, ["entity", "split", "Familjehemsgruppen", str(sala), str(koping), "--store", store])
    assert everything.exit_code == 2 and "a split must leave the node at least one" in everything.stderr
    body = runner.invoke(app, ["entity", "split", "Familjehemsgruppen", str(sala), "--store", store])
    assert body.exit_code == 0, body.output
    ambiguous = runner.invoke(app, ["entity", "history", "Familjehemsgruppen", "--store", store])
    assert ambiguous.exit_code == 2 and "names 2 nodes" in ambiguous.stderr  # one name, two bodies now
    unknown = runner.invoke(app, ["entity", "split", "Lisa Holm", str(tmp_path / "saknas.txt"), "--store", store])
    assert unknown.exit_code == 2 and "documents: no stored document" in unknown.stderr
    assert runner.invoke(app, ["entity", "undo", split.stdout.split()[0], "--store", store]).exit_code == 0
    found = json.loads(runner.invoke(app, ["query", "search", "Anna Berg", "--store", store, "--json"]).stdout)
    assert {h["name"] for h in found["data"] if h["label"] == "Person"} == {"Anna Berg"}
