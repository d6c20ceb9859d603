"""Validation anchor, the whole process: json.load of schema and document, then jsonschema-rs with
formats asserted, every error collected (as `runbook validate --schema` reports every violation).

    python validate_jsonschema_rs.py SCHEMA FILE    exit 0 when valid, 1 otherwise
"""
import json
import sys

import jsonschema_rs

with open(sys.argv[1], "rb") as file:
    schema = json.load(file)
with open(sys.argv[2], "rb") as file:
    document = json.load(file)
validator = jsonschema_rs.validator_for(schema, validate_formats=True)
errors = list(validator.iter_errors(document))
for error in errors[:20]:
    print(f"{'/'.join(map(str, error.instance_path))}: {error.message}")
print(f"{sys.argv[2]}: {'valid' if not errors else f'{len(errors)} errors'}")
sys.exit(1 if errors else 0)
