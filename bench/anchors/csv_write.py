"""CSV anchor: Python's csv writer, the same 8 columns as runbook-bench's rows (ints, doubles, strings
that need quotes, UTC dates, booleans), written to a file.

    python csv_write.py ROWS OUT.csv    prints "ms <write milliseconds> cpu <its CPU milliseconds>"
"""
import csv
import sys
import time
from datetime import datetime, timezone

rows, out = int(sys.argv[1]), sys.argv[2]
header = ["id", "customer", "amount", "quantity", "note", "created", "ratio", "active"]
names = [f"Customer {i}, {['Ltd', 'GmbH', 'S.A.', 'Inc'][i % 4]}" for i in range(1000)]
notes = [f'said "hello" #{i}' if i % 3 == 0 else f"plain note {i}" for i in range(1000)]
base = 1_737_815_445

start, start_cpu = time.perf_counter(), time.process_time()
with open(out, "w", newline="", encoding="utf-8") as file:
    writer = csv.writer(file)
    writer.writerow(header)
    for index in range(rows):
        created = datetime.fromtimestamp(base + index * 37, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        writer.writerow([
            index, names[index % 1000], (index % 100_000) * 1.25 + 0.37, index % 97, notes[index % 1000],
            created, (index % 1000) / 7.0, "true" if index % 2 == 0 else "false",
        ])
elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
print(f"ms {elapsed * 1e3:.3f} cpu {cpu * 1e3:.3f}")
