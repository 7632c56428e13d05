#!/usr/bin/env python3
"""How often each confidence level is right, over a set of incidents with established causes.

Usage (from the repository root, after `mvn -q -DskipTests package`):
    python3 tools/calibration.py ../shared/incidents/real-cases.jsonl [--jar ancm-samples/target/ancm-diagnose.jar]

Each line of the JSONL file is one incident: browser (text), eventLog (list of texts), stdoutLog,
debugLog (texts), observations (keys), aspnetcore (version or null), expectedCause (a catalog id,
or 'unknown' / 'other:...' for a cause outside the catalog), accept (ids also right as top).
Every incident goes through the command-line tool as a user would run it (one file per channel).
Prints a Markdown table: per confidence of the top diagnosis, how many incidents got it and how
many of those were right (an incident whose cause is outside the catalog is never right).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor


def diagnose(incident, jar):
    with tempfile.TemporaryDirectory() as folder:
        args = ["java", "-XX:TieredStopAtLevel=1", "-jar", jar, "--json"]

        def write(name, text):
            path = os.path.join(folder, name)
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            return path

        if incident.get("browser"):
            args += ["--browser", write("browser.txt", incident["browser"])]
        for i, text in enumerate(incident.get("eventLog") or []):
            args += ["--event-log", write(f"event-{i}.txt", text)]
        if incident.get("stdoutLog"):
            args += ["--stdout-log", write("stdout.log", incident["stdoutLog"])]
        if incident.get("debugLog"):
            args += ["--debug-log", write("debug.log", incident["debugLog"])]
        for key in incident.get("observations") or []:
            args += ["--observation", key]
        version = re.match(r"\d+\.\d+(\.\d+)?", incident.get("aspnetcore") or "")
        if version:
            args += ["--aspnetcore-version", version.group(0)]
        out = subprocess.run(args, capture_output=True, text=True, timeout=120).stdout
        return json.loads(out).get("diagnoses") or []


def main():
    argv = sys.argv[1:]
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    jar = argv[argv.index("--jar") + 1] if "--jar" in argv else \
        "ancm-samples/target/ancm-diagnose.jar"
    incidents = [json.loads(line) for line in open(argv[0], encoding="utf-8") if line.strip()]
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda i: diagnose(i, jar), incidents))
    given, right = Counter(), Counter()
    for incident, diagnoses in zip(incidents, results):
        cause = incident["expectedCause"]
        accept = incident.get("accept") or [cause]
        outside = cause == "unknown" or cause.startswith("other:")
        level = diagnoses[0]["confidence"] if diagnoses else "none"
        given[level] += 1
        right[level] += (not outside) and bool(diagnoses) and diagnoses[0]["id"] in accept
    print(f"| top confidence | incidents | top right | share right |")
    print(f"|---|---:|---:|---:|")
    for level in ("HIGH", "MEDIUM", "LOW", "none"):
        n = given[level]
        share = f"{100 * right[level] / n:.0f}%" if n else "-"
        print(f"| {level} | {n} | {right[level]} | {share} |")
    print(f"\n{len(incidents)} incidents; 'none' means no cause matched.")


if __name__ == "__main__":
    main()
