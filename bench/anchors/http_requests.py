"""HTTP anchor: sequential GETs through one requests.Session (keep-alive), after one warm-up GET.

    python http_requests.py URL COUNT    prints "ms <milliseconds for COUNT GETs>"
"""
import sys
import time

import requests

url, count = sys.argv[1], int(sys.argv[2])
session = requests.Session()
session.get(url).raise_for_status()
start = time.perf_counter()
for _ in range(count):
    response = session.get(url)
    response.raise_for_status()
    response.content
elapsed = time.perf_counter() - start
print(f"ms {elapsed * 1e3:.3f}")
