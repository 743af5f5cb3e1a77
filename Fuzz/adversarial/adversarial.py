#!/usr/bin/env python3
"""Adversarial suite for the repoverty binary (issue 13).

Throws malformed inputs, faults and interruptions at the real executable and checks, for every case, the exit code,
the message, what is left on disk and a hang limit. Each case is written for the *correct* behaviour (README.md and
issue 13), not for what a given binary happens to do. Python 3 standard library only.

    python3 Fuzz/adversarial/adversarial.py --binary .build/debug/repoverty
    python3 Fuzz/adversarial/adversarial.py --list
    python3 Fuzz/adversarial/adversarial.py --family 1 -k sweep --keep

See Fuzz/adversarial/README.md.
"""

import argparse
import csv
import io
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

FAMILIES = {
    1: "signals",
    2: "limits",
    3: "generated scripts",
    4: "never replace",
    5: "leaks",
    6: "external programs",
    7: "check before the work",
    8: "standard output",
    9: "degenerate input",
    10: "messages",
}
# A failing case is counted once, under the first of these that applies.
CATEGORIES = ["crash", "hang", "leak", "loss", "wrong exit", "weak message"]

# Raw error types and dumps that must never reach a user.
RAW = re.compile(
    r"NSError|DecodingError|EncodingError|Swift\.|Error Domain=|NSCocoaErrorDomain|NSPOSIXErrorDomain|"
    r"NSUnderlyingError|UserInfo=|CodingKeys|keyNotFound\(|typeMismatch\(|valueNotFound\(|dataCorrupted\(|"
    r"GRDB|Foundation\.|_NSError|CocoaError|while executing `"
)
CRASH = re.compile(r"Fatal error|Illegal instruction|Segmentation fault|Stack dump|Current stack trace|"
                   r"Please submit a bug report|Assertion failed|Precondition failed")
# A made-up secret: it must never appear in any output, whole or cut short.
SECRET = "adv7Qx9Lk2vT8pZr4Ws6Yb3Nc5"
SECRET_FRAGMENTS = [SECRET, SECRET[:10], SECRET[8:18], SECRET[-10:]]
SECRET_ENV = "# deployment settings\nAPI_TOKEN=sk-%s\nDB_PASSWORD=%s\n" % (SECRET, SECRET[::-1])
TEMP_NAME = re.compile(r"(^\.|\.partial|\.tmp$|\.temp$|~$|-journal$|-wal$|-shm$|\.swp$|^repoverty-report-)")

TINY = ["--households", "200", "--replicates", "2", "--years", "2", "--threads", "1"]
# A sweep of 20 points that runs a few seconds (debug build, one thread): the one interrupted and resumed.
SWEEP_LONG = ["scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000:5900:100",
              "--households", "2000", "--replicates", "2", "--years", "3", "--threads", "1", "--quiet"]
SWEEP_TINY = ["scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000",
              "--households", "200", "--replicates", "2", "--years", "2", "--threads", "1", "--quiet"]


class Res:
    def __init__(self):
        self.rc = None
        self.out = b""
        self.err = b""
        self.err_size = 0
        self.elapsed = 0.0
        self.timed_out = False
        self.sent = None           # the signal the harness sent, if any
        self.latency = None        # seconds from that signal to the exit
        self.early = False         # the process ended before the signal could be sent

    @property
    def text(self):
        return self.err.decode("utf-8", "replace")

    @property
    def stdout(self):
        return self.out.decode("utf-8", "replace")

    def __repr__(self):
        return "exit %s in %.2f s" % (self.rc, self.elapsed)


class CaseFailed(Exception):
    pass


