"""Checks every package installed in this virtual environment, as pinned, against PyPI's
vulnerability data (pip-audit), for `make audit` and so for `make test` and CI.

A known vulnerability fails the run. Data that cannot be reached (no network, a proxy that
answers 404, the service down) does not: the step says how many packages went unchecked and
why. pip-audit itself reports "No known vulnerabilities found" when every lookup was skipped,
so its summary is not taken at its word; this script counts what was really checked.

pip and setuptools, the environment's own tools, are left out (`pip freeze` skips them), and so
is this project, which is not on PyPI.
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

SERVICE = "pypi"  # PyPI's JSON API carries the PyPA advisories; OSV is often unreachable
TIMEOUT = 180  # seconds for the whole audit; one lookup gives up after 10
PREFIX = "Dependency audit:"


def pinned_packages() -> list[str]:
    """`name==version` of every installed distribution but this project and editable ones."""
    freeze = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "freeze",
            "--exclude-editable",
            "--disable-pip-version-check",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in freeze.splitlines() if "==" in line and not line.startswith("#")]


def run_pip_audit(requirements: list[str]) -> tuple[dict | None, str]:
    """pip-audit's JSON report, or None and the reason it could not produce one."""
    with tempfile.TemporaryDirectory() as scratch:
        listed, report = Path(scratch, "requirements.txt"), Path(scratch, "report.json")
        listed.write_text("\n".join(requirements) + "\n")
        command = [
            sys.executable, "-m", "pip_audit", "--vulnerability-service", SERVICE,
            "--disable-pip", "--no-deps", "--requirement", str(listed),
            "--format", "json", "--output", str(report), "--progress-spinner", "off",
            "--timeout", "10",
        ]  # fmt: skip
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, f"no answer within {TIMEOUT} s"
        try:
            return json.loads(report.read_text()), ""
        except (OSError, ValueError):
            lines = result.stderr.strip().splitlines() or [f"pip-audit exited {result.returncode}"]
            return None, lines[-1]


def summarise(report: dict | None, reason: str, total: int) -> tuple[list[str], bool]:
    """The lines to print and whether the run fails (only for a known vulnerability)."""
    if report is None:
        return [f"{PREFIX} vulnerability data unreachable ({reason}); "
                f"{total} packages NOT checked."], False  # fmt: skip
    dependencies = report.get("dependencies", [])
    skipped = [d for d in dependencies if "skip_reason" in d]
    vulnerable = [d for d in dependencies if d.get("vulns")]
    checked = len(dependencies) - len(skipped)
    lines = [
        f"{PREFIX} {d['name']} {d['version']}: {v['id']}"
        + (f" (fixed in {', '.join(v['fix_versions'])})" if v.get("fix_versions") else "")
        for d in vulnerable
        for v in d["vulns"]
    ]
    if skipped:
        reasons = "; ".join(sorted({d["skip_reason"].split(":")[0] for d in skipped}))
        lines.append(
            f"{PREFIX} vulnerability data unreachable for {len(skipped)} of {len(dependencies)} "
            f"packages ({reasons}): those NOT checked."
        )
    if vulnerable:
        lines.append(f"{PREFIX} {len(vulnerable)} packages with known vulnerabilities.")
    elif checked:
        lines.append(
            f"{PREFIX} no known vulnerabilities in {checked} pinned packages ({SERVICE} data)."
        )
    return lines, bool(vulnerable)


def main() -> int:
    requirements = pinned_packages()
    report, reason = run_pip_audit(requirements)
    lines, failed = summarise(report, reason, len(requirements))
    print("\n".join(lines), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
