#!/usr/bin/env python3
"""Generates a large, realistic configuration document and its schema, deterministically.

  <out>/org-config.schema.json             JSON Schema (draft 2020-12; the keywords used mean the same in draft 7)
  <out>/org-config-<N>.json / .yaml        a valid document with N endpoint records
  <out>/org-config-<N>-invalid.json / .yaml   the same with K injected errors
  <out>/org-config-<N>-invalid.errors.txt  JSON pointer and kind of each injected error

Usage: bench/config_corpus.py [--records 50000] [--seed 1] [--out DIR] [--invalid 24]
Needs PyYAML (python3 -m pip install pyyaml).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

REGIONS = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1",
           "ap-northeast-1", "sa-east-1"]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]
TAGS = ["public", "internal", "deprecated", "beta", "billing", "auth", "search",
        "reporting", "admin", "batch", "realtime", "pii"]
TEAMS = ["payments", "identity", "catalog", "search", "platform", "growth",
         "data", "mobile", "web", "ops"]
NOUNS = ["users", "orders", "invoices", "products", "carts", "sessions", "tokens",
         "reports", "events", "webhooks", "accounts", "refunds", "shipments",
         "reviews", "coupons", "teams", "projects", "files", "jobs", "metrics"]
STRATEGIES = ["token-bucket", "leaky-bucket", "fixed-window", "sliding-window"]
BACKOFFS = ["constant", "linear", "exponential"]


# --------------------------------------------------------------------------
def make_schema() -> dict:
    ms = {"type": "integer", "minimum": 0, "maximum": 3600000}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://schemas.example.com/org-config.schema.json",
        "title": "Organisation configuration",
        "type": "object",
        "additionalProperties": False,
        "required": ["apiVersion", "kind", "metadata", "global", "script-behavior",
                     "endpoints"],
        "properties": {
            "apiVersion": {"const": "config.example.com/v1"},
            "kind": {"enum": ["OrgConfig"]},
            "metadata": {"$ref": "#/$defs/metadata"},
            "global": {"$ref": "#/$defs/global"},
            "script-behavior": {"$ref": "#/$defs/scriptBehavior"},
            "endpoints": {"type": "array", "minItems": 1,
                          "items": {"$ref": "#/$defs/endpoint"}},
        },
        "$defs": {
            "identifier": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,62}$"},
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "durationMs": ms,
            "metadata": {
                "type": "object", "additionalProperties": False,
                "required": ["org", "environment", "owner", "generatedAt", "revision"],
                "properties": {
                    "org": {"$ref": "#/$defs/identifier"},
                    "environment": {"enum": ["development", "staging", "production"]},
                    "owner": {"$ref": "#/$defs/email"},
                    "generatedAt": {"type": "string", "format": "date-time"},
                    "revision": {"type": "integer", "minimum": 1},
                    "labels": {"type": "object",
                               "propertyNames": {"pattern": "^[a-z][a-z0-9_.-]{0,62}$"},
                               "additionalProperties": {"type": "string", "maxLength": 63}},
                },
            },
            "global": {
                "type": "object", "additionalProperties": False,
                "required": ["region", "logLevel", "timezone", "defaultTimeoutMs",
                             "featureFlags"],
                "properties": {
                    "region": {"enum": REGIONS},
                    "logLevel": {"enum": ["trace", "debug", "info", "warn", "error"]},
                    "timezone": {"type": "string", "pattern": "^[A-Za-z]+(/[A-Za-z_]+)*$"},
                    "defaultTimeoutMs": {"$ref": "#/$defs/durationMs"},
                    "featureFlags": {"type": "object",
                                     "propertyNames": {"pattern": "^[a-z][a-zA-Z0-9]*$"},
                                     "additionalProperties": {"type": "boolean"}},
                    "contacts": {
                        "type": "array", "maxItems": 50,
                        "items": {"type": "object", "additionalProperties": False,
                                  "required": ["name", "email", "role"],
                                  "properties": {
                                      "name": {"type": "string", "minLength": 1,
                                               "maxLength": 100},
                                      "email": {"$ref": "#/$defs/email"},
                                      "role": {"enum": ["owner", "oncall", "security",
                                                        "finance"]}}}},
                },
            },
            "rateLimiting": {
                "type": "object", "additionalProperties": False,
                "required": ["enabled", "strategy", "requestsPerSecond"],
                "properties": {
                    "enabled": {"type": "boolean"},
                    "strategy": {"enum": STRATEGIES},
                    "requestsPerSecond": {"type": "number", "exclusiveMinimum": 0,
                                          "maximum": 100000},
                    "burst": {"type": "integer", "minimum": 1, "maximum": 100000},
                    "perClient": {"type": "boolean"},
                },
            },
            "circuitBreaker": {
                "type": "object", "additionalProperties": False,
                "required": ["enabled", "failureThreshold", "openStateMs"],
                "properties": {
                    "enabled": {"type": "boolean"},
                    "failureThreshold": {"type": "integer", "minimum": 1, "maximum": 100},
                    "successThreshold": {"type": "integer", "minimum": 1, "maximum": 100},
                    "openStateMs": {"$ref": "#/$defs/durationMs"},
                    "halfOpenMaxCalls": {"type": "integer", "minimum": 1, "maximum": 1000},
                },
            },
            "retry": {
                "type": "object", "additionalProperties": False,
                "required": ["maxAttempts", "backoff"],
                "properties": {
                    "maxAttempts": {"type": "integer", "minimum": 0, "maximum": 10},
                    "backoff": {"enum": BACKOFFS},
                    "initialDelayMs": {"$ref": "#/$defs/durationMs"},
                    "maxDelayMs": {"$ref": "#/$defs/durationMs"},
                    "jitter": {"type": "number", "minimum": 0, "maximum": 1},
                    "retryOn": {"type": "array", "uniqueItems": True, "maxItems": 20,
                                "items": {"type": "integer", "minimum": 100,
                                          "maximum": 599}},
                },
            },
            "timeouts": {
                "type": "object", "additionalProperties": False,
                "required": ["connectMs", "totalMs"],
                "properties": {k: {"$ref": "#/$defs/durationMs"}
                               for k in ("connectMs", "readMs", "writeMs", "totalMs")},
            },
            "scriptBehavior": {
                "type": "object", "additionalProperties": False,
                "required": ["rateLimiting", "circuitBreaker", "retry", "timeouts"],
                "properties": {
                    "rateLimiting": {"$ref": "#/$defs/rateLimiting"},
                    "circuitBreaker": {"$ref": "#/$defs/circuitBreaker"},
                    "retry": {"$ref": "#/$defs/retry"},
                    "timeouts": {"$ref": "#/$defs/timeouts"},
                },
            },
            "endpoint": {
                "type": "object", "additionalProperties": False,
                "required": ["id", "name", "method", "url", "owner", "createdAt",
                             "enabled", "timeoutMs", "weight", "tags", "version"],
                "properties": {
                    "id": {"type": "string", "pattern": "^ep-[0-9]{6}$"},
                    "name": {"$ref": "#/$defs/identifier"},
                    "method": {"enum": METHODS},
                    "url": {"type": "string", "format": "uri", "maxLength": 2048},
                    "owner": {"$ref": "#/$defs/email"},
                    "createdAt": {"type": "string", "format": "date-time"},
                    "enabled": {"type": "boolean"},
                    "timeoutMs": {"type": "integer", "minimum": 1, "maximum": 120000},
                    "weight": {"type": "number", "minimum": 0, "maximum": 1},
                    "tags": {"type": "array", "uniqueItems": True, "maxItems": 8,
                             "items": {"enum": TAGS}},
                    "version": {"type": "string",
                                "pattern": r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$"},
                    "rateLimit": {"$ref": "#/$defs/rateLimiting"},
                    "retry": {"$ref": "#/$defs/retry"},
                },
            },
        },
    }


def make_document(n: int, seed: int) -> dict:
    r = random.Random(seed)

    def ts():
        return (f"20{r.randint(20, 25)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
                f"T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"
                + r.choice(["Z", "Z", "+02:00", "-05:00", ".123Z"]))

    def rate():
        d = {"enabled": r.random() < 0.9, "strategy": r.choice(STRATEGIES),
             "requestsPerSecond": round(r.uniform(0.5, 5000), 2)}
        if r.random() < 0.7:
            d["burst"] = r.randint(1, 10000)
        if r.random() < 0.5:
            d["perClient"] = r.random() < 0.5
        return d

    def retry():
        d = {"maxAttempts": r.randint(0, 10), "backoff": r.choice(BACKOFFS),
             "initialDelayMs": r.randint(10, 2000), "maxDelayMs": r.randint(2000, 60000),
             "jitter": round(r.random(), 3)}
        d["retryOn"] = sorted(r.sample([408, 425, 429, 500, 502, 503, 504], r.randint(1, 4)))
        return d

    doc = {
        "apiVersion": "config.example.com/v1",
        "kind": "OrgConfig",
        "metadata": {
            "org": "acme-corp", "environment": "production",
            "owner": "platform-team@acme.example.com",
            "generatedAt": "2025-06-01T12:00:00Z", "revision": 42,
            "labels": {"cost-center": "cc-1234", "tier": "gold", "managed-by": "gitops"},
        },
        "global": {
            "region": "eu-west-1", "logLevel": "info", "timezone": "Europe/Berlin",
            "defaultTimeoutMs": 30000,
            "featureFlags": {f"flag{i}": (i % 3 == 0) for i in range(40)},
            "contacts": [{"name": f"Person {i}", "email": f"person{i}@acme.example.com",
                          "role": ["owner", "oncall", "security", "finance"][i % 4]}
                         for i in range(8)],
        },
        "script-behavior": {
            "rateLimiting": {"enabled": True, "strategy": "token-bucket",
                             "requestsPerSecond": 250, "burst": 500, "perClient": True},
            "circuitBreaker": {"enabled": True, "failureThreshold": 5,
                               "successThreshold": 2, "openStateMs": 30000,
                               "halfOpenMaxCalls": 3},
            "retry": {"maxAttempts": 3, "backoff": "exponential", "initialDelayMs": 200,
                      "maxDelayMs": 10000, "jitter": 0.2, "retryOn": [429, 502, 503, 504]},
            "timeouts": {"connectMs": 2000, "readMs": 15000, "writeMs": 15000,
                         "totalMs": 30000},
        },
        "endpoints": [],
    }
    eps = doc["endpoints"]
    for i in range(n):
        team = r.choice(TEAMS)
        noun = r.choice(NOUNS)
        e = {
            "id": f"ep-{i:06d}",
            "name": f"{team}-{noun}-{i}",
            "method": r.choice(METHODS),
            "url": f"https://{team}.api.example.com/v{r.randint(1, 3)}/{noun}/{i}"
                   + (f"?limit={r.randint(1, 500)}" if r.random() < 0.3 else ""),
            "owner": f"{team}-oncall@acme.example.com",
            "createdAt": ts(),
            "enabled": r.random() < 0.85,
            "timeoutMs": r.randint(100, 120000),
            "weight": round(r.random(), 4),
            "tags": r.sample(TAGS, r.randint(0, 4)),
            "version": f"{r.randint(0, 5)}.{r.randint(0, 20)}.{r.randint(0, 50)}"
                       + ("-beta.1" if r.random() < 0.1 else ""),
        }
        if r.random() < 0.15:
            e["rateLimit"] = rate()
        if r.random() < 0.10:
            e["retry"] = retry()
        eps.append(e)
    return doc


# kind -> (field, bad value or None for "delete")
MUTATIONS = [
    ("enum", "method", "FETCH"),
    ("pattern", "id", "EP-1"),
    ("maximum", "timeoutMs", 999999),
    ("minimum", "weight", -0.5),
    ("type", "enabled", "yes"),
    ("required", "owner", None),
    ("additionalProperties", "colour", "blue"),
    ("format:email", "owner", "not-an-email"),
    ("format:date-time", "createdAt", "2024-13-45 25:61"),
    ("format:uri", "url", "not a uri"),
    ("uniqueItems", "tags", ["beta", "beta"]),
    ("enum(items)", "tags", ["nope"]),
]


def make_invalid(doc: dict, k: int, seed: int):
    """Deep-copy doc and inject k errors into distinct endpoint records."""
    bad = json.loads(json.dumps(doc))
    r = random.Random(seed + 1000)
    eps = bad["endpoints"]
    idx = sorted(r.sample(range(len(eps)), min(k, len(eps))))
    errors = []
    for j, i in enumerate(idx):
        kind, field, val = MUTATIONS[j % len(MUTATIONS)]
        if val is None:
            del eps[i][field]
            errors.append((f"/endpoints/{i}", kind, field))
        else:
            eps[i][field] = val
            ptr = {"additionalProperties": f"/endpoints/{i}",
                   "enum(items)": f"/endpoints/{i}/{field}/0"}.get(kind, f"/endpoints/{i}/{field}")
            errors.append((ptr, kind, field))
    return bad, errors


# --------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=HERE / "data")
    ap.add_argument("--invalid", type=int, default=24,
                    help="errors injected in the -invalid document")
    a = ap.parse_args()

    a.out.mkdir(parents=True, exist_ok=True)
    schema = make_schema()
    doc = make_document(a.records, a.seed)
    bad, errors = make_invalid(doc, a.invalid, a.seed)
    stem = a.out / f"org-config-{a.records}"
    sp = a.out / "org-config.schema.json"
    sp.write_text(json.dumps(schema, indent=2) + "\n")
    files = {}
    for suffix, d in (("", doc), ("-invalid", bad)):
        jp = Path(f"{stem}{suffix}.json")
        jp.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        yp = Path(f"{stem}{suffix}.yaml")
        yp.write_text(yaml.dump(d, Dumper=yaml.CSafeDumper, sort_keys=False,
                                default_flow_style=False, allow_unicode=True, width=120),
                      encoding="utf-8")
        files[suffix] = (jp, yp)
    Path(f"{stem}-invalid.errors.txt").write_text(
        "# JSON pointer\tkind\tfield\n" + "".join(f"{p}\t{k}\t{f}\n" for p, k, f in errors))
    print(f"schema  {sp}")
    for suffix, (jp, yp) in files.items():
        print(f"doc{suffix or ''}  {jp} ({jp.stat().st_size / 1e6:.1f} MB), "
              f"{yp} ({yp.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