class Ctx:
    """What a case sees: its scratch folder, a seeded random stream, a runner and the checks."""

    def __init__(self, suite, case, index):
        self.suite = suite
        self.case = case
        self.dir = os.path.join(suite.scratch, "cases", "%03d-%s" % (index, re.sub(r"[^A-Za-z0-9_.-]", "_", case.name)))
        os.makedirs(self.dir)
        self.tmp = os.path.join(self.dir, "tmp")
        os.makedirs(self.tmp)
        self.problems = []  # (category, reason)
        self.rng = random.Random(suite.seed * 1000003 + zlib.crc32(case.name.encode()))
        self.runs = 0
        self.mounts = []
        self.check_tmpdir = True

    # -- recording
    def fail(self, category, reason):
        assert category in CATEGORIES, category
        self.problems.append((category, reason))

    def p(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, relative, text, mode=0o644):
        path = self.p(relative) if not os.path.isabs(relative) else relative
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(text if isinstance(text, bytes) else text.encode())
        os.chmod(path, mode)
        return path

    # -- running
    def env(self, extra=None, path_prepend=None):
        env = dict(os.environ)
        env["TMPDIR"] = self.tmp
        env.pop("REPOVERTY_MEMORY_LIMIT", None)
        env.pop("REPOVERTY_GNUPLOT_TIMEOUT", None)
        if path_prepend:
            env["PATH"] = path_prepend + os.pathsep + env.get("PATH", "")
        if extra:
            for k, v in extra.items():
                if v is None:
                    env.pop(k, None)
                else:
                    env[k] = v
        return env

    def start(self, args, env=None, stdout=None, memory=None, close_stdout=False, cwd=None):
        """Starts the binary in its own process group; output goes to files of the case folder."""
        self.runs += 1
        n = self.runs
        out_path = self.p("stdout.%d" % n)
        err_path = self.p("stderr.%d" % n)
        out_f = stdout if stdout is not None else open(out_path, "wb")
        err_f = open(err_path, "wb")
        memory = memory if memory is not None else self.suite.memory

        def limits():
            if memory:
                resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
            if close_stdout:
                os.close(1)

        argv = [self.suite.binary] + [str(a) for a in args]
        proc = subprocess.Popen(argv, cwd=cwd or self.suite.scratch, env=env or self.env(), stdin=subprocess.DEVNULL,
                                stdout=out_f, stderr=err_f, start_new_session=True, preexec_fn=limits)
        proc._adv = (out_path if stdout is None else None, err_path, out_f if stdout is None else None, err_f,
                     time.monotonic())
        self.suite.live.add(proc)
        return proc

    def finish(self, proc, timeout=None, sent=None, t_signal=None):
        timeout = timeout or self.case.timeout or self.suite.timeout
        out_path, err_path, out_f, err_f, t0 = proc._adv
        res = Res()
        remaining = max(0.1, timeout - (time.monotonic() - t0))
        try:
            proc.wait(timeout=remaining)
        except subprocess.TimeoutExpired:
            res.timed_out = True
            kill_group(proc)
            proc.wait()
        t_end = time.monotonic()
        kill_group(proc)  # children (a fake gnuplot) never outlive the case
        self.suite.live.discard(proc)
        for f in (out_f, err_f):
            if f:
                f.close()
        res.rc = proc.returncode
        res.elapsed = t_end - t0
        res.sent = sent
        if t_signal is not None:
            res.latency = t_end - t_signal
        if out_path:
            res.out = read_head(out_path, 4 << 20)
        res.err = read_head(err_path, 4 << 20)
        res.err_size = os.path.getsize(err_path)
        return res

    def run(self, args, timeout=None, **kw):
        return self.finish(self.start(args, **kw), timeout=timeout)

    def run_signal(self, args, sig, at, timeout=None, **kw):
        """Runs the command and sends `sig` to it `at` seconds after the start (the seeded random point)."""
        proc = self.start(args, **kw)
        t0 = proc._adv[4]
        while time.monotonic() - t0 < at:
            if proc.poll() is not None:
                res = self.finish(proc, timeout=timeout)
                res.early = True
                return res
            time.sleep(0.01)
        t_signal = time.monotonic()
        try:
            os.kill(proc.pid, sig)
        except ProcessLookupError:
            pass
        return self.finish(proc, timeout=timeout, sent=sig, t_signal=t_signal)

    # -- checks
    def expect(self, res, code, names=(), patterns=(), absent=(), max_lines=4, leak_strings=(), what="",
               max_line=400):
        """Exit code, crash, hang, leak and message checks of one run. `code` is an int or a set of ints."""
        label = (what + ": ") if what else ""
        if res.timed_out:
            self.fail("hang", "%sno exit after %.0f s (killed)" % (label, res.elapsed))
            return False
        if res.rc < 0 and -res.rc != res.sent:
            self.fail("crash", "%skilled by signal %d" % (label, -res.rc))
            return False
        if res.rc > 2:
            self.fail("crash", "%sexit %d (not 0, 1 or 2)" % (label, res.rc))
            return False
        text = res.text
        m = CRASH.search(text)
        if m:
            self.fail("crash", "%sstderr shows a crash: %r" % (label, first_line_with(text, m.group(0))))
            return False
        both = res.out + res.err
        for s in list(SECRET_FRAGMENTS) + list(leak_strings):
            if s.encode() in both:
                self.fail("leak", "%sprinted %r from a file that is not a scenario" % (label, s[:24]))
                return False
        ok = True
        codes = code if isinstance(code, (set, frozenset, tuple, list)) else {code}
        if res.rc not in codes:
            self.fail("wrong exit", "%sexit %s, expected %s%s" % (label, res.rc, "/".join(map(str, sorted(codes))),
                                                                   brief(text)))
            ok = False
        # The case's own folder is named after the case ("…no_DecodingError"), and its paths are long: judge the
        # wording and the line lengths with the scratch path shortened, so neither counts against the program.
        judged = text.replace(self.dir, "<case>").replace(self.suite.scratch, "<scratch>")
        m = RAW.search(judged)
        if m:
            self.fail("weak message", "%sraw error text %r: %s" % (label, m.group(0), first_line_with(judged, m.group(0))))
            return False
        if res.rc in (1, 2) and ok:
            lines = [l for l in judged.splitlines() if l.strip() and not l.startswith("{")]
            if not lines:
                self.fail("weak message", "%sexit %d with nothing on standard error" % (label, res.rc))
                return False
            if len(lines) > max_lines:
                self.fail("weak message", "%s%d lines on standard error (at most %d): %s" %
                          (label, len(lines), max_lines, brief(text)))
                return False
            if res.err_size > 4000:
                self.fail("weak message", "%s%d bytes on standard error" % (label, res.err_size))
                return False
            long = [l for l in lines if len(l) > max_line]
            if long:
                self.fail("weak message", "%sa %d-character line on standard error (values must be cut short)" %
                          (label, len(long[0])))
                return False
            for name in names:
                if name not in text:
                    self.fail("weak message", "%sdoes not name %r: %s" % (label, name, brief(text)))
                    return False
            for pat in patterns:
                if not re.search(pat, text):
                    self.fail("weak message", "%sdoes not say /%s/: %s" % (label, pat, brief(text)))
                    return False
            error_lines = "\n".join(l for l in lines if l.lower().startswith("error"))
            for name in absent:
                if name in error_lines:
                    self.fail("weak message", "%sblames %r: %s" % (label, name, brief(text)))
                    return False
        return ok

    def expect_interrupted(self, res, sig_name, what=""):
        """An interrupted command: exit 1 within the grace period, saying it was interrupted."""
        label = (what + ": ") if what else ""
        if res.early:
            self.fail("wrong exit", "%sfinished (exit %s, %.1f s) before the %s could be sent: the case is too small"
                      % (label, res.rc, res.elapsed, sig_name))
            return False
        if res.timed_out:
            self.fail("hang", "%sstill running %.0f s after %s (killed)" % (label, res.latency, sig_name))
            return False
        if res.rc == 0 and res.latency <= 0.05:
            # The signal met a command that had already finished its work and was exiting: nothing to stop. A command
            # that ignores the signal runs on for its remaining work (0.6-0.9 s for merge), so this cannot hide one.
            return True
        if res.rc == 0:
            self.fail("wrong exit", "%signored %s: ran on for %.1f s and exited 0" % (label, sig_name, res.latency))
            return False
        if res.rc < 0:
            self.fail("crash", "%skilled by the default action of signal %d: no handler" % (label, -res.rc))
            return False
        if res.latency > self.suite.grace:
            self.fail("hang", "%stook %.1f s to stop after %s (limit %.1f s)" % (label, res.latency, sig_name,
                                                                              self.suite.grace))
            return False
        return self.expect(res, 1, patterns=[r"(?i)interrupt|SIGINT|SIGTERM|stopped"], what=what)

    def no_temp_files(self, root, what=""):
        found = temp_files(root)
        if found:
            self.fail("loss", "%sleft temporary files: %s" % ((what + ": ") if what else "",
                                                             ", ".join(os.path.relpath(f, self.dir) for f in found[:3])))
            return False
        return True

    def absent(self, paths, why):
        for path in paths:
            if os.path.exists(path):
                self.fail("loss", "%s: %s exists" % (why, os.path.relpath(path, self.dir)))
                return False
        return True

    def intact(self, before, root, why):
        after = snapshot(root)
        if after != before:
            changed = sorted(set(before) ^ set(after)) or sorted(k for k in before if before[k] != after.get(k))
            self.fail("loss", "%s: %s changed" % (why, ", ".join(changed[:3])))
            return False
        return True

    def mount_tmpfs(self, path, size="200k"):
        os.makedirs(path, exist_ok=True)
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s" % size, "tmpfs", path],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise Skip("cannot mount a tmpfs here (%s): full-disk cases skipped" % r.stderr.decode().strip())
        self.mounts.append(path)
        return path

    def remount_ro(self, path):
        r = subprocess.run(["mount", "-o", "remount,ro", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            raise Skip("cannot remount read-only: %s" % r.stderr.decode().strip())

    def fill(self, path, leave):
        """Fills the file system of `path` so that about `leave` bytes stay free."""
        st = os.statvfs(path)
        free = st.f_bavail * st.f_frsize
        with open(os.path.join(path, ".filler"), "wb") as f:
            f.write(b"\0" * max(0, free - leave))
        return os.path.join(path, ".filler")

    def cleanup(self):
        for m in reversed(self.mounts):
            subprocess.run(["umount", "-l", m], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


class Skip(Exception):
    pass


class Case:
    def __init__(self, family, name, fn, timeout=None):
        self.family = family
        self.name = name
        self.fn = fn
        self.timeout = timeout


CASES = []


def case(family, name, timeout=None):
    def deco(fn):
        CASES.append(Case(family, name, fn, timeout))
        return fn
    return deco


def add(family, name, fn, timeout=None):
    CASES.append(Case(family, name, fn, timeout))


# ----------------------------------------------------------------------------------------------------- helpers

def kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def read_head(path, limit):
    try:
        with open(path, "rb") as f:
            return f.read(limit)
    except OSError:
        return b""


def brief(text):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    if not lines:
        return " (stderr empty)"
    s = lines[0] if len(lines[0]) < 160 else lines[0][:157] + "..."
    return " — %s%s" % (s, " (+%d lines)" % (len(lines) - 1) if len(lines) > 1 else "")


def first_line_with(text, needle):
    for line in text.splitlines():
        if needle in line:
            return line[:160]
    return needle


def temp_files(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            if TEMP_NAME.search(name) and name not in (".filler",):
                found.append(os.path.join(dirpath, name))
    return found


def snapshot(root):
    snap = {}
    if not os.path.exists(root):
        return snap
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                if os.path.islink(path):
                    snap[os.path.relpath(path, root)] = "link:" + os.readlink(path)
                else:
                    with open(path, "rb") as f:
                        snap[os.path.relpath(path, root)] = hashlib.sha256(f.read()).hexdigest()
            except OSError as e:
                snap[os.path.relpath(path, root)] = "error:%s" % e
    return snap


def read(path):
    with open(path, "rb") as f:
        return f.read()


def fake_program(ctx, name, body):
    """A fake external program on a private PATH folder."""
    folder = ctx.p("bin")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    with open(path, "w") as f:
        f.write("#!/bin/sh\n" + body + "\n")
    os.chmod(path, 0o755)
    return folder


# ----------------------------------------------------------------------------------------------------- fixtures
# Results every case may read; made once per suite, copied before a case changes them.

def fixture(suite, name):
    if name in suite.fixtures:
        return suite.fixtures[name]
    folder = os.path.join(suite.scratch, "shared", name)
    os.makedirs(folder)
    env = dict(os.environ, TMPDIR=os.path.join(suite.scratch, "tmp"))
    env.pop("REPOVERTY_MEMORY_LIMIT", None)

    def sh(args):
        r = subprocess.run([suite.binary] + args, cwd=suite.scratch, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=300)
        if r.returncode != 0:
            raise RuntimeError("fixture %s: %s exited %d: %s" % (name, " ".join(args[:2]), r.returncode,
                                                                 r.stderr.decode()[:300]))
    if name == "sweep-long":          # the uninterrupted sweep every interrupted one must equal
        sh(["sweep"] + SWEEP_LONG + ["--output", folder])
    elif name == "sweep-tiny":
        sh(["sweep"] + SWEEP_TINY + ["--output", folder])
    elif name == "sweep-tiny-other":  # another sweep: other key
        sh(["sweep", "scenarios/reference.yaml", "--grid", "shocks.flood.probability=0.02,0.1"] + TINY +
           ["--quiet", "--output", folder])
    elif name == "sweep-six":          # six points, for the full-disk sweep
        sh(["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000:6500:500"] + TINY +
           ["--quiet", "--output", folder])
    elif name == "sweep-merge":       # many rows, so that merging it lasts a few seconds
        sh(["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000:4230:10",
            "--households", "20", "--replicates", "1", "--years", "40", "--threads", "1", "--quiet",
            "--output", folder])
    elif name == "run-tiny":
        sh(["run", "scenarios/reference.yaml"] + TINY + ["--quiet", "--output", folder])
    elif name == "run-big":            # reproducing it lasts a few seconds
        sh(["run", "scenarios/reference.yaml", "--households", "30000", "--replicates", "2", "--years", "3",
            "--threads", "1", "--quiet", "--output", folder])
    elif name == "compare-tiny":
        sh(["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + TINY + ["--quiet", "--output", folder])
    else:
        raise KeyError(name)
    suite.fixtures[name] = folder
    return folder


def copy_fixture(ctx, name, dest=None):
    src = fixture(ctx.suite, name)
    dest = dest or ctx.p(name)
    shutil.copytree(src, dest, symlinks=True)
    return dest


# ============================================================================================ 1. signals

def sweep_interrupt(sig, resume_interrupts=1):
    def fn(ctx):
        ref = read(os.path.join(fixture(ctx.suite, "sweep-long"), "sweep.csv"))
        out = ctx.p("sweep")
        name = signal.Signals(sig).name
        for round_ in range(resume_interrupts):
            at = ctx.rng.uniform(0.6, 2.4)
            args = ["sweep"] + SWEEP_LONG + ["--output", out] + (["--resume"] if round_ else [])
            res = ctx.run_signal(args, sig, at)
            what = "%s at %.2f s%s" % (name, at, " (round %d)" % (round_ + 1) if round_ else "")
            if sig == signal.SIGKILL:
                if res.early:
                    ctx.fail("wrong exit", "%s: finished before the signal: the case is too small" % what)
                    return
            else:
                if not ctx.expect_interrupted(res, name, what=what):
                    if res.rc != 0:
                        return
                    break  # it ran to the end: nothing left to interrupt again
                if res.rc != 0:
                    ctx.absent([os.path.join(out, "sweep.csv")], "an interrupted sweep wrote sweep.csv")
                    ctx.no_temp_files(out, what)
        res = ctx.run(["sweep"] + SWEEP_LONG + ["--output", out, "--resume"])
        if not ctx.expect(res, 0, what="--resume after %s" % name):
            return
        got = read(os.path.join(out, "sweep.csv")) if os.path.exists(os.path.join(out, "sweep.csv")) else b""
        if got != ref:
            ctx.fail("loss", "the resumed sweep.csv differs from an uninterrupted one (%d vs %d bytes)" %
                     (len(got), len(ref)))
        ctx.no_temp_files(out, "after --resume")
    return fn


add(1, "sweep: SIGINT at a seeded point, then --resume gives the same sweep.csv", sweep_interrupt(signal.SIGINT))
add(1, "sweep: SIGTERM (Slurm's stop) at a seeded point, then --resume", sweep_interrupt(signal.SIGTERM))
add(1, "sweep: SIGKILL at a seeded point, then --resume", sweep_interrupt(signal.SIGKILL))
add(1, "sweep: SIGINT twice (the resumed sweep interrupted again), then --resume", sweep_interrupt(signal.SIGINT, 2))


def interrupt_case(command, sig, window, outputs, setup=None):
    """A long command stopped by `sig` at a seeded point of `window`: exit 1 within the grace, nothing written."""
    def fn(ctx):
        extra = setup(ctx) if setup else {}
        args = command(ctx)
        at = ctx.rng.uniform(*window)
        name = signal.Signals(sig).name
        res = ctx.run_signal(args, sig, at, **extra)
        ok = ctx.expect_interrupted(res, name, what="%s at %.2f s" % (name, at))
        if res.rc != 0 and not res.early:
            ctx.absent([ctx.p(o) for o in outputs], "an interrupted %s left a results file" % args[0])
            ctx.no_temp_files(ctx.dir)
        return ok
    return fn


def slow_gnuplot(ctx):
    real = shutil.which("gnuplot")
    if not real:
        raise Skip("gnuplot is not installed")
    folder = fake_program(ctx, "gnuplot", 'sleep 0.7\nexec %s "$@"' % real)
    return {"env": ctx.env(path_prepend=folder)}


LONG_COMMANDS = {
    "run": (lambda ctx: ["run", "scenarios/reference.yaml", "--households", "40000", "--replicates", "2",
                         "--years", "3", "--threads", "1", "--quiet", "--output", ctx.p("out")],
            (0.4, 1.8), ["out/reference/summary.csv", "out/reference/run.json"], None),
    "compare": (lambda ctx: ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml", "--households", "20000",
                             "--replicates", "2", "--years", "3", "--threads", "1", "--quiet", "--output",
                             ctx.p("out")],
                (0.4, 1.8), ["out/compare.csv", "out/compare.json", "out/baseline/summary.csv",
                             "out/combined/summary.csv"], None),
    "calibrate": (lambda ctx: ["calibrate", "scenarios/baseline.yaml", "--target", "cumulative_repoverty_rate=0.25",
                               "--free", "interventions.dibao.standard=4000..6500", "--households", "4000",
                               "--replicates", "2", "--years", "3", "--threads", "1", "--quiet",
                               "--output", ctx.p("out/fit.yaml")],
                  (0.5, 2.0), ["out/fit.yaml"], None),
    "reproduce": (lambda ctx: ["reproduce", os.path.join(fixture(ctx.suite, "run-big"), "reference", "run.json"),
                               "--threads", "1", "--quiet", "--output", ctx.p("out")],
                  (0.4, 1.5), ["out/reference/summary.csv"], None),
    "population": (lambda ctx: ["population", "scenarios/liangshan-2020.yaml", "--households", "700000", "--quiet",
                                "--output", ctx.p("out")],
                   (0.4, 1.4), ["out/population.csv"], None),
    "bench": (lambda ctx: ["bench", "--households", "60000", "--years", "3", "--threads", "1", "--progress", "none"],
              (0.4, 1.8), [], None),
    "report": (lambda ctx: ["report", copy_fixture(ctx, "compare-tiny", ctx.p("res")), "--quiet"],
               (0.4, 2.0), ["res/report.html", "res/charts"], slow_gnuplot),
    "merge": (lambda ctx: ["merge", fixture(ctx.suite, "sweep-merge"), "--quiet", "--output", ctx.p("out")],
              (0.3, 0.8), ["out/sweep.csv", "out/sweep.sqlite"], None),
}
for _cmd, (_build, _window, _outputs, _setup) in LONG_COMMANDS.items():
    for _sig in (signal.SIGINT, signal.SIGTERM):
        add(1, "%s: %s at a seeded point stops it within the grace, exit 1, nothing written" %
            (_cmd, signal.Signals(_sig).name), interrupt_case(_build, _sig, _window, _outputs, _setup))


SENS_LONG = ["scenarios/baseline.yaml", "--keys",
             "interventions.dibao.standard,economy.localWages.weak,shocks.illness.billMedian,economy.localWages.skilled,"
             "shocks.flood.probability,interventions.dibao.exclusionError", "--households", "6000", "--replicates", "2",
             "--years", "3", "--threads", "1", "--quiet", "--progress", "none"]


def sensitivity_interrupt(sig, extra=()):
    """sensitivity stopped at a seeded point: exit 1, no sensitivity.csv; --resume then gives the same file as an
    analysis never stopped (its finished runs come from sensitivity.sqlite)."""
    def fn(ctx):
        name = "uncertainty-samples.csv" if "--uncertainty" in extra else "sensitivity.csv"
        whole = ctx.p("whole")
        if not ctx.expect(ctx.run(["sensitivity"] + SENS_LONG + list(extra) + ["--output", whole]), 0, what="whole"):
            return
        out = ctx.p("out")
        at = ctx.rng.uniform(0.8, 2.5)
        sig_name = signal.Signals(sig).name
        res = ctx.run_signal(["sensitivity"] + SENS_LONG + list(extra) + ["--output", out], sig, at)
        if sig == signal.SIGKILL:
            if res.early:
                ctx.fail("wrong exit", "finished before the signal: the case is too small")
                return
        elif not ctx.expect_interrupted(res, sig_name, what="%s at %.2f s" % (sig_name, at)):
            return
        if res.rc != 0:
            ctx.absent([os.path.join(out, name)], "an interrupted sensitivity wrote %s" % name)
        res = ctx.run(["sensitivity"] + SENS_LONG + list(extra) + ["--output", out, "--resume"])
        if not ctx.expect(res, 0, what="--resume after %s" % sig_name):
            return
        if read(os.path.join(out, name)) != read(os.path.join(whole, name)):
            ctx.fail("loss", "the resumed %s differs from an analysis never stopped" % name)
        ctx.no_temp_files(out, "after --resume")
    return fn


add(1, "sensitivity: SIGINT at a seeded point, then --resume gives the same sensitivity.csv",
    sensitivity_interrupt(signal.SIGINT))
add(1, "sensitivity: SIGTERM at a seeded point, then --resume", sensitivity_interrupt(signal.SIGTERM))
add(1, "sensitivity: SIGKILL at a seeded point, then --resume", sensitivity_interrupt(signal.SIGKILL))
add(1, "sensitivity --uncertainty: SIGINT at a seeded point, then --resume gives the same samples",
    sensitivity_interrupt(signal.SIGINT, ["--uncertainty", "14"]))


def sensitivity_shard_interrupt(sig):
    """A shard of a sensitivity analysis stopped at a seeded point (issue 16): exit 1, its store keeps what it
    finished; --resume finishes it, and merge of the two shards gives the whole analysis's sensitivity.csv."""
    def fn(ctx):
        whole = ctx.p("whole")
        if not ctx.expect(ctx.run(["sensitivity"] + SENS_LONG + ["--output", whole]), 0, what="whole"):
            return
        shards = [ctx.p("s0"), ctx.p("s1")]
        at = ctx.rng.uniform(0.6, 2.0)
        sig_name = signal.Signals(sig).name
        res = ctx.run_signal(["sensitivity"] + SENS_LONG + ["--shard", "0/2", "--output", shards[0]], sig, at)
        if sig == signal.SIGKILL:
            if res.early:
                ctx.fail("wrong exit", "finished before the signal: the case is too small")
                return
        elif not ctx.expect_interrupted(res, sig_name, what="%s at %.2f s" % (sig_name, at)):
            return
        ctx.absent([os.path.join(shards[0], "sensitivity.csv")], "a shard wrote sensitivity.csv")
        merged = ctx.p("merged")
        res = ctx.run(["merge"] + shards + ["--quiet", "--output", merged])
        if res.rc == 0:
            ctx.fail("loss", "merge of an unfinished shard (and a missing one) succeeded")
        for index, shard in enumerate(shards):
            res = ctx.run(["sensitivity"] + SENS_LONG + ["--shard", "%d/2" % index, "--output", shard, "--resume"])
            if not ctx.expect(res, 0, what="shard %d/2 --resume" % index):
                return
        res = ctx.run(["merge"] + shards + ["--quiet", "--output", merged])
        if not ctx.expect(res, 0, what="merge"):
            return
        if read(os.path.join(merged, "sensitivity.csv")) != read(os.path.join(whole, "sensitivity.csv")):
            ctx.fail("loss", "the merged sensitivity.csv differs from the whole analysis's")
        ctx.no_temp_files(merged, "after merge")
    return fn


add(1, "sensitivity --shard 0/2: SIGINT at a seeded point, --resume, merge gives the whole's sensitivity.csv",
    sensitivity_shard_interrupt(signal.SIGINT))
add(1, "sensitivity --shard 0/2: SIGKILL at a seeded point, --resume, merge gives the whole's sensitivity.csv",
    sensitivity_shard_interrupt(signal.SIGKILL))


@case(4, "merge of the shards of two sensitivity analyses, or of a sweep and an analysis, is refused naming both")
def _(ctx):
    keys = ["--keys", "interventions.dibao.standard"]
    a, b = ctx.p("a"), ctx.p("b")
    for out, change in ((a, "20%"), (b, "10%")):
        if not ctx.expect(ctx.run(["sensitivity", "scenarios/baseline.yaml"] + TINY + keys +
                                  ["--change", change, "--shard", "0/1", "--quiet", "--output", out]), 0, what=out):
            return
    res = ctx.run(["merge", a, b, "--output", ctx.p("out")])
    ctx.expect(res, 2, names=["a/sensitivity.sqlite", "b/sensitivity.sqlite", "--change"])
    res = ctx.run(["merge", a, fixture(ctx.suite, "sweep-tiny"), "--output", ctx.p("out")])
    ctx.expect(res, 2, names=["not a sensitivity shard", "sweep-tiny"])
    ctx.absent([ctx.p("out/sensitivity.csv"), ctx.p("out/sensitivity.sqlite"), ctx.p("out/sweep.csv")],
               "a refused merge wrote results")


@case(1, "merge: interrupted, then merged again: sweep.csv equals the input's")
def _(ctx):
    src = fixture(ctx.suite, "sweep-merge")
    out = ctx.p("out")
    at = ctx.rng.uniform(0.3, 1.2)
    res = ctx.run_signal(["merge", src, "--quiet", "--output", out], signal.SIGINT, at)
    ctx.expect_interrupted(res, "SIGINT", what="SIGINT at %.2f s" % at)
    res = ctx.run(["merge", src, "--quiet", "--output", out])
    if ctx.expect(res, 0, what="merge again"):
        if read(os.path.join(out, "sweep.csv")) != read(os.path.join(src, "sweep.csv")):
            ctx.fail("loss", "the merged sweep.csv differs from the input's")


@case(1, "run: an interrupted identical re-run leaves the earlier complete results intact")
def _(ctx):
    out = ctx.p("out")
    args = LONG_COMMANDS["run"][0](ctx)
    if not ctx.expect(ctx.run(args), 0, what="first run"):
        return
    before = snapshot(out)
    at = ctx.rng.uniform(0.4, 1.8)
    res = ctx.run_signal(args, signal.SIGINT, at)
    ctx.expect_interrupted(res, "SIGINT", what="SIGINT at %.2f s" % at)
    ctx.intact(before, out, "an interrupted re-run changed the earlier results")
    ctx.no_temp_files(out)


@case(1, "sweep: SIGINT during --resume of a finished store keeps it complete and sweep.csv intact")
def _(ctx):
    out = copy_fixture(ctx, "sweep-tiny", ctx.p("A"))
    res = ctx.run_signal(["sweep"] + SWEEP_TINY + ["--output", out, "--resume"], signal.SIGINT, 0.05)
    ctx.expect(res, {0, 1}, what="SIGINT at 0.05 s")
    if os.path.exists(os.path.join(out, "sweep.csv")) and \
            read(os.path.join(out, "sweep.csv")) != read(os.path.join(fixture(ctx.suite, "sweep-tiny"), "sweep.csv")):
        ctx.fail("loss", "sweep.csv changed")
    elif not os.path.exists(os.path.join(out, "sweep.csv")):
        ctx.fail("loss", "sweep.csv of the complete sweep was removed")


def compare_kill_on_writes(k):
    """SIGKILL a compare as soon as its output folder holds k files (a seeded k: the kill lands in the writes, not
    in the simulation); then report must either refuse (exit 2) or find the whole comparison."""
    def fn(ctx):
        if not shutil.which("gnuplot"):
            raise Skip("gnuplot is not installed")
        names = ("baseline", "combined", "training", "insurance", "dibao-expansion")
        out = ctx.p("out")
        args = ["compare"] + ["scenarios/%s.yaml" % n for n in names] + TINY + ["--quiet", "--output", out]
        total = 2 * len(names) + 2
        want = ctx.rng.randint(1 + (total * k) // 3, max(1 + (total * k) // 3, (total * (k + 1)) // 3 - 1))
        proc = ctx.start(args)
        seen = 0
        while proc.poll() is None:
            seen = sum(len(fs) for _, _, fs in os.walk(out)) if os.path.isdir(out) else 0
            if seen >= want:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.0005)
        res = ctx.finish(proc, sent=signal.SIGKILL)
        if res.rc == 0:
            ctx.fail("wrong exit", "compare finished before its folder held %d files (saw %d): nothing was killed" %
                     (want, seen))
            return
        files = sorted(os.path.relpath(os.path.join(d, f), out) for d, _, fs in os.walk(out) for f in fs
                       if not f.startswith("."))
        if not files:
            return
        rep = ctx.run(["report", out, "--quiet"])
        complete = os.path.exists(os.path.join(out, "compare.csv")) and os.path.exists(
            os.path.join(out, "compare.json")) and all(
            os.path.exists(os.path.join(out, n, f)) for n in names for f in ("summary.csv", "run.json"))
        if rep.rc == 0 and not complete:
            ctx.fail("loss", "SIGKILL after %d files left a partial comparison (%s) that report presents as complete"
                     % (want, ", ".join(files[:4]) + (" …" if len(files) > 4 else "")))
        elif rep.rc != 0:
            ctx.expect(rep, 2, what="report after SIGKILL")
    return fn


for _k in range(3):
    add(1, "compare SIGKILLed in its writes (seeded point %d of 3): report never presents a partial comparison as "
           "complete" % (_k + 1), compare_kill_on_writes(_k))


# ============================================================================================ 2. limits

HUGE = ["--households", "100000000", "--replicates", "100000", "--years", "100"]


def limit_case(args_fn, env=None, names=(), pattern=r"(?i)memory"):
    def fn(ctx):
        res = ctx.run(args_fn(ctx), env=ctx.env(env), memory=ctx.suite.limit_memory)
        if ctx.expect(res, 2, names=names, patterns=[pattern]):
            if res.elapsed > 10:
                ctx.fail("hang", "refused only after %.1f s (must refuse up front)" % res.elapsed)
        ctx.absent([ctx.p("out/sweep.csv"), ctx.p("out/reference/summary.csv")], "a refused run wrote results")
    return fn


for _label, _args in [
    ("run", lambda ctx: ["run", "scenarios/reference.yaml"] + HUGE + ["--output", ctx.p("out")]),
    ("compare", lambda ctx: ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + HUGE +
     ["--output", ctx.p("out")]),
    ("sweep", lambda ctx: ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000"] +
     HUGE + ["--output", ctx.p("out")]),
    ("sweep --sample", lambda ctx: ["sweep", "scenarios/reference.yaml", "--sample", "3", "--grid",
                                    "interventions.dibao.standard=4000..5000"] + HUGE + ["--output", ctx.p("out")]),
    ("calibrate", lambda ctx: ["calibrate", "scenarios/reference.yaml", "--target", "cumulative_repoverty_rate=0.3",
                               "--free", "interventions.dibao.standard=4000..6000"] + HUGE +
     ["--output", ctx.p("out/fit.yaml")]),
    ("bench", lambda ctx: ["bench"] + HUGE),
    ("population", lambda ctx: ["population", "scenarios/reference.yaml", "--households", "1000000000000",
                                "--output", ctx.p("out")]),
]:
    # population synthesises one replicate and keeps no tallies: it refuses more households than a run may have
    # (run.households ≤ 10^8), which bounds its memory, and says so.
    add(2, "%s refuses 10^8 households x 10^5 replicates x 100 years up front (exit 2, memory)" % _label,
        limit_case(_args, pattern=r"(?i)memory|at most 100,000,000" if _label == "population" else r"(?i)memory"),
        timeout=12)

MODERATE = ["--households", "200000", "--replicates", "200", "--years", "5"]
for _label, _args in [
    ("run", lambda ctx: ["run", "scenarios/reference.yaml"] + MODERATE + ["--output", ctx.p("out")]),
    ("sweep", lambda ctx: ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000"] +
     MODERATE + ["--output", ctx.p("out")]),
    ("compare", lambda ctx: ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + MODERATE +
     ["--output", ctx.p("out")]),
    ("calibrate", lambda ctx: ["calibrate", "scenarios/reference.yaml", "--target", "cumulative_repoverty_rate=0.3",
                               "--free", "interventions.dibao.standard=4000..6000"] + MODERATE +
     ["--output", ctx.p("out/fit.yaml")]),
]:
    add(2, "%s honours REPOVERTY_MEMORY_LIMIT=1M (exit 2 up front)" % _label,
        limit_case(_args, env={"REPOVERTY_MEMORY_LIMIT": "1M"}), timeout=12)


@case(2, "reproduce refuses a run.json edited to 10^8 households x 10^5 replicates (exit 2)", timeout=30)
def _(ctx):
    run = copy_fixture(ctx, "run-tiny", ctx.p("rec"))
    path = os.path.join(run, "reference", "run.json")
    d = json.load(open(path))
    d["households"], d["replicates"], d["years"] = 100000000, 100000, 100
    p = d.get("parameters", {}).get("run", {})
    p.update({"households": 100000000, "replicates": 100000, "years": 100})
    json.dump(d, open(path, "w"), indent=2)
    res = ctx.run(["reproduce", path, "--quiet"], memory=ctx.suite.limit_memory)
    if ctx.expect(res, 2, names=["run.json"], patterns=[r"(?i)memory"]) and res.elapsed > 10:
        ctx.fail("hang", "refused only after %.1f s" % res.elapsed)


@case(2, "a malformed REPOVERTY_MEMORY_LIMIT is bad input naming the variable (exit 2)")
def _(ctx):
    res = ctx.run(["run", "scenarios/reference.yaml"] + TINY + ["--output", ctx.p("out")],
                  env=ctx.env({"REPOVERTY_MEMORY_LIMIT": "lots"}))
    ctx.expect(res, 2, names=["REPOVERTY_MEMORY_LIMIT"])


@case(2, "sweep refuses a grid of 10^9 points up front instead of enumerating it", timeout=30)
def _(ctx):
    res = ctx.run(["sweep", "scenarios/reference.yaml", "--grid", "economy.povertyLine=1:1000000000:1"] + TINY +
                  ["--output", ctx.p("out")], memory=ctx.suite.limit_memory)
    ctx.expect(res, 2, names=["--grid"])


@case(2, "--households 10^30 is refused naming --households (exit 2)")
def _(ctx):
    res = ctx.run(["run", "scenarios/reference.yaml", "--households", "1000000000000000000000000000000",
                   "--output", ctx.p("out")])
    ctx.expect(res, 2, names=["--households"])


@case(2, "plan of a huge sweep answers quickly (no simulation of it)", timeout=30)
def _(ctx):
    res = ctx.run(["plan", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000"] + HUGE,
                  memory=ctx.suite.limit_memory)
    if ctx.expect(res, {0, 2}) and res.elapsed > 15:
        ctx.fail("hang", "plan took %.1f s" % res.elapsed)


# ============================================================================================ 3. generated scripts

def slurm_case(scenario_name, output_name=None, extra=(), expect_refusal=False, command="sweep"):
    """`command --slurm` (sweep, or sensitivity: issue 16) with hostile names: refused, or scripts that run them inert."""
    array, result = ("sweep.sbatch", "sweep.csv") if command == "sweep" else ("sensitivity.sbatch", "sensitivity.csv")

    def fn(ctx):
        src = os.path.join(ctx.suite.scratch, "scenarios", "reference.yaml")
        box = ctx.p("box")
        os.makedirs(box)
        scen = os.path.join(box, scenario_name)
        shutil.copy(src, scen)
        with open(scen, "a") as f:
            pass
        text = open(scen).read().replace("extends:", "# extends:")
        open(scen, "w").write(text)
        out = os.path.join(box, output_name or "out")
        what = ["--grid", "interventions.dibao.standard=4000,5000"] if command == "sweep" else \
            ["--keys", "interventions.dibao.standard"]
        args = [command, scen] + what + TINY + \
               ["--quiet", "--output", out, "--slurm", "--tasks", "2"] + list(extra)
        res = ctx.run(args)
        if expect_refusal:
            if ctx.expect(res, 2, patterns=[r"(?i)line break|newline|new line|control"]):
                ctx.absent([os.path.join(out, "slurm")], "a refused --slurm wrote scripts")
            pwned_check(ctx, box)
            return
        if not ctx.expect(res, 0):
            return
        slurm = os.path.join(out, "slurm")
        for script in (array, "merge.sbatch", "submit.sh"):
            path = os.path.join(slurm, script)
            if not os.path.exists(path):
                ctx.fail("loss", "no %s written" % script)
                return
            r = subprocess.run(["bash", "-n", path], stderr=subprocess.PIPE)
            if r.returncode != 0:
                ctx.fail("leak", "%s is not valid shell: %s" % (script, r.stderr.decode()[:120]))
                return
        # Execute them with a fake sbatch: the scripts run the real (tiny) shard and merge; no name may become a command.
        fake = fake_program(ctx, "sbatch", 'echo "$@" >> "%s/sbatch.log"; echo 4242' % ctx.dir)
        env = ctx.env(path_prepend=fake)
        for script, extra_env in (("submit.sh", {}), (array, {"SLURM_ARRAY_TASK_ID": "0"}),
                                  (array, {"SLURM_ARRAY_TASK_ID": "1"}), ("merge.sbatch", {})):
            e = dict(env, **extra_env)
            subprocess.run(["bash", os.path.join(slurm, script)], cwd=box, env=e, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
        pwned_check(ctx, box)
        if not os.path.exists(os.path.join(out, result)):
            ctx.fail("loss", "running the generated scripts made no merged %s (names mangled?)" % result)
    return fn


def pwned_check(ctx, box):
    for dirpath, _, files in os.walk(ctx.dir):
        for f in files:
            if f.startswith("PWNED"):
                ctx.fail("leak", "a name became a shell command: %s was created" % f)
                return


add(3, "--slurm refuses a scenario file name with a newline and a command", slurm_case(
    "evil\ntouch PWNED1\n.yaml", expect_refusal=True))
add(3, "--slurm refuses an --output with a newline and a command", slurm_case(
    "plain.yaml", output_name="out\ntouch PWNED2\n", expect_refusal=True))
add(3, "--slurm quotes $(...) and ; in the scenario file name", slurm_case("x$(touch PWNED3);touch PWNED4.yaml"))
add(3, "--slurm quotes quotes and backticks in --output", slurm_case(
    "plain.yaml", output_name="o'u\"t`touch PWNED5`"))
add(3, "--slurm keeps $(...) and backticks in an --sbatch option inert", slurm_case(
    "plain.yaml", extra=["--sbatch", "--comment=$(touch PWNED6)'\"`touch PWNED7`"]))
add(3, "--slurm refuses an --sbatch option with a newline", slurm_case(
    "plain.yaml", extra=["--sbatch", "--time=1\ntouch PWNED8"], expect_refusal=True))
add(3, "--slurm quotes spaces and a leading dash in the file name", slurm_case("-rf my scenario.yaml"))
add(3, "sensitivity --slurm quotes $(...) and ; in the scenario file name, and its scripts merge", slurm_case(
    "x$(touch PWNED5);touch PWNED6.yaml", command="sensitivity"))
add(3, "sensitivity --slurm refuses an --output with a newline and a command", slurm_case(
    "ok.yaml", output_name="out\ntouch PWNED7", expect_refusal=True, command="sensitivity"))


# ============================================================================================ 4. never replace

def run_into(ctx, out, seed="1", scenario="scenarios/reference.yaml", extra=()):
    return ctx.run(["run", scenario, "--seed", seed] + TINY + ["--quiet", "--output", out] + list(extra))


def different_run_case(second, expect=2, check_replaced=None, edit=None):
    """Results of one run in DIR/reference; `second` is run into the same folder."""
    def fn(ctx):
        out = ctx.p("out")
        res = run_into(ctx, out)
        if not ctx.expect(res, 0, what="first run"):
            return
        if edit:
            edit(ctx, out)
        before = snapshot(out)
        res = second(ctx, out)
        if expect == 2:
            if ctx.expect(res, 2, names=["reference"], patterns=[r"(?i)different|another|--force|already"]):
                ctx.intact(before, out, "a refused run replaced the results")
            elif res.rc == 0:
                ctx.fail("loss", "silently replaced the results of a different run")
        else:
            if ctx.expect(res, expect) and check_replaced:
                check_replaced(ctx, out)
        ctx.no_temp_files(out)
    return fn


add(4, "run with another seed into a folder of results refuses (exit 2), the results intact",
    different_run_case(lambda ctx, out: run_into(ctx, out, seed="2")))
add(4, "run with other sizes into a folder of results refuses (exit 2)",
    different_run_case(lambda ctx, out: ctx.run(["run", "scenarios/reference.yaml", "--households", "300",
                                                 "--replicates", "2", "--years", "2", "--threads", "1", "--quiet",
                                                 "--output", out])))


def _other_content(ctx, out):
    path = ctx.write("other/reference.yaml", "extends: %s\nshocks:\n  flood:\n    probability: 0.3\n" %
                     os.path.join(ctx.suite.scratch, "scenarios", "reference.yaml"))
    return run_into(ctx, out, scenario=path)


add(4, "run of another scenario content with the same name refuses (exit 2)", different_run_case(_other_content))


def _edit_version(ctx, out):
    path = os.path.join(out, "reference", "run.json")
    d = json.load(open(path))
    d["version"] = "0.0.1-older"
    json.dump(d, open(path, "w"), indent=2)


add(4, "results of another program version are not replaced without --force (exit 2)",
    different_run_case(lambda ctx, out: run_into(ctx, out), edit=_edit_version))


def _replaced_seed2(ctx, out):
    d = json.load(open(os.path.join(out, "reference", "run.json")))
    if d.get("seed") != 2:
        ctx.fail("loss", "--force exited 0 but run.json still has seed %s" % d.get("seed"))


add(4, "--force replaces the results of a different run (exit 0)",
    different_run_case(lambda ctx, out: run_into(ctx, out, seed="2", extra=["--force"]), expect=0,
                       check_replaced=_replaced_seed2))
add(4, "an identical re-run simply replaces its results (exit 0)",
    different_run_case(lambda ctx, out: run_into(ctx, out), expect=0))


@case(4, "compare into a folder of another comparison refuses (exit 2), compare.csv intact")
def _(ctx):
    out = ctx.p("out")
    base = ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + TINY + ["--quiet", "--output", out]
    if not ctx.expect(ctx.run(base + ["--seed", "1"]), 0, what="first compare"):
        return
    before = snapshot(out)
    res = ctx.run(base + ["--seed", "2"])
    if ctx.expect(res, 2, patterns=[r"(?i)different|another|--force|already"]):
        ctx.intact(before, out, "a refused compare changed the earlier one")
    elif res.rc == 0:
        ctx.fail("loss", "silently replaced a different comparison")


def refused_replacement(first, second, names=(), what="the earlier results"):
    """`first` writes into a folder, then `second` (a different result) into the same folder must exit 2, say how to
    proceed (--force) and leave the folder as it was."""
    def fn(ctx):
        out = ctx.p("out")
        if not ctx.expect(ctx.run(first + ["--quiet", "--output", out]), 0, what="first command"):
            return
        before = snapshot(out)
        res = ctx.run(second + ["--quiet", "--output", out])
        if ctx.expect(res, 2, names=names, patterns=[r"--force"]):
            ctx.intact(before, out, "a refused %s changed %s" % (second[0], what))
        elif res.rc == 0:
            ctx.fail("loss", "%s silently replaced %s" % (second[0], what))
    return fn


add(4, "compare of other scenarios into a folder of a comparison refuses (exit 2), compare.csv intact",
    refused_replacement(["compare", "scenarios/baseline.yaml", "scenarios/training.yaml"] + TINY,
                        ["compare", "scenarios/baseline.yaml", "scenarios/insurance.yaml"] + TINY,
                        names=["training", "insurance"], what="a comparison of other scenarios"))
add(4, "reproduce --output into a folder of a different run refuses (exit 2), the run intact",
    refused_replacement(["run", "scenarios/reference.yaml"] + TINY + ["--seed", "3"],
                        ["reproduce", os.path.join(REPO, "results/reference/reference/run.json")],
                        what="a different run"))


def list_tree(ctx):
    """A results tree with a run, broken records, a symlink loop, a hostile description and a non-store sweep.sqlite."""
    root = ctx.p("tree")
    res = ctx.run(["run", "scenarios/reference.yaml"] + TINY + ["--quiet", "--output", os.path.join(root, "good")])
    if not ctx.expect(res, 0, what="a run to list"):
        return None
    ctx.write("tree/empty/run.json", "")
    ctx.write("tree/garbage/run.json", "\x00\xff{{{" * 100)
    ctx.write("tree/other/run.json", '{"program": "not-repoverty", "scenario": "x"}')
    ctx.write("tree/fake/sweep.sqlite", "SQLite format 3\x00 but not really")
    ctx.write("tree/fake/compare.json", '{"program": "repoverty", "version": "0", "scenarios": []}')
    record = json.loads(read(os.path.join(root, "good/reference/run.json")))
    record["scenario"] = "evil,\"name\"\n\x1b[2J"
    record["description"] = "line one\nline two\x1b]0;title\x07" + "x" * 5000
    record["seed"] = 18446744073709551615
    ctx.write("tree/evil/run.json", json.dumps(record))
    os.symlink(root, os.path.join(root, "loop"))
    os.symlink("/nonexistent/place", os.path.join(root, "dangling"))
    deep = root
    for i in range(40):
        deep = os.path.join(deep, "d")
    os.makedirs(deep)
    shutil.copy(os.path.join(root, "good/reference/run.json"), os.path.join(deep, "run.json"))
    return root


@case(9, "list of a tree with broken records, links and hostile text: exit 0, every good record, one line each")
def _(ctx):
    root = list_tree(ctx)
    if root is None:
        return
    res = ctx.run(["list", root])
    if not ctx.expect(res, 0):
        return
    out = res.out.decode("utf-8", "replace")
    if "\x1b" in out:
        ctx.fail("weak message", "list printed an escape sequence from a record")
    lines = out.splitlines()
    if not any(l.startswith("run ") and " good/reference " in l for l in lines):
        ctx.fail("loss", "the good run is not listed: " + brief(out))
    if not any(l.startswith("run ") and "evil" in l for l in lines):
        ctx.fail("loss", "the run with a hostile name is not listed")
    if len(lines) != 3:
        ctx.fail("weak message", "expected a header and two runs (links not followed, depth bounded), got %d lines: %s"
                 % (len(lines), brief(out)))
    if max(len(l) for l in lines) > 600:
        ctx.fail("weak message", "a %d-character line: a description was not cut short" % max(len(l) for l in lines))
    err = res.err.decode("utf-8", "replace")
    for name in ["empty/run.json", "garbage/run.json", "other/run.json", "fake/sweep.sqlite", "fake/compare.json"]:
        if name not in err:
            ctx.fail("weak message", "the unreadable %s is not reported on standard error: %s" % (name, brief(err)))
            break


@case(9, "list --format csv and json keep hostile text and a 64-bit seed exact")
def _(ctx):
    root = list_tree(ctx)
    if root is None:
        return
    res = ctx.run(["list", root, "--format", "csv"])
    if ctx.expect(res, 0, what="csv"):
        rows = list(csv.DictReader(io.StringIO(res.out.decode("utf-8"))))
        evil = [r for r in rows if r["path"] == "evil"]
        if len(evil) != 1 or evil[0]["seed"] != "18446744073709551615" or not evil[0]["scenario"].startswith('evil,"name"'):
            ctx.fail("loss", "the csv row of the hostile run is not read back exactly: %r" % (evil,))
    res = ctx.run(["list", root, "--format", "json"])
    if ctx.expect(res, 0, what="json"):
        try:
            document = json.loads(res.out.decode("utf-8"))
        except ValueError as error:
            ctx.fail("loss", "list --format json is not JSON: %s" % error)
            return
        evil = [e for e in document["entries"] if e["path"] == "evil"]
        if len(evil) != 1 or evil[0]["seed"] != "18446744073709551615":
            ctx.fail("loss", "the json entry of the hostile run lost its seed: %r" % (evil[:1],))
        if len(document.get("problems", [])) < 5:
            ctx.fail("weak message", "json lists %d problems, expected the 5 broken records" % len(document.get("problems", [])))


@case(9, "list of a missing folder or a file: exit 2 naming it")
def _(ctx):
    missing = ctx.p("nowhere")
    ctx.expect(ctx.run(["list", missing]), 2, names=["nowhere"])
    ctx.write("a-file", "x")
    ctx.expect(ctx.run(["list", ctx.p("a-file")]), 2, names=["a-file"])


@case(4, "merge --output A refuses when A holds a complete, different sweep (exit 2), A intact")
def _(ctx):
    a = copy_fixture(ctx, "sweep-tiny", ctx.p("A"))
    other = fixture(ctx.suite, "sweep-tiny-other")
    before = snapshot(a)
    res = ctx.run(["merge", other, "--quiet", "--output", a])
    if ctx.expect(res, 2, names=["A"], patterns=[r"(?i)different|another|--force|already"]):
        ctx.intact(before, a, "a refused merge changed A")
    elif res.rc == 0:
        ctx.fail("loss", "merge silently replaced a different complete sweep in A")


@case(4, "merge --output A of the identical sweep replaces it (exit 0)")
def _(ctx):
    a = copy_fixture(ctx, "sweep-tiny", ctx.p("A"))
    res = ctx.run(["merge", fixture(ctx.suite, "sweep-tiny"), "--quiet", "--output", a])
    if ctx.expect(res, 0):
        if read(os.path.join(a, "sweep.csv")) != read(os.path.join(fixture(ctx.suite, "sweep-tiny"), "sweep.csv")):
            ctx.fail("loss", "the merged sweep.csv differs")


@case(4, "sweep into an existing store without --resume refuses (exit 2), store intact")
def _(ctx):
    a = copy_fixture(ctx, "sweep-tiny", ctx.p("A"))
    before = snapshot(a)
    res = ctx.run(["sweep"] + SWEEP_TINY + ["--output", a])
    if ctx.expect(res, 2, names=["--resume"]):
        ctx.intact(before, a, "a refused sweep changed the store")


@case(4, "sweep --resume into the store of another sweep refuses (exit 2), store intact")
def _(ctx):
    a = copy_fixture(ctx, "sweep-tiny-other", ctx.p("A"))
    before = snapshot(a)
    res = ctx.run(["sweep"] + SWEEP_TINY + ["--output", a, "--resume"])
    if ctx.expect(res, 2):
        ctx.intact(before, a, "a refused sweep changed the store")


@case(4, "two runs with different seeds into one folder at once: never a mixed set, never both exit 0")
def _(ctx):
    out = ctx.p("out")
    common = ["run", "scenarios/reference.yaml", "--households", "16000", "--replicates", "2", "--years", "3",
              "--threads", "1", "--quiet", "--output", out]
    a = ctx.start(common + ["--seed", "1"])
    b = ctx.start(common + ["--seed", "2"])
    ra, rb = ctx.finish(a), ctx.finish(b)
    for r, w in ((ra, "run A"), (rb, "run B")):
        ctx.expect(r, {0, 1, 2}, what=w)
    if ra.rc == 0 and rb.rc == 0:
        ctx.fail("loss", "both concurrent runs exited 0: one silently replaced the other's different results")
    elif 0 not in (ra.rc, rb.rc):
        ctx.fail("wrong exit", "neither concurrent run succeeded (exits %s, %s)" % (ra.rc, rb.rc))
    else:
        loser = rb if ra.rc == 0 else ra
        ctx.expect(loser, 2 if loser.rc == 2 else 1, names=["reference"], what="the refused run")
    run_json = os.path.join(out, "reference", "run.json")
    if os.path.exists(run_json):
        rep = ctx.run(["reproduce", run_json, "--quiet", "--threads", "1"])
        if rep.rc == 1:
            ctx.fail("loss", "run.json of one run beside summary.csv of the other (reproduce: %s)" % brief(rep.text))
    ctx.no_temp_files(out)


@case(4, "two different sweeps into one folder at once: one refuses, the store and sweep.csv agree")
def _(ctx):
    out = ctx.p("out")
    a = ctx.start(["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000:5000:250",
                   "--households", "1000", "--replicates", "2", "--years", "2", "--threads", "1", "--quiet",
                   "--output", out])
    b = ctx.start(["sweep", "scenarios/reference.yaml", "--grid", "shocks.flood.probability=0.01:0.05:0.01",
                   "--households", "1000", "--replicates", "2", "--years", "2", "--threads", "1", "--quiet",
                   "--output", out])
    ra, rb = ctx.finish(a), ctx.finish(b)
    ctx.expect(ra, {0, 1, 2}, what="sweep A")
    ctx.expect(rb, {0, 1, 2}, what="sweep B")
    if ra.rc == 0 and rb.rc == 0:
        ctx.fail("loss", "both different sweeps exited 0 in one folder")
    csv = os.path.join(out, "sweep.csv")
    if os.path.exists(csv):
        header = open(csv).readline()
        keys = [k for k in ("interventions.dibao.standard", "shocks.flood.probability") if k in header]
        winner = "interventions.dibao.standard" if ra.rc == 0 else "shocks.flood.probability"
        if keys != [winner]:
            ctx.fail("loss", "sweep.csv holds %s but the sweep that succeeded swept %s" % (keys, winner))
        rows = len(open(csv).read().splitlines()) - 1
        if rows != 5:
            ctx.fail("loss", "sweep.csv has %d rows, expected 5" % rows)


@case(4, "a scenario file named '...yaml' (name '..') writes nothing above --output")
def _(ctx):
    box = ctx.p("box")
    scen = ctx.write("src/...yaml", "extends: %s\n" % os.path.join(ctx.suite.scratch, "scenarios", "reference.yaml"))
    out = os.path.join(box, "out")
    os.makedirs(out)
    res = ctx.run(["run", scen] + TINY + ["--quiet", "--output", out])
    ctx.expect(res, {0, 2}, names=["...yaml"])
    stray = [f for f in os.listdir(box) if f != "out"]
    if stray:
        ctx.fail("loss", "wrote outside --output: %s" % ", ".join(stray))


def reproduce_escape(scenario_field):
    def fn(ctx):
        rec = copy_fixture(ctx, "run-tiny", ctx.p("box/rec"))
        path = os.path.join(rec, "reference", "run.json")
        d = json.load(open(path))
        d["scenario"] = scenario_field.replace("@", ctx.dir)
        json.dump(d, open(path, "w"), indent=2)
        out = ctx.p("box/out")
        before = set(os.listdir(ctx.p("box")))
        res = ctx.run(["reproduce", path, "--quiet", "--output", out])
        ctx.expect(res, {1, 2}, names=["run.json"] if res.rc == 2 else [])
        stray = set(os.listdir(ctx.p("box"))) - before - {"out"}
        if stray or os.path.exists(ctx.p("abs-escape")) or os.path.exists(ctx.p("escape")):
            ctx.fail("loss", "reproduce wrote outside --output through the scenario field %r" % scenario_field)
    return fn


add(4, "reproduce does not use run.json's scenario field '../escape' as a path", reproduce_escape("../escape"))
add(4, "reproduce does not use an absolute scenario field as a path", reproduce_escape("@/abs-escape"))


def collision_case(name):
    def fn(ctx):
        scen = ctx.write("src/%s.yaml" % name, "extends: %s\ninterventions:\n  dibao:\n    standard: 6000\n" %
                         os.path.join(ctx.suite.scratch, "scenarios", "baseline.yaml"))
        out = ctx.p("out")
        res = ctx.run(["compare", "scenarios/baseline.yaml", scen] + TINY + ["--quiet", "--output", out])
        ctx.expect(res, 2, names=[name])
        if res.rc == 2 and os.path.exists(out) and os.listdir(out):
            ctx.fail("loss", "a refused compare wrote %s" % ", ".join(os.listdir(out)))
    return fn


add(4, "compare with a scenario named compare.csv (compare.csv.yaml) refuses the collision", collision_case("compare.csv"))
add(4, "compare with a scenario named compare.json refuses the collision", collision_case("compare.json"))


@case(4, "a symlink in the results folder is replaced, never written through")
def _(ctx):
    out = ctx.p("out")
    victim = ctx.write("victim.txt", "precious\n")
    os.makedirs(os.path.join(out, "reference"))
    os.symlink(victim, os.path.join(out, "reference", "summary.csv"))
    os.symlink(victim, os.path.join(out, "reference", "run.json"))
    res = run_into(ctx, out)
    ctx.expect(res, {0, 2})
    if read(victim) != b"precious\n":
        ctx.fail("loss", "wrote through a symlink into a file outside --output")


@case(4, "population into a folder of another population refuses (exit 2)")
def _(ctx):
    out = ctx.p("out")
    base = ["population", "scenarios/liangshan-2020.yaml", "--households", "2000", "--quiet", "--output", out]
    if not ctx.expect(ctx.run(base + ["--seed", "1"]), 0, what="first population"):
        return
    before = snapshot(out)
    res = ctx.run(base + ["--seed", "2"])
    if ctx.expect(res, 2, patterns=[r"(?i)different|another|--force|already"]):
        ctx.intact(before, out, "a refused population changed population.csv")


@case(4, "calibrate --output over a user's own scenario file refuses (exit 2), the file intact")
def _(ctx):
    mine = ctx.write("mine.yaml", "# my hand-written scenario\nextends: %s\n" %
                     os.path.join(ctx.suite.scratch, "scenarios", "baseline.yaml"))
    before = read(mine)
    res = ctx.run(["calibrate", "scenarios/baseline.yaml", "--target", "cumulative_repoverty_rate=0.25", "--free",
                   "interventions.dibao.standard=4000..6500", "--max-iterations", "2"] + TINY +
                  ["--quiet", "--output", mine])
    ctx.expect(res, 2, names=["mine.yaml"])
    if read(mine) != before:
        ctx.fail("loss", "calibrate replaced a file it did not write")


# ============================================================================================ 5. leaks

def leak_case(make, command, leak_strings=(), name_of=None, code=2, timeout=None, memory=None):
    def fn(ctx):
        target = make(ctx)
        planted = set(files_with_secret(ctx.dir))
        res = ctx.run(command(ctx, target), memory=memory or ctx.suite.limit_memory, timeout=timeout)
        ctx.expect(res, code, names=[name_of(ctx, target) if name_of else os.path.basename(target)],
                   leak_strings=leak_strings)
        for path in files_with_secret(ctx.dir):
            if path not in planted and not os.path.basename(path).startswith(("stdout.", "stderr.")):
                ctx.fail("leak", "the secret was copied into %s" % os.path.relpath(path, ctx.dir))
                return
    return fn


def files_with_secret(root):
    for dirpath, _, files in os.walk(root):
        for f in files:
            path = os.path.join(dirpath, f)
            if os.path.isfile(path) and not stat.S_ISFIFO(os.stat(path).st_mode) and SECRET.encode() in \
                    read_head(path, 1 << 20):
                yield path


def secret_file(ctx, name="secret/.env", text=SECRET_ENV):
    return ctx.write(name, text)


def extends_file(target_fn):
    def make(ctx):
        target = target_fn(ctx)
        return ctx.write("scen/mine.yaml", "extends: %s\ndescription: mine\n" % target)
    return make


def validate(ctx, path):
    return ["validate", path]


def run_it(ctx, path):
    return ["run", path] + TINY + ["--output", ctx.p("out")]


add(5, "extends: /etc/passwd prints nothing of it", leak_case(
    extends_file(lambda ctx: "/etc/passwd"), validate, leak_strings=["root:x:0:0", "/bin/bash", "/usr/sbin/nologin"],
    name_of=lambda ctx, t: "passwd"))
add(5, "extends: a .env with a token prints nothing of it (validate)", leak_case(
    extends_file(secret_file), validate, name_of=lambda ctx, t: ".env"))
add(5, "extends: a .env with a token prints nothing of it (run)", leak_case(
    extends_file(secret_file), run_it, name_of=lambda ctx, t: ".env"))
add(5, "extends: a JSON credentials file prints nothing of it", leak_case(
    extends_file(lambda ctx: secret_file(ctx, "secret/creds.json", '{"token": "%s", "user": "admin"}\n' % SECRET)),
    validate, name_of=lambda ctx, t: "creds.json"))
add(5, "extends: a YAML mapping of secrets (not a scenario) prints no value", leak_case(
    extends_file(lambda ctx: secret_file(ctx, "secret/config.yaml", "api_key: %s\npassword: %s\n" % (SECRET, SECRET))),
    validate, name_of=lambda ctx, t: "config.yaml"))
add(5, "extends: a file whose only line is the token prints nothing of it", leak_case(
    extends_file(lambda ctx: secret_file(ctx, "secret/token.txt", SECRET + "\n")), validate,
    name_of=lambda ctx, t: "token.txt"))
add(5, "extends: a token file with a colon (a YAML scalar key) prints nothing of it", leak_case(
    extends_file(lambda ctx: secret_file(ctx, "secret/id_token", "Authorization: Bearer %s\n" % SECRET)), validate,
    name_of=lambda ctx, t: "id_token"))
add(5, "validate of a .env given directly as the scenario prints nothing of it", leak_case(
    secret_file, validate, name_of=lambda ctx, t: ".env"))
add(5, "run of a .env given directly prints nothing of it", leak_case(
    secret_file, run_it, name_of=lambda ctx, t: ".env"))
add(5, "a scenario symlinked to a .env prints nothing of it", leak_case(
    lambda ctx: (os.makedirs(ctx.p("scen"), exist_ok=True), os.symlink(secret_file(ctx), ctx.p("scen/evil.yaml")),
                 ctx.p("scen/evil.yaml"))[-1], validate, name_of=lambda ctx, t: "evil.yaml"))
add(5, "--set extends=<a .env> prints nothing of it", leak_case(
    secret_file, lambda ctx, t: ["validate", "scenarios/reference.yaml", "--set", "extends=%s" % t],
    name_of=lambda ctx, t: "--set"))
add(5, "sweep of a .env prints nothing of it", leak_case(
    secret_file, lambda ctx, t: ["sweep", t, "--grid", "interventions.dibao.standard=4000,5000"] + TINY +
    ["--output", ctx.p("out")], name_of=lambda ctx, t: ".env"))
add(5, "calibrate of a .env prints nothing of it", leak_case(
    secret_file, lambda ctx, t: ["calibrate", t, "--target", "cumulative_repoverty_rate=0.3", "--free",
                                 "interventions.dibao.standard=4000..6000", "--output", ctx.p("out/fit.yaml")],
    name_of=lambda ctx, t: ".env"))
add(5, "population of a .env prints nothing of it", leak_case(
    secret_file, lambda ctx, t: ["population", t, "--households", "100", "--output", ctx.p("out")],
    name_of=lambda ctx, t: ".env"))
add(5, "reproduce of a .env (as run.json) prints nothing of it", leak_case(
    secret_file, lambda ctx, t: ["reproduce", t], name_of=lambda ctx, t: ".env"))
add(5, "merge of a .env (as a shard) prints nothing of it", leak_case(
    secret_file, lambda ctx, t: ["merge", t, "--output", ctx.p("out")], name_of=lambda ctx, t: ".env"))
add(5, "report of a folder whose summary.csv is a .env prints nothing of it", leak_case(
    lambda ctx: (copy_fixture(ctx, "run-tiny", ctx.p("res")),
                 shutil.copy(secret_file(ctx), ctx.p("res/reference/summary.csv")), ctx.p("res"))[-1],
    lambda ctx, t: ["report", t, "--quiet"], name_of=lambda ctx, t: "summary.csv"))
add(5, "extends: /proc/self/environ (with a secret variable) prints nothing of it", leak_case(
    extends_file(lambda ctx: "/proc/self/environ"), validate, name_of=lambda ctx, t: "environ"))
add(5, "a 100 kB value in a scenario is echoed cut short, if at all", leak_case(
    lambda ctx: ctx.write("scen/long.yaml", "shocks:\n  flood:\n    probability: \"%s\"\n" % ("A" * 100000)),
    validate, name_of=lambda ctx, t: "long.yaml"))
add(5, "a 100 kB unknown key is echoed cut short, if at all", leak_case(
    lambda ctx: ctx.write("scen/longkey.yaml", "shocks:\n  %s: 1\n" % ("k" * 100000)),
    validate, name_of=lambda ctx, t: "longkey.yaml"))
add(5, "extends: /dev/zero neither hangs nor floods (exit 2)", leak_case(
    extends_file(lambda ctx: "/dev/zero"), validate, name_of=lambda ctx, t: "/dev/zero", timeout=20))
add(5, "extends: /dev/urandom neither hangs nor echoes bytes (exit 2)", leak_case(
    extends_file(lambda ctx: "/dev/urandom"), validate, name_of=lambda ctx, t: "/dev/urandom", timeout=20))


def _fifo(ctx):
    os.makedirs(ctx.p("secret"), exist_ok=True)
    os.mkfifo(ctx.p("secret/pipe.yaml"))
    return ctx.p("secret/pipe.yaml")


add(5, "extends: a FIFO nobody writes is refused, not waited on (exit 2)", leak_case(
    extends_file(_fifo), validate, name_of=lambda ctx, t: "pipe.yaml", timeout=20))
add(5, "extends: a binary file echoes no bytes of it", leak_case(
    extends_file(lambda ctx: secret_file(ctx, "secret/blob.bin", b"\x7fELF\x02\x01\x01\x00" + SECRET.encode() +
                                         b"\x00\xff\xfe")), validate, name_of=lambda ctx, t: "blob.bin"))


# Run the /proc/self/environ case with the secret in the environment.
_environ_case = [c for c in CASES if "environ" in c.name][0]
_environ_fn = _environ_case.fn


def _environ_with_secret(ctx):
    old = ctx.env
    ctx.env = lambda extra=None, path_prepend=None: dict(old(extra, path_prepend), ADV_TOKEN=SECRET)
    return _environ_fn(ctx)


_environ_case.fn = _environ_with_secret


# ============================================================================================ 6. external programs

def report_with_gnuplot(body, code, patterns=(), env=None, max_seconds=None, names=(), max_line=400):
    def fn(ctx):
        res_dir = copy_fixture(ctx, "compare-tiny", ctx.p("res"))
        folder = fake_program(ctx, "gnuplot", body) if body is not None else None
        e = ctx.env(env or {}, path_prepend=folder)
        if body is None:  # no gnuplot on PATH at all
            os.makedirs(ctx.p("emptybin"))
            e["PATH"] = ctx.p("emptybin")
        res = ctx.run(["report", res_dir, "--quiet"], env=e)
        if ctx.expect(res, code, patterns=patterns, names=names, max_line=max_line):
            if max_seconds and res.elapsed > max_seconds:
                ctx.fail("hang", "took %.1f s (limit %.0f s)" % (res.elapsed, max_seconds))
        if res.rc != 0:
            ctx.absent([os.path.join(res_dir, "report.html")], "a failed report left report.html")
            charts = os.path.join(res_dir, "charts")
            if os.path.isdir(charts) and os.listdir(charts):
                ctx.fail("loss", "a failed report left %d charts" % len(os.listdir(charts)))
        ctx.no_temp_files(res_dir)
    return fn


add(6, "a gnuplot that sleeps forever is stopped after REPOVERTY_GNUPLOT_TIMEOUT=1 (exit 1)", report_with_gnuplot(
    "exec sleep 600", 1, patterns=[r"gnuplot"], env={"REPOVERTY_GNUPLOT_TIMEOUT": "1"}, max_seconds=8), timeout=20)
add(6, "a gnuplot that ignores SIGTERM and sleeps is still stopped (exit 1)", report_with_gnuplot(
    "trap '' TERM INT\nwhile :; do sleep 1; done", 1, patterns=[r"gnuplot"], env={"REPOVERTY_GNUPLOT_TIMEOUT": "1"},
    max_seconds=10), timeout=20)
add(6, "a gnuplot whose background child holds stderr open does not hang report", report_with_gnuplot(
    "sleep 600 &\nexit 1", 1, patterns=[r"gnuplot"], env={"REPOVERTY_GNUPLOT_TIMEOUT": "1"}, max_seconds=10),
    timeout=20)
add(6, "a gnuplot writing 100 MB to stderr: at most 2,000 bytes of it kept (exit 1)", report_with_gnuplot(
    "head -c 100000000 /dev/zero | tr '\\0' 'x' >&2\nexit 1", 1, patterns=[r"gnuplot"], max_seconds=30,
    max_line=2300))
add(6, "a gnuplot that exits 0 without drawing: exit 1, no report", report_with_gnuplot(
    "cat > /dev/null\nexit 0", 1, patterns=[r"gnuplot|chart|image|PNG|png"]))
add(6, "a gnuplot that writes garbage instead of a PNG: exit 1, no report", report_with_gnuplot(
    'if [ "$1" = -e ]; then exit 0; fi\n'
    'out=$(sed -n "s/^set output [\'\\"]\\(.*\\)[\'\\"]$/\\1/p" "$1" | head -1)\n'
    '[ -n "$out" ] && printf "not a png" > "$out"\nexit 0',
    1, patterns=[r"gnuplot|chart|image|PNG|png"]))
add(6, "a gnuplot killed by a signal: exit 1 naming gnuplot", report_with_gnuplot(
    "kill -9 $$", 1, patterns=[r"gnuplot"]))
add(6, "no gnuplot on PATH: exit 1 saying how to install it", report_with_gnuplot(
    None, 1, patterns=[r"(?i)gnuplot", r"apt-get install|install"]))
add(6, "REPOVERTY_GNUPLOT_TIMEOUT=soon is bad input naming the variable (exit 2)", report_with_gnuplot(
    "exec %s \"$@\"" % (shutil.which("gnuplot") or "/usr/bin/gnuplot"), 2,
    env={"REPOVERTY_GNUPLOT_TIMEOUT": "soon"}, names=["REPOVERTY_GNUPLOT_TIMEOUT"]))
add(6, "a gnuplot that is not executable: exit 1 naming gnuplot", report_with_gnuplot(
    "", 1, patterns=[r"gnuplot"]))
_ne = CASES[-1]
_ne_fn = _ne.fn


def _not_executable(ctx):
    folder = fake_program(ctx, "gnuplot", "exit 0")
    os.chmod(os.path.join(folder, "gnuplot"), 0o644)
    res_dir = copy_fixture(ctx, "compare-tiny", ctx.p("res"))
    e = ctx.env(path_prepend=folder)
    e["PATH"] = folder
    res = ctx.run(["report", res_dir, "--quiet"], env=e)
    ctx.expect(res, 1, patterns=[r"gnuplot"])
    ctx.absent([os.path.join(res_dir, "report.html")], "a failed report left report.html")


_ne.fn = _not_executable


# ============================================================================================ 7. check before the work

LONG_RUN = ["--households", "40000", "--replicates", "2", "--years", "3", "--threads", "1", "--quiet"]


def unwritable_case(build, quick=1.5, code=1, ro_mount=False):
    def fn(ctx):
        if ro_mount:
            base = ctx.mount_tmpfs(ctx.p("ro"), "1m")
            ctx.remount_ro(base)
            target = os.path.join(base, "out")
        else:
            ctx.write("afile", "a regular file, not a folder\n")
            target = ctx.p("afile", "out")
        res = ctx.run(build(ctx, target))
        ctx.expect(res, code, names=[os.path.basename(os.path.dirname(target)) if not ro_mount else "ro"])
        if not res.timed_out and res.rc != 0 and res.elapsed > quick:
            ctx.fail("loss", "the unwritable --output was found only after %.1f s of work" % res.elapsed)
    return fn


_UNWRITABLE = {
    "run": lambda ctx, t: ["run", "scenarios/reference.yaml"] + LONG_RUN + ["--output", t],
    "compare": lambda ctx, t: ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + LONG_RUN +
    ["--output", t],
    "sweep": lambda ctx, t: ["sweep"] + SWEEP_LONG + ["--output", t],
    "population": lambda ctx, t: ["population", "scenarios/liangshan-2020.yaml", "--households", "700000",
                                  "--quiet", "--output", t],
    "calibrate": lambda ctx, t: ["calibrate", "scenarios/baseline.yaml", "--target", "cumulative_repoverty_rate=0.25",
                                 "--free", "interventions.dibao.standard=4000..6500", "--households", "4000",
                                 "--replicates", "2", "--years", "3", "--threads", "1", "--quiet",
                                 "--output", os.path.join(t, "fit.yaml")],
    "reproduce": lambda ctx, t: ["reproduce", os.path.join(fixture(ctx.suite, "run-big"), "reference", "run.json"),
                                 "--threads", "1", "--quiet", "--output", t],
    "merge": lambda ctx, t: ["merge", fixture(ctx.suite, "sweep-merge"), "--quiet", "--output", t],
}
for _cmd, _build in _UNWRITABLE.items():
    add(7, "%s: an --output under a regular file fails before the work (exit 1, no raw error)" % _cmd,
        unwritable_case(_build))
for _cmd in ("run", "sweep", "compare"):
    add(7, "%s: an --output on a read-only file system fails before the work (exit 1)" % _cmd,
        unwritable_case(_UNWRITABLE[_cmd], ro_mount=True))


@case(7, "report: a results folder on a read-only file system fails before drawing (exit 1), nothing left")
def _(ctx):
    base = ctx.mount_tmpfs(ctx.p("ro"), "2m")
    res_dir = copy_fixture(ctx, "compare-tiny", os.path.join(base, "res"))
    ctx.remount_ro(base)
    res = ctx.run(["report", res_dir, "--quiet"])
    ctx.expect(res, 1, names=["res"])
    ctx.no_temp_files(ctx.tmp, "TMPDIR")


@case(7, "run on a full disk: exit 1, never summary.csv without run.json, no temporary files")
def _(ctx):
    base = ctx.mount_tmpfs(ctx.p("disk"), "200k")
    ctx.fill(base, 12 * 1024)
    out = os.path.join(base, "out")
    res = ctx.run(["run", "scenarios/reference.yaml"] + TINY + ["--quiet", "--output", out])
    ctx.expect(res, 1, patterns=[r"(?i)space|full"])
    folder = os.path.join(out, "reference")
    have = {f for f in ("summary.csv", "run.json") if os.path.exists(os.path.join(folder, f))}
    if len(have) == 1:
        ctx.fail("loss", "a full disk left %s without %s" % (have.pop(), ({"summary.csv", "run.json"} - have).pop()))
    ctx.no_temp_files(base)


@case(7, "report on a full disk: exit 1, no partial set of charts, no report.html")
def _(ctx):
    if not shutil.which("gnuplot"):
        raise Skip("gnuplot is not installed")
    base = ctx.mount_tmpfs(ctx.p("disk"), "400k")
    res_dir = copy_fixture(ctx, "compare-tiny", os.path.join(base, "res"))
    ctx.fill(base, 24 * 1024)
    res = ctx.run(["report", res_dir, "--quiet"])
    ctx.expect(res, 1, patterns=[r"(?i)space|full"])
    charts = os.path.join(res_dir, "charts")
    if os.path.isdir(charts) and os.listdir(charts):
        ctx.fail("loss", "a full disk left %d of the charts" % len(os.listdir(charts)))
    ctx.absent([os.path.join(res_dir, "report.html")], "a full disk left report.html")
    ctx.no_temp_files(base)


@case(7, "sweep on a full disk: exit 1, finished points kept, --resume after freeing space gives the same sweep.csv")
def _(ctx):
    base = ctx.mount_tmpfs(ctx.p("disk"), "600k")
    ref = read(os.path.join(fixture(ctx.suite, "sweep-six"), "sweep.csv"))
    filler = ctx.fill(base, 90 * 1024)
    out = os.path.join(base, "out")
    args = ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000:6500:500"] + TINY + \
           ["--quiet", "--output", out]
    res = ctx.run(args)
    ctx.expect(res, 1, patterns=[r"(?i)space|full"])
    if res.rc != 0:
        ctx.absent([os.path.join(out, "sweep.csv")], "a failed sweep wrote sweep.csv")
    os.remove(filler)
    res = ctx.run(args + ["--resume"])
    if ctx.expect(res, 0, what="--resume after freeing space"):
        got = read(os.path.join(out, "sweep.csv"))
        if got != ref:
            ctx.fail("loss", "the resumed sweep.csv differs from an uninterrupted one")


@case(7, "population on a full disk: exit 1, no population.csv, no temporary files")
def _(ctx):
    base = ctx.mount_tmpfs(ctx.p("disk"), "200k")
    ctx.fill(base, 0)
    out = os.path.join(base, "out")
    res = ctx.run(["population", "scenarios/liangshan-2020.yaml", "--households", "2000", "--quiet", "--output", out])
    ctx.expect(res, 1, patterns=[r"(?i)space|full"])
    ctx.absent([os.path.join(out, "population.csv")], "a full disk left population.csv")
    ctx.no_temp_files(base)


@case(7, "calibrate on a full disk: exit 1, no fitted file")
def _(ctx):
    base = ctx.mount_tmpfs(ctx.p("disk"), "200k")
    ctx.fill(base, 0)
    out = os.path.join(base, "fit.yaml")
    res = ctx.run(["calibrate", "scenarios/baseline.yaml", "--target", "cumulative_repoverty_rate=0.25", "--free",
                   "interventions.dibao.standard=4000..6500", "--max-iterations", "3"] + TINY +
                  ["--quiet", "--output", out])
    ctx.expect(res, 1, patterns=[r"(?i)space|full"])
    ctx.absent([out], "a full disk left a fitted file")
    ctx.no_temp_files(base)


# ============================================================================================ 8. standard output

def stdout_full(build, code=1, close=False):
    def fn(ctx):
        args = build(ctx)
        if close:
            res = ctx.run(args, close_stdout=True, stdout=subprocess.DEVNULL)
        else:
            with open("/dev/full", "wb") as full:
                res = ctx.run(args, stdout=full)
        ctx.expect(res, code, patterns=[r"(?i)standard output|stdout"] if code else [])
    return fn


_STDOUT = {
    "sweep --format csv": lambda ctx: ["sweep"] + SWEEP_TINY + ["--format", "csv", "--output", ctx.p("out")],
    "sweep --format json": lambda ctx: ["sweep"] + SWEEP_TINY + ["--format", "json", "--output", ctx.p("out")],
    "merge --format csv": lambda ctx: ["merge", fixture(ctx.suite, "sweep-tiny"), "--format", "csv", "--quiet",
                                       "--output", ctx.p("out")],
    "validate --print": lambda ctx: ["validate", "scenarios/reference.yaml", "--print"],
    "validate": lambda ctx: ["validate", "scenarios/reference.yaml", "scenarios/baseline.yaml"],
    "run's table": lambda ctx: ["run", "scenarios/reference.yaml"] + TINY + ["--progress", "none", "--output",
                                                                               ctx.p("out")],
    "compare's table": lambda ctx: ["compare", "scenarios/baseline.yaml", "scenarios/combined.yaml"] + TINY +
    ["--progress", "none", "--output", ctx.p("out")],
    "population's table": lambda ctx: ["population", "scenarios/liangshan-2020.yaml", "--households", "2000",
                                       "--output", ctx.p("out")],
    "plan": lambda ctx: ["plan", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000"] + TINY,
    "bench": lambda ctx: ["bench", "--households", "2000", "--years", "2", "--threads", "1", "--progress", "none"],
    "reproduce": lambda ctx: ["reproduce", os.path.join(fixture(ctx.suite, "run-tiny"), "reference", "run.json")],
    "calibrate": lambda ctx: ["calibrate", "scenarios/baseline.yaml", "--target", "cumulative_repoverty_rate=0.25",
                              "--free", "interventions.dibao.standard=4000..6500", "--max-iterations", "2"] + TINY +
    ["--progress", "none", "--output", ctx.p("fit.yaml")],
    "help run": lambda ctx: ["help", "run"],
}
for _label, _build in _STDOUT.items():
    add(8, "%s >/dev/full: exit 1 saying standard output failed" % _label, stdout_full(_build))
add(8, "run's table with standard output closed: exit 1", stdout_full(_STDOUT["run's table"], close=True))
add(8, "run --quiet >/dev/full writes nothing there: exit 0", stdout_full(
    lambda ctx: ["run", "scenarios/reference.yaml"] + TINY + ["--quiet", "--output", ctx.p("out")], code=0))


# ============================================================================================ 9. degenerate input

EMPTY_COHORT = ["--set", "economy.povertyLine=100000000"]


@case(9, "report on a run whose cohort is empty: exit 0, a page (charts without data left out)")
def _(ctx):
    if not shutil.which("gnuplot"):
        raise Skip("gnuplot is not installed")
    out = ctx.p("out")
    res = ctx.run(["run", "scenarios/reference.yaml"] + TINY + EMPTY_COHORT + ["--quiet", "--output", out])
    if not ctx.expect(res, 0, what="run"):
        return
    text = open(os.path.join(out, "reference", "summary.csv")).read().lower()
    if re.search(r"\bnan\b|\binf", text):
        ctx.fail("loss", "summary.csv holds NaN or infinity")
    res = ctx.run(["report", out, "--quiet"])
    if ctx.expect(res, 0, what="report"):
        ctx.absent([], "")
        if not os.path.exists(os.path.join(out, "report.html")):
            ctx.fail("loss", "report exited 0 without report.html")


@case(9, "a stray quote in summary.csv: report names the file (exit 2) or draws every chart, never drops some")
def _(ctx):
    if not shutil.which("gnuplot"):
        raise Skip("gnuplot is not installed")
    out = copy_fixture(ctx, "run-tiny", ctx.p("res"))
    path = os.path.join(out, "reference", "summary.csv")
    lines = open(path).read().splitlines(True)
    lines[5] = lines[5].replace("reference,", 'refe"rence,', 1)
    open(path, "w").write("".join(lines))
    res = ctx.run(["report", out, "--quiet"])
    ctx.expect(res, {0, 2}, names=["summary.csv"])
    if res.rc == 0:
        charts = set(os.listdir(os.path.join(out, "charts"))) if os.path.isdir(os.path.join(out, "charts")) else set()
        want = {"incidence.png", "cumulative.png", "entries-by-cause.png", "survival.png"}
        if not want <= charts:
            ctx.fail("loss", "exit 0 but charts silently dropped: missing %s" % ", ".join(sorted(want - charts)))


@case(9, "calibrate with a target undefined at every evaluation: no fitted file, not exit 0")
def _(ctx):
    out = ctx.p("fit.yaml")
    res = ctx.run(["calibrate", "scenarios/reference.yaml", "--target", "cumulative_repoverty_rate=0.3", "--free",
                   "interventions.dibao.standard=4000..6000", "--max-iterations", "5"] + TINY + EMPTY_COHORT +
                  ["--quiet", "--output", out])
    ctx.expect(res, {1, 2}, names=["cumulative_repoverty_rate"])
    ctx.absent([out], "a fit of an undefined target wrote a 'fitted' file")


@case(9, "population of a scenario outside scenarios/ finds its profile (exit 0)")
def _(ctx):
    scen = ctx.write("elsewhere/mine.yaml", "extends: %s\ndescription: mine\n" %
                     os.path.join(ctx.suite.scratch, "scenarios", "reference.yaml"))
    res = ctx.run(["population", scen, "--households", "2000", "--quiet", "--output", ctx.p("out")])
    if ctx.expect(res, 0):
        ctx.absent([], "")
        if not os.path.exists(ctx.p("out/population.csv")):
            ctx.fail("loss", "exit 0 without population.csv")


def header_mismatch(key, value):
    def fn(ctx):
        rec = copy_fixture(ctx, "run-tiny", ctx.p("rec"))
        path = os.path.join(rec, "reference", "run.json")
        d = json.load(open(path))
        d[key] = value
        json.dump(d, open(path, "w"), indent=2)
        res = ctx.run(["reproduce", path, "--quiet"])
        ctx.expect(res, {1, 2}, names=[key])
    return fn


add(9, "reproduce checks run.json's seed against the parameters it re-runs", header_mismatch("seed", 99))
add(9, "reproduce checks run.json's households against the parameters", header_mismatch("households", 999))
add(9, "reproduce checks run.json's generator against the parameters", header_mismatch("generator", "gfsr4"))
add(9, "reproduce checks run.json's replicates against the parameters", header_mismatch("replicates", 7))


def valid_file(name, text, command="validate"):
    def fn(ctx):
        path = ctx.write("scen/%s" % name, text)
        if command == "validate":
            res = ctx.run(["validate", path])
        else:
            res = ctx.run(["run", path] + TINY + ["--quiet", "--output", ctx.p("out")])
        ctx.expect(res, 0)
    return fn


add(9, "an empty scenario file is the reference model (exit 0)", valid_file("empty.yaml", ""))
add(9, "a scenario of comments only is valid (exit 0)", valid_file("comments.yaml", "# nothing here\n# at all\n"))
add(9, "a scenario with a UTF-8 byte-order mark is valid (exit 0)", valid_file(
    "bom.yaml", "\ufeffdescription: with a BOM\n"))
add(9, "a scenario with CRLF line ends is valid (exit 0)", valid_file(
    "crlf.yaml", "description: crlf\r\nshocks:\r\n  flood:\r\n    probability: 0.1\r\n", command="run"))


def run_ok(extra, then_report=False):
    def fn(ctx):
        out = ctx.p("out")
        res = ctx.run(["run", "scenarios/reference.yaml", "--threads", "1", "--quiet", "--output", out] + extra)
        if not ctx.expect(res, 0, what="run") or not then_report:
            return
        if not shutil.which("gnuplot"):
            raise Skip("gnuplot is not installed")
        ctx.expect(ctx.run(["report", out, "--quiet"]), 0, what="report")
    return fn


add(9, "one household runs (exit 0)", run_ok(["--households", "1", "--replicates", "2", "--years", "2"]))
add(9, "one replicate runs and reports (empty intervals)", run_ok(
    ["--households", "200", "--replicates", "1", "--years", "2"], then_report=True))
add(9, "one year runs and reports", run_ok(["--households", "200", "--replicates", "2", "--years", "1"],
                                           then_report=True))
add(9, "4,097 households (one past a block) run", run_ok(["--households", "4097", "--replicates", "1", "--years", "1"]))


@case(9, "a sweep of one point, then its report (exit 0)")
def _(ctx):
    out = ctx.p("out")
    res = ctx.run(["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000"] + TINY +
                  ["--quiet", "--output", out])
    if ctx.expect(res, 0, what="sweep") and shutil.which("gnuplot"):
        ctx.expect(ctx.run(["report", out, "--quiet"]), 0, what="report")


@case(9, "compare of a scenario identical to the baseline (every difference 0): exit 0, then report")
def _(ctx):
    out = ctx.p("out")
    twin = ctx.write("twin/twin.yaml", "extends: %s\n" % os.path.join(ctx.suite.scratch, "scenarios", "baseline.yaml"))
    res = ctx.run(["compare", "scenarios/baseline.yaml", twin] + TINY + ["--quiet", "--output", out])
    if ctx.expect(res, 0, what="compare") and shutil.which("gnuplot"):
        ctx.expect(ctx.run(["report", out, "--quiet"]), 0, what="report")


@case(9, "report of a sweep over three keys (no line, no heat map): exit 0")
def _(ctx):
    out = ctx.p("out")
    res = ctx.run(["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000,5000", "--grid",
                   "shocks.flood.probability=0.02,0.1", "--grid", "interventions.training.coverage=0,0.1"] + TINY +
                  ["--quiet", "--output", out])
    if ctx.expect(res, 0, what="sweep") and shutil.which("gnuplot"):
        ctx.expect(ctx.run(["report", out, "--quiet"]), 0, what="report")


# ============================================================================================ 10. messages

def bad(args_fn, names=(), code=2, absent=(), patterns=(), max_lines=4, memory=None, timeout=None):
    def fn(ctx):
        args = args_fn(ctx) if callable(args_fn) else list(args_fn)
        res = ctx.run(args, memory=memory, timeout=timeout)
        ctx.expect(res, code, names=names, absent=absent, patterns=patterns, max_lines=max_lines)
        for out in ("out",):
            if os.path.exists(ctx.p(out)) and any(files for _, _, files in os.walk(ctx.p(out))):
                ctx.fail("loss", "bad input wrote into --output")
    return fn


def R(*extra):
    return lambda ctx: ["run", "scenarios/reference.yaml"] + TINY[:0] + list(extra) + ["--output", ctx.p("out")]


for _opt, _val in [("--years", "-1"), ("--years", "0"), ("--households", "0"), ("--households", "-5"),
                   ("--replicates", "0"), ("--households", "abc"), ("--years", "2.5"), ("--years", "101"),
                   ("--households", "100000000000"), ("--replicates", "10000000")]:
    add(10, "run %s %s blames %s (not --set), saying what is allowed" % (_opt, _val, _opt),
        bad(R(_opt, _val), names=[_opt], absent=["--set", "Missing value"]))
for _opt in ("--threads", "--seed"):
    add(10, "run %s -1 says what is allowed, not 'Missing value'" % _opt,
        bad(R(_opt, "-1"), names=[_opt], absent=["Missing value"]))
add(10, "run --threads 0 is refused naming --threads", bad(R("--threads", "0"), names=["--threads"]))
add(10, "run --seed 2^64 is refused naming --seed", bad(R("--seed", "18446744073709551616"), names=["--seed"]))
add(10, "--set without '=' names --set", bad(R("--set", "noequals"), names=["--set"]))
add(10, "--set of an unknown key names it and suggests one", bad(R("--set", "shocks.flod.probability=0.1"),
                                                                 names=["--set", "flod"], patterns=["flood"]))
add(10, "--set of a probability 1.5 names the key", bad(R("--set", "shocks.flood.probability=1.5"),
                                                        names=["shocks.flood.probability"]))
add(10, "--set run.years=-1 blames --set (typed) and the key", bad(R("--set", "run.years=-1"),
                                                                   names=["--set", "run.years"]))
add(10, "--progress bogus is refused naming --progress", bad(R("--progress", "bogus"), names=["--progress"]))
add(10, "an unknown subcommand is refused", bad(["frobnicate"], names=["frobnicate"], max_lines=40))
add(10, "an unknown option is refused naming it", bad(R("--frobnicate"), names=["--frobnicate"], max_lines=40))
add(10, "run without a scenario is refused", bad(["run"], max_lines=40))
add(10, "a missing scenario file is named (exit 2)", bad(lambda ctx: ["run", ctx.p("nope.yaml")] + TINY,
                                                         names=["nope.yaml"]))
add(10, "a folder given as a scenario is named (exit 2)", bad(
    lambda ctx: ["validate", (os.makedirs(ctx.p("adir.yaml")), ctx.p("adir.yaml"))[1]], names=["adir.yaml"]))


def S(*extra):
    return lambda ctx: ["sensitivity", "scenarios/baseline.yaml"] + TINY + list(extra) + ["--output", ctx.p("out")]


for _args, _names in [
    (["--keys", "interventions.dibao.standart"], ["--keys", "interventions.dibao.standard"]),
    (["--keys", ""], ["--keys"]),
    (["--keys", ",,,"], ["--keys"]),
    (["--keys", "run.seed"], ["--keys", "run.seed"]),
    (["--keys", "interventions.dibao.standard,nope.nope"], ["--keys", "nope.nope"]),
    (["--change", "0"], ["--change"]),
    (["--change", "0%"], ["--change"]),
    (["--change", "-20%"], ["--change"]),
    (["--change", "100%"], ["--change"]),
    (["--change", "abc"], ["--change"]),
    (["--change", "nan"], ["--change"]),
    (["--change", "inf%"], ["--change"]),
    (["--change", "1e999"], ["--change"]),
    (["--keys", "interventions.dibao.standard", "--metric", "incidense"], ["--metric", "incidense"]),
    (["--keys", "interventions.dibao.standard", "--metric", ","], ["--metric"]),
    (["--keys", "interventions.dibao.standard", "--metric", "cumulative_repoverty_rate,nope"], ["--metric", "nope"]),
    (["--uncertainty", "0"], ["--uncertainty"]),
    (["--uncertainty", "1"], ["--uncertainty"]),
    (["--uncertainty", "-5"], ["--uncertainty"]),
    (["--uncertainty", "2000000"], ["--uncertainty"]),
    (["--uncertainty", "ten"], ["--uncertainty"]),
    (["--shard", "2/2"], ["--shard"]),
    (["--shard", "1/0"], ["--shard"]),
    (["--shard", "a/b"], ["--shard"]),
    (["--shard", "0/2", "--slurm"], ["--slurm"]),
    (["--tasks", "3"], ["--tasks"]),
    (["--slurm", "--tasks", "0"], ["--tasks"]),
]:
    add(10, "sensitivity %s is refused naming %s (exit 2, nothing written)" % (" ".join(_args), _names[-1]),
        bad(S(*_args), names=_names, absent=["Fatal error"]))


def yaml_bad(name, text, names=None, patterns=(), memory=None, timeout=None, command="validate"):
    def fn(ctx):
        path = ctx.write("scen/%s" % name, text)
        args = ["validate", path] if command == "validate" else ["run", path] + TINY + ["--output", ctx.p("out")]
        res = ctx.run(args, memory=memory or ctx.suite.limit_memory, timeout=timeout)
        ctx.expect(res, 2, names=[name] + list(names or []), patterns=patterns)
    return fn


add(10, "keyStatus: an unknown key is named with its line", yaml_bad(
    "ks.yaml", "keyStatus:\n  population.lnd.shape: {status: assumed}\n", names=["keyStatus.population.lnd.shape"],
    patterns=[r"ks\.yaml:2\b"]))
add(10, "keyStatus: an unknown status is named with its line", yaml_bad(
    "ks2.yaml", "keyStatus:\n  population.land.*:\n    status: guess\n", names=["status", "guess"],
    patterns=[r"ks2\.yaml:3\b"]))
add(10, "keyStatus: a wildcard that matches no key is refused", yaml_bad(
    "ks3.yaml", "keyStatus:\n  nowhere.*: {status: assumed}\n", names=["nowhere"], patterns=[r"ks3\.yaml:2\b"]))
add(10, "a duplicate key points at the duplicate's line", yaml_bad(
    "dup.yaml", "shocks:\n  flood:\n    probability: 0.1\n    probability: 0.2\n", patterns=[r"dup\.yaml:4\b"]))
add(10, "a duplicate section points at the second one", yaml_bad(
    "dupsec.yaml", "shocks:\n  flood:\n    probability: 0.1\neconomy:\n  povertyLine: 4000\nshocks:\n  flood:\n"
    "    probability: 0.2\n", patterns=[r"dupsec\.yaml:6\b"]))
add(10, "a YAML syntax error names file and line", yaml_bad(
    "syntax.yaml", "shocks:\n  flood:\n    probability: [0.1\n  avianFlu: {\n", patterns=[r"syntax\.yaml:\d+"]))
add(10, "tab indentation names file and line", yaml_bad(
    "tabs.yaml", "shocks:\n\tflood:\n\t\tprobability: 0.1\n", patterns=[r"tabs\.yaml:\d+"]))
add(10, "a NUL byte in the file is refused naming it", yaml_bad("nul.yaml", b"description: a\x00b\n"))
add(10, "invalid UTF-8 is refused naming the file", yaml_bad("latin1.yaml", b"description: caf\xe9\xff\xfe\n"))
add(10, "a list where a section belongs names the key", yaml_bad("list.yaml", "shocks: [1, 2, 3]\n",
                                                                 names=["shocks"]))
add(10, "a number where a section belongs names the key", yaml_bad("num.yaml", "interventions: 5\n",
                                                                   names=["interventions"]))
add(10, "1e400 for a probability names the key", yaml_bad("big.yaml", "shocks:\n  flood:\n    probability: 1e400\n",
                                                          names=["probability"]))
add(10, ".nan for a probability names the key", yaml_bad("nan.yaml", "shocks:\n  flood:\n    probability: .nan\n",
                                                         names=["probability"]))
add(10, ".inf households names the key", yaml_bad("inf.yaml", "run:\n  households: .inf\n", names=["households"]))
add(10, "households 1e20 names the key", yaml_bad("e20.yaml", "run:\n  households: 100000000000000000000\n",
                                                  names=["households"]))
add(10, "true for a probability names the key", yaml_bad("bool.yaml", "shocks:\n  flood:\n    probability: true\n",
                                                         names=["probability"]))
add(10, "a billion-laughs alias bomb is refused quickly", yaml_bad(
    "laughs.yaml", "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        "%s: &%s [%s]\n" % (chr(98 + i), chr(98 + i), ",".join(["*" + chr(97 + i)] * 10)) for i in range(8)) +
    "description: *i\n", timeout=20))
add(10, "100,000 nested brackets do not overflow the stack", yaml_bad(
    "deep.yaml", "description: " + "[" * 100000 + "]" * 100000 + "\n", timeout=30))
add(10, "100,000 nested mappings do not overflow the stack", yaml_bad(
    "deepmap.yaml", "".join(" " * i + "k%d:\n" % i for i in range(3000)) + " " * 3000 + "x: 1\n", timeout=30))
add(10, "a 20 MB scenario is refused or read quickly, not hung on", yaml_bad(
    "huge.yaml", "description: ok\nnotes:\n" + "  - %s\n" % ("y" * 100) * 200000, names=["notes"], timeout=40))
add(10, "an extends cycle is named", yaml_bad("cyc.yaml", "extends: cyc.yaml\n", patterns=[r"(?i)cycle|itself"]))
add(10, "extends: an empty string is refused naming extends", yaml_bad("ext-empty.yaml", "extends: \"\"\n",
                                                                      names=["extends"]))
add(10, "extends: a list is refused naming extends", yaml_bad("ext-list.yaml", "extends: [a.yaml, b.yaml]\n",
                                                              names=["extends"]))
add(10, "extends: a missing file names it", yaml_bad("ext-missing.yaml", "extends: not-there.yaml\n",
                                                     names=["not-there.yaml"]))
add(10, "a YAML tag (!!binary) is refused naming the key", yaml_bad(
    "tag.yaml", "description: !!binary aGVsbG8=\nshocks:\n  flood:\n    probability: !!str 0.1\n"))
add(10, "a merge key (<<) is refused or applied, never a raw error", yaml_bad(
    "merge.yaml", "base: &b {probability: 0.1}\nshocks:\n  flood:\n    <<: *b\n    probability: 2\n"))

S = lambda *a: (lambda ctx: ["sweep", "scenarios/reference.yaml"] + list(a) + TINY + ["--output", ctx.p("out")])
add(10, "sweep --grid without '=' names --grid", bad(S("--grid", "interventions.dibao.standard"), names=["--grid"]))
add(10, "sweep --grid with no values names --grid", bad(S("--grid", "interventions.dibao.standard="), names=["--grid"]))
add(10, "sweep --grid START:STOP:0 (a zero step) is refused, not looped on", bad(
    S("--grid", "interventions.dibao.standard=4000:5000:0"), names=["--grid"], timeout=20))
add(10, "sweep --grid with a negative step is refused", bad(S("--grid", "interventions.dibao.standard=5000:4000:-1"),
                                                            names=["--grid"], timeout=20))
add(10, "sweep --grid of an unknown key names it", bad(S("--grid", "shocks.flod.probability=0.1,0.2"),
                                                       names=["flod"]))
add(10, "sweep --sample 0 is refused naming --sample", bad(S("--sample", "0", "--grid",
                                                             "interventions.dibao.standard=4000..5000"),
                                                           names=["--sample"]))
add(10, "sweep --sample without ranges names --grid or --sample", bad(
    S("--sample", "3", "--grid", "interventions.dibao.standard=4000,5000"), patterns=[r"--grid|--sample"]))
add(10, "sweep --shard 4/4 is refused naming --shard", bad(S("--grid", "interventions.dibao.standard=4000,5000",
                                                             "--shard", "4/4"), names=["--shard"]))
add(10, "sweep --shard 0/0 is refused naming --shard", bad(S("--grid", "interventions.dibao.standard=4000,5000",
                                                             "--shard", "0/0"), names=["--shard"]))
add(10, "sweep --shard a/b is refused naming --shard", bad(S("--grid", "interventions.dibao.standard=4000,5000",
                                                             "--shard", "a/b"), names=["--shard"]))
add(10, "sweep --format xml is refused naming --format", bad(S("--grid", "interventions.dibao.standard=4000",
                                                               "--format", "xml"), names=["--format"]))
add(10, "sweep without --output is refused naming it", bad(
    ["sweep", "scenarios/reference.yaml", "--grid", "interventions.dibao.standard=4000"], names=["--output"],
    max_lines=40))
add(10, "merge of an empty folder names it", bad(lambda ctx: ["merge", (os.makedirs(ctx.p("empty")), ctx.p("empty"))[1],
                                                              "--output", ctx.p("out")], names=["empty"]))
add(10, "merge of a corrupt sweep.sqlite names it, no raw SQL statement dump", bad(
    lambda ctx: ["merge", ctx.write("shard/sweep.sqlite", b"SQLite format 3\x00" + os.urandom(4096)),
                 "--output", ctx.p("out")], names=["sweep.sqlite"]))
add(10, "merge of a SQLite file that is not a sweep names it", bad(
    lambda ctx: ["merge", _plain_sqlite(ctx), "--output", ctx.p("out")], names=["other.sqlite"]))
add(10, "merge of shards with points missing names the missing points", bad(
    lambda ctx: ["merge", _one_shard(ctx), "--output", ctx.p("out")], patterns=[r"(?i)missing|point"]))


def _plain_sqlite(ctx):
    path = ctx.p("other.sqlite")
    c = sqlite3.connect(path)
    c.execute("create table t(x)")
    c.commit()
    c.close()
    return path


def _one_shard(ctx):
    out = ctx.p("shard0")
    r = ctx.run(["sweep"] + SWEEP_TINY + ["--shard", "0/2", "--output", out])
    if r.rc != 0:
        raise CaseFailed("setup: the shard did not run: %s" % brief(r.text))
    return out


add(10, "report of an empty folder: exit 2 naming it", bad(
    lambda ctx: ["report", (os.makedirs(ctx.p("empty")), ctx.p("empty"))[1]], names=["empty"]))
add(10, "report of a missing folder: exit 2 naming it", bad(lambda ctx: ["report", ctx.p("missing")],
                                                            names=["missing"]))
add(10, "report of a file: exit 2 naming it", bad(lambda ctx: ["report", ctx.write("afile.txt", "x\n")],
                                                  names=["afile.txt"]))
add(10, "report of a run with a corrupt run.json names it, no DecodingError", bad(
    lambda ctx: ["report", _corrupt_run_json(ctx, "{\"seed\": \"seven\", ")], names=["run.json"]))


def _corrupt_run_json(ctx, text):
    out = copy_fixture(ctx, "run-tiny", ctx.p("res"))
    with open(os.path.join(out, "reference", "run.json"), "w") as f:
        f.write(text)
    return out


def _rec(ctx, mutate):
    rec = copy_fixture(ctx, "run-tiny", ctx.p("rec"))
    path = os.path.join(rec, "reference", "run.json")
    d = json.load(open(path))
    d = mutate(d)
    with open(path, "w") as f:
        f.write(d if isinstance(d, str) else json.dumps(d, indent=2))
    return path


add(10, "reproduce of a missing run.json names it", bad(lambda ctx: ["reproduce", ctx.p("none/run.json")],
                                                        names=["run.json"]))
add(10, "reproduce of malformed JSON names it, no DecodingError", bad(
    lambda ctx: ["reproduce", _rec(ctx, lambda d: '{"seed": 1,')], names=["run.json"]))
add(10, "reproduce of an empty run.json names it", bad(lambda ctx: ["reproduce", _rec(ctx, lambda d: "")],
                                                       names=["run.json"]))
add(10, "reproduce of a JSON array names it", bad(lambda ctx: ["reproduce", _rec(ctx, lambda d: "[1, 2]")],
                                                  names=["run.json"]))
add(10, "reproduce of a run.json without parameters names the key", bad(
    lambda ctx: ["reproduce", _rec(ctx, lambda d: {k: v for k, v in d.items() if k != "parameters"})],
    names=["run.json", "parameters"]))
add(10, "reproduce of a string seed names the key", bad(
    lambda ctx: ["reproduce", _rec(ctx, lambda d: dict(d, seed="seven"))], names=["run.json", "seed"]))
add(10, "reproduce of a parameter out of range names the key", bad(
    lambda ctx: ["reproduce", _rec(ctx, lambda d: (d["parameters"]["shocks"]["flood"].__setitem__("probability", 7),
                                                   d)[1])], names=["run.json", "probability"]))

C = lambda *a: (lambda ctx: ["calibrate", "scenarios/baseline.yaml"] + list(a) + TINY + ["--output", ctx.p("out/f.yaml")])
FREE = ["--free", "interventions.dibao.standard=4000..6500"]
add(10, "calibrate of an unknown metric names it", bad(C("--target", "happiness=0.3", *FREE), names=["happiness"]))
add(10, "calibrate of a target of 0 names it", bad(C("--target", "cumulative_repoverty_rate=0", *FREE),
                                                   names=["cumulative_repoverty_rate"]))
add(10, "calibrate with bounds high < low names --free", bad(
    C("--target", "cumulative_repoverty_rate=0.3", "--free", "interventions.dibao.standard=6500..4000"),
    names=["--free"]))
add(10, "calibrate of a key that is not a number names it", bad(
    C("--target", "cumulative_repoverty_rate=0.3", "--free", "run.generator=1..2"), names=["run.generator"]))
add(10, "calibrate without --target is refused naming it", bad(C(*FREE), names=["--target"], max_lines=40))
add(10, "calibrate --max-iterations -1 names it", bad(C("--target", "cumulative_repoverty_rate=0.3", *FREE,
                                                        "--max-iterations", "-1"), names=["--max-iterations"],
                                                      absent=["Missing value"]))
add(10, "calibrate --tolerance -1 names it", bad(C("--target", "cumulative_repoverty_rate=0.3", *FREE,
                                                   "--tolerance", "-1"), names=["--tolerance"],
                                                 absent=["Missing value"]))
add(10, "population --households 0 names it", bad(
    lambda ctx: ["population", "scenarios/liangshan-2020.yaml", "--households", "0", "--output", ctx.p("out")],
    names=["--households"]))
add(10, "population of an unknown profile names it", bad(
    lambda ctx: ["population", ctx.write("scen/p.yaml", "population:\n  profile: atlantis-1900\n"), "--households",
                 "100", "--output", ctx.p("out")], names=["atlantis-1900"]))
add(10, "plan --shard 0/0 names --shard", bad(["plan", "scenarios/reference.yaml", "--grid",
                                               "interventions.dibao.standard=4000", "--shard", "0/0"],
                                              names=["--shard"]))
add(10, "bench --repetitions 0 names it", bad(["bench", "--repetitions", "0", "--households", "100"],
                                              names=["--repetitions"], absent=["Missing value"]))


# --- the fuzzer's seeds and a seeded sample of its corpus: scenario text, then --set overrides after NUL bytes

def fuzz_case(path):
    def fn(ctx):
        data = read(path)
        parts = data.split(b"\x00")
        yaml_text, overrides = parts[0], [p.decode("utf-8", "replace") for p in parts[1:]]
        target = os.path.join(ctx.suite.scratch, "scenarios", "fuzz-input.yaml")
        with open(target, "wb") as f:
            f.write(yaml_text.decode("utf-8", "replace").encode())
        args = ["validate", "scenarios/fuzz-input.yaml"]
        for o in overrides:
            args += ["--set", o]
        res = ctx.run(args, memory=ctx.suite.limit_memory, timeout=30)
        if ctx.expect(res, {0, 2}) and res.rc == 2:
            text = res.text
            if not re.search(r"fuzz-input\.yaml|--set|\.yaml", text):
                ctx.fail("weak message", "names neither the file nor --set: %s" % brief(text))
            elif not re.search(r"\.yaml:\d+|--set", text) and "extends" not in text and "unreadable" not in text:
                ctx.fail("weak message", "no line number: %s" % brief(text))
    return fn


def add_fuzz_cases(corpus_sample, seed):
    seeds_dir = os.path.join(REPO, "Fuzz", "seeds")
    corpus_dir = os.path.join(REPO, "Fuzz", "corpus")
    for name in sorted(os.listdir(seeds_dir)) if os.path.isdir(seeds_dir) else []:
        add(10, "fuzz seed %s: validate loads it or names the file/--set" % name, fuzz_case(os.path.join(seeds_dir, name)),
            timeout=30)
    if os.path.isdir(corpus_dir) and corpus_sample:
        names = sorted(os.listdir(corpus_dir))
        rng = random.Random(seed)
        for name in sorted(rng.sample(names, min(corpus_sample, len(names)))):
            add(10, "fuzz corpus %s: validate loads it or names the file/--set" % name[:12],
                fuzz_case(os.path.join(corpus_dir, name)), timeout=30)


# ============================================================================================ the suite

class Suite:
    def __init__(self, args):
        self.binary = os.path.abspath(args.binary)
        self.seed = args.seed
        self.timeout = args.timeout
        self.grace = args.grace
        self.memory = 0
        self.limit_memory = args.memory_limit << 20
        self.fixtures = {}
        self.live = set()
        self.scratch = tempfile.mkdtemp(prefix="repoverty-adv-", dir="/tmp")
        os.makedirs(os.path.join(self.scratch, "cases"))
        os.makedirs(os.path.join(self.scratch, "tmp"))
        shutil.copytree(os.path.join(REPO, "scenarios"), os.path.join(self.scratch, "scenarios"))

    def top_level(self):
        return set(os.listdir(self.scratch))


def main():
    ap = argparse.ArgumentParser(description="Adversarial suite of issue 13 for the repoverty binary.")
    ap.add_argument("--binary", default=os.environ.get("REPOVERTY", os.path.join(REPO, ".build", "debug", "repoverty")))
    ap.add_argument("--seed", type=int, default=13, help="seed of the harness's random choices (signal times, corpus)")
    ap.add_argument("--family", type=int, action="append", help="run only this family (repeatable)")
    ap.add_argument("-k", dest="substring", action="append", help="run only cases whose name contains this")
    ap.add_argument("--list", action="store_true", help="list the cases and exit")
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    ap.add_argument("--timeout", type=float, default=60, help="hang limit of one command, seconds (default 60)")
    ap.add_argument("--grace", type=float, default=1.5,
                    help="seconds an interrupted command may take to stop (default 1.5)")
    ap.add_argument("--corpus", type=int, default=60, help="corpus inputs sampled (default 60)")
    ap.add_argument("--memory-limit", type=int, default=6144,
                    help="address-space limit (MiB) of cases that could grow without bound (default 6144)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case, passed or not")
    args = ap.parse_args()

    add_fuzz_cases(args.corpus, args.seed)
    selected = [c for c in CASES if (not args.family or c.family in args.family) and
                (not args.substring or any(s.lower() in c.name.lower() for s in args.substring))]
    if args.list:
        for i, c in enumerate(CASES):
            if c in selected:
                print("%3d  [%d %s]  %s" % (i, c.family, FAMILIES[c.family], c.name))
        print("%d cases" % len(selected))
        return 0
    if not os.access(args.binary, os.X_OK):
        print("error: no executable binary at %s (use --binary PATH)" % args.binary, file=sys.stderr)
        return 2

    suite = Suite(args)
    print("repoverty adversarial suite: %d cases, binary %s, seed %d, scratch %s" %
          (len(selected), suite.binary, suite.seed, suite.scratch), flush=True)
    git_before = git_status()
    counts = {f: {k: 0 for k in ["tried", "clean"] + CATEGORIES + ["skipped", "harness"]} for f in FAMILIES}
    failures = []
    t_start = time.monotonic()

    def on_signal(signum, frame):
        for proc in list(suite.live):
            kill_group(proc)
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, on_signal)

    try:
        for i, c in enumerate(CASES):
            if c not in selected:
                continue
            ctx = Ctx(suite, c, i)
            top_before = suite.top_level()
            t0 = time.monotonic()
            status = None
            try:
                c.fn(ctx)
            except Skip as e:
                status = "skip"
                reason = str(e)
            except CaseFailed as e:
                ctx.problems.append(("wrong exit", str(e)))
            except KeyboardInterrupt:
                raise
            except Exception:
                status = "harness"
                reason = traceback.format_exc().strip().splitlines()[-1]
                if args.verbose:
                    traceback.print_exc()
            finally:
                for proc in list(suite.live):
                    kill_group(proc)
                    try:
                        proc.wait(timeout=5)
                    except subprocess.TimeoutExpired:
                        pass
                    suite.live.discard(proc)
                ctx.cleanup()
            if status is None:
                stray = suite.top_level() - top_before - {"shared"}
                if stray:
                    ctx.fail("loss", "wrote outside its output folder: %s" % ", ".join(sorted(stray)))
                if ctx.check_tmpdir and temp_files(ctx.tmp):
                    ctx.fail("loss", "left temporary files in TMPDIR: %s" % ", ".join(
                        os.path.basename(f) for f in temp_files(ctx.tmp)[:3]))
                if os.path.isdir(ctx.tmp) and os.listdir(ctx.tmp):
                    leftovers = os.listdir(ctx.tmp)
                    if leftovers and not any("left temporary" in r for _, r in ctx.problems):
                        ctx.fail("loss", "left files in TMPDIR: %s" % ", ".join(leftovers[:3]))
            fam = counts[c.family]
            dt = time.monotonic() - t0
            if status == "skip":
                fam["skipped"] += 1
                print("SKIP [%d] %s: %s" % (c.family, c.name, reason), flush=True)
                continue
            fam["tried"] += 1
            if status == "harness":
                fam["harness"] += 1
                failures.append((c, "harness", reason))
                print("ERROR [%d] %s: harness error: %s" % (c.family, c.name, reason), flush=True)
                continue
            if not ctx.problems:
                fam["clean"] += 1
                if args.verbose:
                    print("ok   [%d] %s (%.1f s)" % (c.family, c.name, dt), flush=True)
                continue
            cats = [p[0] for p in ctx.problems]
            primary = min(cats, key=CATEGORIES.index)
            fam[primary] += 1
            reasons = "; ".join(r for _, r in ctx.problems)
            failures.append((c, primary, reasons))
            print("FAIL [%d] %s — %s: %s (%.1f s)" % (c.family, c.name, primary, reasons, dt), flush=True)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        for proc in list(suite.live):
            kill_group(proc)
        if not args.keep:
            unmount_all(suite.scratch)
            shutil.rmtree(suite.scratch, ignore_errors=True)
        return 130

    elapsed = time.monotonic() - t_start
    if git_status() != git_before:
        print("warning: the repository's working tree changed during the suite", flush=True)
    print()
    print("Per family:")

    def line(c):
        return ("tried %d / clean error %d / crash %d / hang %d / loss %d / leak %d / wrong exit %d / weak message %d"
                % (c["tried"], c["clean"], c["crash"], c["hang"], c["loss"], c["leak"], c["wrong exit"],
                   c["weak message"]))
    total = {k: sum(counts[f][k] for f in FAMILIES) for k in counts[1]}
    for f, name in FAMILIES.items():
        c = counts[f]
        if c["tried"] or c["skipped"]:
            extra = ""
            if c["skipped"]:
                extra += " (skipped %d)" % c["skipped"]
            if c["harness"]:
                extra += " (harness errors %d)" % c["harness"]
            print("%2d %-22s %s%s" % (f, name, line(c), extra))
    print("Total: " + line(total) + (" (skipped %d)" % total["skipped"] if total["skipped"] else "") +
          (" (harness errors %d)" % total["harness"] if total["harness"] else ""))
    print("Time: %.0f s; scratch %s%s" % (elapsed, suite.scratch, "" if args.keep else " (removed)"))
    passed = total["clean"]
    failed = total["tried"] - passed
    print("%d passed, %d failed" % (passed, failed))
    if not args.keep:
        unmount_all(suite.scratch)
        shutil.rmtree(suite.scratch, ignore_errors=True)
    return 1 if failed else 0


def unmount_all(root):
    try:
        with open("/proc/mounts") as f:
            for line in f:
                point = line.split()[1]
                if point.startswith(root):
                    subprocess.run(["umount", "-l", point], stderr=subprocess.DEVNULL)
    except OSError:
        pass


def git_status():
    try:
        return subprocess.run(["git", "-C", REPO, "status", "--porcelain"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL).stdout
    except OSError:
        return b""


if __name__ == "__main__":
    sys.exit(main())
