"""The five real Woo-published meeting documents in ../shared/seeds, scanned end to end."""
from __future__ import annotations


from conftest import shared_path


def test_seeds_scan_end_to_end_and_their_redactions_are_located(scan_json):
    seeds = shared_path("seeds")
    code, report, err = scan_json(seeds, "--fail-on", "never")
    assert code == 0, err
    files = {f["path"].rsplit("/", 1)[-1][:3]: f for f in report["files"]}
    assert len(files) == 5 and all(f["error"] is None for f in files.values())
    per_seed = {k: [r for r in report["redactions"] if r["path"] == f["path"]] for k, f in files.items()}
    # 000 carries four [REDACTED] markers (two names, a contact person and an e-mail local part).
    assert sum(1 for r in per_seed["000"] if r["kind"] == "text-marker") == 4
    # 001-003 lost civil servants' names from their attendee lists: "(JenV), (JenV)".
    for k in ("001", "002", "003"):
        assert per_seed[k], f"seed {k}: no attendee-list gap located"
