"""JSON anchor: Python's json (C accelerator, no positions) on a file already in memory.

    python json_load.py FILE      prints "ms <parse milliseconds> cpu <its CPU milliseconds>"
"""
import json
import sys
import time

data = open(sys.argv[1], "rb").read()
start, start_cpu = time.perf_counter(), time.process_time()
document = json.loads(data)
elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
assert isinstance(document, dict)
print(f"ms {elapsed * 1e3:.3f} cpu {cpu * 1e3:.3f}")
