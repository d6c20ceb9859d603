"""XLSX anchor: openpyxl's write-only workbook, the same 8 columns as runbook-bench's rows.

    python xlsx_openpyxl.py ROWS OUT.xlsx    prints "ms <write milliseconds> cpu <its CPU milliseconds>"
"""
import sys
import time
from datetime import datetime, timezone

from openpyxl import Workbook

rows, out = int(sys.argv[1]), sys.argv[2]
header = ["id", "customer", "amount", "quantity", "note", "created", "ratio", "active"]
names = [f"Customer {i}, {['Ltd', 'GmbH', 'S.A.', 'Inc'][i % 4]}" for i in range(1000)]
notes = [f'said "hello" #{i}' if i % 3 == 0 else f"plain note {i}" for i in range(1000)]
base = 1_737_815_445

start, start_cpu = time.perf_counter(), time.process_time()
workbook = Workbook(write_only=True)
sheet = workbook.create_sheet("Data")
sheet.append(header)
for index in range(rows):
    sheet.append([
        index, names[index % 1000], (index % 100_000) * 1.25 + 0.37, index % 97, notes[index % 1000],
        datetime.fromtimestamp(base + index * 37, timezone.utc).replace(tzinfo=None), (index % 1000) / 7.0,
        index % 2 == 0,
    ])
workbook.save(out)
elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
print(f"ms {elapsed * 1e3:.3f} cpu {cpu * 1e3:.3f}")
