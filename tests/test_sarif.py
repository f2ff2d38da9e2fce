"""SARIF 2.1.0 output, validated against the structure the standard requires."""
from __future__ import annotations

import json

import jsonschema

# The part of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that woocheck's
# output uses, with the standard's required properties and enumerations.
_MESSAGE = {"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}
_ARTIFACT = {
    "type": "object",
    "required": ["physicalLocation"],
    "properties": {
        "physicalLocation": {
            "type": "object",
            "required": ["artifactLocation"],
            "properties": {
                "artifactLocation": {"type": "object", "required": ["uri"], "properties": {"uri": {"type": "string"}}},
                "region": {"type": "object", "properties": {"startLine": {"type": "integer", "minimum": 1}}},
            },
        }
    },
}
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "$schema": {"type": "string"},
        "runs": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["id"],
                                            "properties": {
                                                "id": {"type": "string"},
                                                "shortDescription": _MESSAGE,
                                                "fullDescription": _MESSAGE,
                                                "help": _MESSAGE,
                                                "defaultConfiguration": {
                                                    "type": "object",
                                                    "properties": {"level": {"enum": ["none", "note", "warning", "error"]}},
                                                },
                                            },
                                        },
                                    },
                                },
                            }
                        },
                    },
                    "invocations": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["executionSuccessful"],
                            "properties": {
                                "executionSuccessful": {"type": "boolean"},
                                "toolExecutionNotifications": {
                                    "type": "array",
                                    "items": {"type": "object", "required": ["message"], "properties": {"message": _MESSAGE}},
                                },
                            },
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "ruleId": {"type": "string"},
                                "ruleIndex": {"type": "integer", "minimum": 0},
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": _MESSAGE,
                                "locations": {"type": "array", "items": _ARTIFACT},
                                "partialFingerprints": {"type": "object", "additionalProperties": {"type": "string"}},
                                "properties": {"type": "object"},
                            },
                        },
                    },
                },
            },
        },
    },
}


def test_sarif_is_valid_and_carries_pages_fingerprints_and_notifications(cli, tmp_path):
    doc = tmp_path / "notulen.txt"
    doc.write_text("Eerste regel\nTweede regel met [REDACTED] erin.\n", encoding="utf-8")
    broken = tmp_path / "leeg.pdf"
    broken.write_bytes(b"")
    out = tmp_path / "r.sarif"
    code, _, _ = cli("scan", doc, broken, "--format", "sarif", "--output", out, "--timeout-per-file", "0")
    assert code == 2
    sarif = json.loads(out.read_text())
    jsonschema.validate(sarif, SARIF_SUBSET)
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids)) and "WOO201" in rule_ids
    result = next(r for r in run["results"] if r["ruleId"] == "WOO201")
    assert rule_ids[result["ruleIndex"]] == "WOO201"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert result["properties"]["page"] == 1
    assert result["partialFingerprints"]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert any("leeg.pdf" in n["message"]["text"] for n in notes)


def test_fingerprint_ignores_coordinates_but_not_text(tmp_path):
    from woocheck.fingerprint import fingerprint
    from woocheck.model import Finding, Severity

    a = Finding("WOO101", Severity.ERROR, "m", "x.pdf", page=1, bbox=(1, 2, 3, 4), text="Jan  Smit")
    b = Finding("WOO101", Severity.ERROR, "m", "x.pdf", page=3, bbox=(9, 9, 9, 9), text="jan smit")
    c = Finding("WOO101", Severity.ERROR, "m", "x.pdf", page=1, bbox=(1, 2, 3, 4), text="Piet Smit")
    assert fingerprint(a) == fingerprint(b) != fingerprint(c)
    assert "Smit" not in fingerprint(a)
