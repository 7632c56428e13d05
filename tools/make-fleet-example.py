#!/usr/bin/env python3
"""Writes ancm-samples/fleet-example/: made-up logs of four servers over one day, the input of
the example fleet report (docs/report-example.png). Deterministic: the same files every run.
Usage, from the repository root: python3 tools/make-fleet-example.py"""
import os
import random
from datetime import datetime, timedelta

OUT = os.path.join("ancm-samples", "fleet-example")
rnd = random.Random(20261130)
day = datetime(2026, 11, 30, 0, 0, 0)

FRAMEWORK = ("Could not find 'aspnetcorev2_inprocess.dll'. Exception message: The framework"
             " 'Microsoft.AspNetCore.App', version '8.0.11' was not found.")
START = ("Application '/LM/W3SVC/{site}/ROOT' with physical root '{root}' failed to start process"
         " with commandline '\"dotnet\" .\\{app}.dll', ErrorCode = '0x80004005 : 80008083.")
EXIT = ("Application '/LM/W3SVC/{site}/ROOT' with physical root '{root}' has exited from"
        " Program.Main with exit code = '{code}'. Please check the stderr logs for more"
        " information.")
MANAGED = ("Application '/LM/W3SVC/{site}/ROOT' with physical root '{root}' hit unexpected managed"
           " exception, exception code = '0xe0434352'. Please check the stderr logs for more"
           " information.")
HOSTFXR = ("Could not find 'aspnetcorev2_inprocess.dll'. Exception message: You must install or"
           " update .NET to run this application.")
NOISE = ["Windows Update started downloading an update.", "The Security Center service is running.",
         "Application '/LM/W3SVC/{site}/ROOT' started successfully."]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def event_xml(t, host, eid, text):
    return ("<Event><System><Provider Name=\"IIS AspNetCore Module V2\"/><EventID>%d</EventID>"
            "<Level>2</Level><TimeCreated SystemTime=\"%sZ\"/><Computer>%s</Computer></System>"
            "<EventData><Data>%s</Data></EventData></Event>"
            % (eid, t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3], host, esc(text)))


def times(start_h, end_h, n):
    out = []
    for _ in range(n):
        out.append(day + timedelta(seconds=rnd.randint(start_h * 3600, end_h * 3600 - 1)))
    return sorted(out)


def write(path, lines):
    full = os.path.join(OUT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\r\n") as f:
        for line in lines:
            f.write(line + "\n")


def server(host, site, root, app, failures):
    records = []
    for t in times(0, 24, 40):
        records.append((t, 1001 if rnd.random() < 0.5 else 1, rnd.choice(NOISE)))
    for (h0, h1, n, eid, template) in failures:
        for t in times(h0, h1, n):
            records.append((t, eid, template.format(site=site, root=root, app=app,
                                                    code=rnd.choice([1, 134, -532462766]))))
    records.sort()
    return [event_xml(t, host, eid, text.format(site=site, root=root, app=app))
            for (t, eid, text) in records]


# WEB01: a deploy at 09:00 needs a framework the server lacks, fixed at 11:30
write("web01/eventlog.xml", server("WEB01", 2, "D:\\sites\\shop\\", "Shop.Web", [
    (9, 11, 60, 1027, FRAMEWORK), (11, 12, 8, 1027, FRAMEWORK)]))
# WEB02: wrong arguments after a config change in the afternoon
write("web02/eventlog.xml", server("WEB02", 3, "E:\\apps\\ledger\\", "Ledger.Api", [
    (14, 18, 45, 1000, START)]))
# WEB03: the app itself crashes at start now and then all day
write("web03/eventlog.xml", server("WEB03", 5, "C:\\inetpub\\billing\\", "Billing", [
    (0, 24, 25, 1011, EXIT), (6, 9, 12, 1018, MANAGED)]))
# an ANCM debug log of WEB04 (times in its own prefix), the runtime missing after a rebuild
debug = []
for t in times(19, 22, 30):
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3]
    debug.append("[%s, PID: %d] [aspnetcorev2.dll] Initializing logs for"
                 " 'C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll'."
                 % (stamp, 4000 + rnd.randint(0, 999)))
    debug.append("[%s, PID: %d] [aspnetcorev2.dll] Event Log: '%s'"
                 % (stamp, 4000 + rnd.randint(0, 999), HOSTFXR))
write("web04/aspnetcore-debug.log", debug)
print("wrote", OUT)
