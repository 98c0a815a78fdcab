"""The set_job_details built-in as the model sees it: declared with its three fields, merges
what is said (the rest kept), refuses an empty or an overlong call with a message the model
can act on. Work notes are then logged under the job ID."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from desktop.session.events import ToolCallItem
from desktop.tools import Toolbox, ToolContext, WorkNote


async def test_the_model_records_job_details(tmp_path: Path) -> None:
    job: dict[str, str] = {"site": "Plant 3"}
    notes: list[WorkNote] = []

    def set_job(updates: Mapping[str, str]) -> Mapping[str, str]:
        job.update(updates)
        return dict(job)

    box = Toolbox(
        ToolContext(
            data_dir=tmp_path,
            set_job=set_job,
            current_job=lambda: job.get("job_id"),
            log_note=notes.append,
        )
    )
    await box.start()
    try:
        (decl,) = [d for d in box.declarations() if d["name"] == "set_job_details"]
        assert set(decl["parameters"]["properties"]) == {"job_id", "site", "equipment"}

        ok = await box.call(
            ToolCallItem("c1", "set_job_details", {"job_id": " WO-4711 ", "equipment": "P  200"})
        )
        assert ok.response["output"] == {
            "job": {"site": "Plant 3", "job_id": "WO-4711", "equipment": "P 200"},
            "recorded": ["equipment", "job_id"],
        }
        empty = await box.call(ToolCallItem("c2", "set_job_details", {}))
        assert "give the job ID" in empty.response["error"]
        long = await box.call(ToolCallItem("c3", "set_job_details", {"site": "x" * 500}))
        assert "at most 120" in long.response["error"]
        assert job["site"] == "Plant 3"  # a refused call changes nothing

        await box.call(ToolCallItem("c4", "log_work_note", {"note": "replaced the seal"}))
        assert notes[0].job == "WO-4711"
    finally:
        await box.aclose()
