# Many VMs booting at once, each crawling the metadata service the way cloud-init's CloudStack datasource does:
# latest/meta-data/instance-id, latest/user-data, the latest/meta-data/ listing, then every key in it, one new
# connection per request. One thread per VM network namespace: the thread enters the namespace (setns affects the
# calling thread only), waits at a barrier until every VM is ready, then crawls. Prints one JSON line.
#   metadata_crawl.py SERVER PORT NETNS...
import ctypes
import http.client
import json
import os
import sys
import threading
import time

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)
server, port, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
barrier = threading.Barrier(len(names) + 1)
results = [None] * len(names)


def get(path):
    conn = http.client.HTTPConnection(server, port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def vm(i, name):
    fd = os.open("/run/netns/" + name, os.O_RDONLY)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        results[i] = {"error": "setns errno %d" % ctypes.get_errno()}
        barrier.wait()
        return
    os.close(fd)
    barrier.wait()
    requests, failures = 0, 0
    try:
        for path in ("/latest/meta-data/instance-id", "/latest/user-data"):
            status, _ = get(path)
            requests += 1
            failures += status != 200
        status, listing = get("/latest/meta-data/")
        requests += 1
        failures += status != 200
        for key in listing.decode().splitlines():
            status, _ = get("/latest/meta-data/" + key)
            requests += 1
            failures += status != 200
    except Exception as e:  # a refused or timed-out VM counts as failed, the crawl goes on for the others
        results[i] = {"error": str(e), "done": time.monotonic()}
        return
    results[i] = {"requests": requests, "failures": failures, "done": time.monotonic()}


threads = [threading.Thread(target=vm, args=(i, n)) for i, n in enumerate(names)]
for t in threads:
    t.start()
barrier.wait()
start = time.monotonic()
for t in threads:
    t.join()
errors = [r for r in results if r is None or "error" in r]
print(json.dumps({
    "vms": len(names),
    "seconds": max(r["done"] for r in results if r and "done" in r) - start,
    "requests": sum(r.get("requests", 0) for r in results if r),
    "failures": sum(r.get("failures", 0) for r in results if r) + len(errors),
    "errors": [r.get("error") for r in errors][:5] if errors else [],
}))
