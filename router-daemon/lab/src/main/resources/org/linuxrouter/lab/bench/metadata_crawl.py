# Many VMs booting at once, each crawling the metadata service the way cloud-init's CloudStack datasource does:
# latest/meta-data/instance-id, latest/user-data, the latest/meta-data/ listing, then every key in it, one new
# connection per request (the request asks to close it, so both servers close as soon as they have answered). Each VM is a thread or a process (MODE) that enters the VM's network namespace (setns
# affects the calling thread only), waits at a barrier until every VM is ready, then crawls. Threads share one
# interpreter lock, so at 100 VMs the client itself can be what is measured; processes, like real VMs, do not.
# Prints one JSON line: wall time until the last VM was done, request latencies, and the client's CPU time.
#   metadata_crawl.py threads|processes SERVER PORT NETNS...
import ctypes
import json
import multiprocessing
import os
import resource
import socket
import sys
import threading
import time

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)
mode, server, port, names = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]


def get(path, latencies):
    """One GET on a new connection, as cloud-init makes it, with the least client work: a plain socket, the
    request in one write, the answer read until the server closes (both servers here close after answering)."""
    begin = time.monotonic()
    with socket.create_connection((server, port), timeout=30) as conn:
        conn.sendall(("GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % (path, server)).encode())
        chunks = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    latencies.append(time.monotonic() - begin)
    answer = b"".join(chunks)
    head, _, body = answer.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head.startswith(b"HTTP/") else 0
    return status, body


def crawl(name, barrier):
    fd = os.open("/run/netns/" + name, os.O_RDONLY)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        barrier.wait()
        return {"error": "setns errno %d" % ctypes.get_errno()}
    os.close(fd)
    barrier.wait()
    requests, failures, latencies = 0, 0, []
    try:
        for path in ("/latest/meta-data/instance-id", "/latest/user-data"):
            status, _ = get(path, latencies)
            requests += 1
            failures += status != 200
        status, listing = get("/latest/meta-data/", latencies)
        requests += 1
        failures += status != 200
        for key in listing.decode().splitlines():
            status, _ = get("/latest/meta-data/" + key, latencies)
            requests += 1
            failures += status != 200
    except Exception as e:  # a refused or timed-out VM counts as failed, the crawl goes on for the others
        return {"error": str(e), "done": time.monotonic(), "latencies": latencies}
    return {"requests": requests, "failures": failures, "done": time.monotonic(), "latencies": latencies}


def with_threads():
    barrier = threading.Barrier(len(names) + 1)
    results = [None] * len(names)

    def vm(i, name):
        results[i] = crawl(name, barrier)

    threads = [threading.Thread(target=vm, args=(i, n)) for i, n in enumerate(names)]
    for t in threads:
        t.start()
    cpu = resource.getrusage(resource.RUSAGE_SELF)
    barrier.wait()
    start = time.monotonic()
    for t in threads:
        t.join()
    after = resource.getrusage(resource.RUSAGE_SELF)
    return start, results, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime


def vm_process(name, barrier, queue, index):
    result = crawl(name, barrier)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["cpu"] = usage.ru_utime + usage.ru_stime
    queue.put((index, result))


def with_processes():
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(len(names) + 1)
    queue = ctx.Queue()
    procs = [ctx.Process(target=vm_process, args=(n, barrier, queue, i)) for i, n in enumerate(names)]
    for p in procs:
        p.start()
    barrier.wait()
    start = time.monotonic()
    results = [None] * len(names)
    for _ in names:
        i, result = queue.get()
        results[i] = result
    for p in procs:
        p.join()
    return start, results, sum(r.get("cpu", 0) for r in results if r)


start, results, client_cpu = with_threads() if mode == "threads" else with_processes()
errors = [r for r in results if r is None or "error" in r]
latencies = sorted(l for r in results if r for l in r.get("latencies", []))


def pct(p):
    return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else 0


print(json.dumps({
    "vms": len(names),
    "seconds": max(r["done"] for r in results if r and "done" in r) - start,
    "requests": sum(r.get("requests", 0) for r in results if r),
    "failures": sum(r.get("failures", 0) for r in results if r) + len(errors),
    "errors": [r.get("error") for r in errors][:5] if errors else [],
    "p50": pct(0.5), "p99": pct(0.99), "max": latencies[-1] if latencies else 0,
    "client_cpu": client_cpu,
}))
