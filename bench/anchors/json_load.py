"""JSON anchor: Python's json (C accelerator, no positions) on a file already in memory.

    python json_load.py FILE      prints "ms <parse milliseconds>"
"""
import json
import sys
import time

data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
document = json.loads(data)
elapsed = time.perf_counter() - start
assert isinstance(document, dict)
print(f"ms {elapsed * 1e3:.3f}")
