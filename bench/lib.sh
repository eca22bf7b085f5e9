# bench/lib.sh: what the bench scripts share.  Sourced.

# timed CMD...: runs CMD, prints "WALL CPU" in seconds (CPU: user + system
# of the command, which other processes on a busy machine do not inflate).
timed() {
	python3 -c 'import resource, subprocess, sys, time
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
c, t = cpu(), time.monotonic()
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
print("%.3f %.3f" % (time.monotonic() - t, cpu() - c))
sys.exit(rc)' "$@"
}
