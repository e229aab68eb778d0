"""The audit hash chain in memory: sealing and verifying."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from hifazat.core.enforcement.chain import EVENT_TYPES, GENESIS, AuditEntry, AuditEvent, seal, verify

T0 = datetime(2026, 10, 1, tzinfo=UTC)


def chain(n: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = (0, GENESIS)
    for i in range(n):
        entry = seal(previous, T0, AuditEvent("decision.made", "mod", f"decision:{i}", {"n": i}))
        entries.append(entry)
        previous = (entry.seq, entry.hash)
    return entries


def test_a_sound_chain_verifies() -> None:
    entries = chain(4)
    report = verify(entries, (4, entries[-1].hash))
    assert report.ok and report.checked == 4


def test_an_empty_log_verifies_against_an_empty_head() -> None:
    assert verify([], None).ok
    assert not verify([], (3, "x" * 64)).ok  # everything deleted


def test_reordering_is_detected() -> None:
    entries = chain(3)
    swapped = [entries[0], entries[2], entries[1]]
    assert not verify(swapped, (3, entries[-1].hash)).ok


def test_an_edit_recomputed_but_not_chained_is_detected() -> None:
    entries = chain(3)
    forged = seal((1, entries[0].hash), T0, AuditEvent("decision.made", "mod", "decision:1", {"n": 42}))
    report = verify([entries[0], forged, entries[2]], (3, entries[-1].hash))
    assert any("entry 3: previous-hash" in p for p in report.problems)


def test_event_types_are_unique_and_namespaced() -> None:
    assert len(set(EVENT_TYPES)) == len(EVENT_TYPES)
    assert all("." in e for e in EVENT_TYPES)
    assert replace(chain(1)[0], actor="x").actor == "x"
