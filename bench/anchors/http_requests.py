"""HTTP anchor: sequential GETs through one requests.Session (keep-alive), after one warm-up GET.

    python http_requests.py URL COUNT    prints "ms <milliseconds for COUNT GETs> cpu <their CPU milliseconds>"
"""
import sys
import time

import requests

url, count = sys.argv[1], int(sys.argv[2])
session = requests.Session()
session.get(url).raise_for_status()
start, start_cpu = time.perf_counter(), time.process_time()
for _ in range(count):
    response = session.get(url)
    response.raise_for_status()
    response.content
elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
print(f"ms {elapsed * 1e3:.3f} cpu {cpu * 1e3:.3f}")
