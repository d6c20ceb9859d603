"""YAML anchor: PyYAML's CSafeLoader (libyaml underneath) on a file already in memory.

    python yaml_csafe.py FILE     prints "ms <load milliseconds> cpu <its CPU milliseconds>"
"""
import sys
import time

import yaml

data = open(sys.argv[1], "rb").read()
start, start_cpu = time.perf_counter(), time.process_time()
document = yaml.load(data, Loader=yaml.CSafeLoader)
elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
assert isinstance(document, dict)
print(f"ms {elapsed * 1e3:.3f} cpu {cpu * 1e3:.3f}")
