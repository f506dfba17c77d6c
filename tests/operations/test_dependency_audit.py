"""`make audit` (run by `make test`, so by CI): a known vulnerability in a pinned package fails
the run; vulnerability data that cannot be reached is said out loud and does not."""

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_dependencies.py"
_spec = importlib.util.spec_from_file_location("audit_dependencies", SCRIPT)
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)

CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
SKIPPED = {
    "name": "pypdf",
    "skip_reason": "Dependency not found on PyPI and could not be audited: pypdf (7.1.0)",
}


def test_a_known_vulnerability_fails_and_names_the_fix():
    vulnerable = {
        "name": "pypdf",
        "version": "7.1.0",
        "vulns": [{"id": "GHSA-xxxx-yyyy-zzzz", "fix_versions": ["7.1.1"], "aliases": []}],
    }
    lines, failed = audit.summarise({"dependencies": [CLEAN, vulnerable]}, "", 2)
    assert failed
    assert "Dependency audit: pypdf 7.1.0: GHSA-xxxx-yyyy-zzzz (fixed in 7.1.1)" in lines


def test_a_clean_report_says_how_many_packages_were_checked():
    lines, failed = audit.summarise({"dependencies": [CLEAN, CLEAN]}, "", 2)
    assert not failed
    assert lines == ["Dependency audit: no known vulnerabilities in 2 pinned packages (pypi data)."]


def test_lookups_that_found_nothing_are_not_reported_as_clean():
    # pip-audit itself prints "No known vulnerabilities found" for this report.
    lines, failed = audit.summarise({"dependencies": [SKIPPED]}, "", 1)
    assert not failed
    assert lines == [
        "Dependency audit: vulnerability data unreachable for 1 of 1 packages (Dependency not "
        "found on PyPI and could not be audited): those NOT checked."
    ]


def test_an_unreachable_service_is_reported_and_does_not_fail():
    reason = "requests.exceptions.ConnectionError: Failed to resolve 'pypi.org'"
    lines, failed = audit.summarise(None, reason, 88)
    assert not failed
    assert lines == [
        f"Dependency audit: vulnerability data unreachable ({reason}); 88 packages NOT checked."
    ]


def test_the_audit_covers_every_pinned_package():
    pinned = {line.split("==")[0].lower() for line in audit.pinned_packages()}
    assert {"django", "pypdf", "pillow", "pytest"} <= pinned
    assert not any(name.startswith("stadtregion") for name in pinned)
