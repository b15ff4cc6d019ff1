"""The robustness corpus (../shared/corpus/robustness, 104 reports nobody tuned on) read whole: no
document fails, and the invariants of a work report (tests/robustness_support.py) hold on at least
98% of them. Where one does not, tests/examples/robustness_exceptions.tsv says why; an exception
that no longer happens must be removed from the table."""

from __future__ import annotations

from robustness_support import exceptions, manifest, read, violations

PASS_RATE = 0.98


def test_every_report_is_read_and_the_invariants_hold() -> None:
    entries = manifest()
    assert len(entries) == 104
    listed = exceptions()
    broken: dict[tuple[str, str], list[str]] = {}
    for entry in entries:
        for invariant, found in violations(read(entry), entry).items():
            if found:
                broken[(entry.file, invariant)] = found
    unexplained = {key: found[:3] for key, found in broken.items() if key not in listed}
    assert not unexplained, f"invariants broken with no exception listed: {unexplained}"
    stale = sorted(set(listed) - set(broken))
    assert not stale, f"listed exceptions that hold now (remove them): {stale}"
    holding = len(entries) - len({file for file, _ in broken})
    assert holding / len(entries) >= PASS_RATE, f"{holding}/{len(entries)} reports hold every invariant"
