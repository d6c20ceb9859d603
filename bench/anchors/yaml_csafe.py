"""YAML anchor: PyYAML's CSafeLoader (libyaml underneath) on a file already in memory.

    python yaml_csafe.py FILE     prints "ms <load milliseconds>"
"""
import sys
import time

import yaml

data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
document = yaml.load(data, Loader=yaml.CSafeLoader)
elapsed = time.perf_counter() - start
assert isinstance(document, dict)
print(f"ms {elapsed * 1e3:.3f}")
