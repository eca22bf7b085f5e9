#!/usr/bin/env python3
"""tmux-time: how long a program in a tmux pane takes to show a screen, seen
from outside the way a user sees it (bench/bench-tui.sh).

usage: tmux-time.py SOCKET < SCRIPT

One tmux server on SOCKET with an 80x24 session "t".  A control-mode client
(tmux -C) stays attached, so that sending a key or reading the screen costs
no process start-up.  SCRIPT lines:

  run   NAME REGEX CMD    (re)start the pane with the shell command CMD;
                          time until the screen matches REGEX
  key   NAME KEY REGEX    send-keys KEY; time until the screen matches REGEX
  wait  REGEX             until the screen matches REGEX (not timed)
  rss   NAME              prints "NAME KB": the peak resident memory
                          (VmHWM) of the program in the pane
  dump                    print the screen (to stderr)

Each timed line prints "NAME MS" on stdout (or "NAME timeout"); a REGEX
is a Python regular expression searched in the whole screen, with "_"
standing for a space (so the script needs no quoting).  The clock starts
just before tmux is handed the command or key and stops when the capture
after the pane's output shows REGEX; the screen is captured again after
every burst of output, so the figure is an upper bound by at most one
capture (about a tenth of a millisecond).
"""
import os
import re
import select
import subprocess
import sys
import time

TIMEOUT = 5.0


class Tmux:
    def __init__(self, sock):
        self.sock = sock
        subprocess.run(["tmux", "-S", sock, "kill-server"],
                       stderr=subprocess.DEVNULL)
        subprocess.run(["tmux", "-S", sock, "new-session", "-d", "-x", "80",
                        "-y", "24", "-s", "t", "exec cat"], check=True)
        self.p = subprocess.Popen(["tmux", "-S", sock, "-C", "attach",
                                   "-t", "t"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, bufsize=0)
        self.buf = b""
        self.output = False     # pane output since the last capture
        self.cmd("refresh-client -C 80x24")

    def _lines(self, deadline):
        """Lines from the control client until deadline."""
        while True:
            i = self.buf.find(b"\n")
            if i >= 0:
                line, self.buf = self.buf[:i], self.buf[i + 1:]
                yield line
                continue
            left = deadline - time.monotonic()
            if left <= 0:
                return
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return
            data = os.read(self.p.stdout.fileno(), 65536)
            if not data:
                raise SystemExit("tmux-time: the tmux client ended")
            self.buf += data

    def cmd(self, c):
        """Runs one tmux command; returns its output lines."""
        self.p.stdin.write(c.encode() + b"\n")
        out, inside = [], False
        for line in self._lines(time.monotonic() + TIMEOUT):
            if line.startswith(b"%output") or \
               line.startswith(b"%extended-output"):
                self.output = True
            elif line.startswith(b"%begin"):
                inside = True
            elif line.startswith(b"%end") or line.startswith(b"%error"):
                if inside:
                    return out
            elif inside:
                out.append(line.decode("utf-8", "replace"))
        raise SystemExit("tmux-time: no answer to " + c)

    def screen(self):
        self.output = False
        return "\n".join(self.cmd("capture-pane -p -t t"))

    def wait(self, rx, t0):
        """Milliseconds from t0 until the screen matches rx, or None."""
        deadline = t0 + TIMEOUT
        while True:
            if rx.search(self.screen()):
                return (time.monotonic() - t0) * 1000
            # Nothing new on screen: wait for the pane's next output.
            while not self.output:
                if time.monotonic() > deadline:
                    return None
                for line in self._lines(min(deadline,
                                            time.monotonic() + 0.05)):
                    if line.startswith(b"%output") or \
                       line.startswith(b"%extended-output"):
                        self.output = True
                        break
                else:
                    # No output for a while (e.g. a redraw in place that
                    # tmux merged): look again anyway.
                    break

    def close(self):
        try:
            self.p.stdin.close()
        except OSError:
            pass
        subprocess.run(["tmux", "-S", self.sock, "kill-server"],
                       stderr=subprocess.DEVNULL)
        self.p.wait()


def quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    tm = Tmux(sys.argv[1])
    try:
        for line in sys.stdin:
            w = line.split(None, 3)
            if not w or w[0].startswith("#"):
                continue
            if w[0] == "run":
                name, rx, cmd = w[1], re.compile(w[2].replace("_", " "), re.M), \
                    w[3].strip()
                # Clear the screen first, so that REGEX cannot match what
                # the previous program left.
                tm.cmd("respawn-pane -k -t t 'exec cat'")
                tm.cmd("send-keys -t t -R")
                tm.cmd("clear-history -t t")
                while rx.search(tm.screen()):
                    time.sleep(0.01)
                t0 = time.monotonic()
                tm.cmd("respawn-pane -k -t t " + quote(cmd))
                ms = tm.wait(rx, t0)
            elif w[0] == "key":
                name, key = w[1], w[2]
                rx = re.compile(w[3].strip().replace("_", " "), re.M)
                t0 = time.monotonic()
                tm.cmd("send-keys -t t " + key)
                ms = tm.wait(rx, t0)
            elif w[0] == "wait":
                rx = re.compile(w[1].strip().replace("_", " "), re.M)
                if tm.wait(rx, time.monotonic()) is None:
                    sys.stderr.write(tm.screen() + "\n")
                    raise SystemExit("tmux-time: waited in vain for " +
                                     w[1].strip())
                continue
            elif w[0] == "rss":
                pid = tm.cmd("display-message -p -t t '#{pane_pid}'")[0]
                kb = 0
                with open("/proc/%s/status" % pid.strip()) as f:
                    for st in f:
                        if st.startswith("VmHWM:"):
                            kb = int(st.split()[1])
                print(w[1], kb, flush=True)
                continue
            elif w[0] == "dump":
                sys.stderr.write(tm.screen() + "\n")
                continue
            else:
                raise SystemExit("tmux-time: unknown line: " + line)
            if ms is None:
                sys.stderr.write(tm.screen() + "\n")
                print(name, "timeout", flush=True)
            else:
                print(name, "%.2f" % ms, flush=True)
    finally:
        tm.close()


if __name__ == "__main__":
    main()
