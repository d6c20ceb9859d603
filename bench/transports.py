"""bench/compare's transport rows (issue 15): the full client on the socket transport (`bench-get-socket`)
and on AsyncHTTPClient (`bench-get-ahc`), with `wrk` as the limit, run alternately (socket, AHC, wrk,
socket, AHC, wrk, ...) against one nginx (one worker) that serves the same document plain and over
TLS 1.3, and the 5 MiB bodies as they are and gzipped. Every figure is requests/s in the client process.

Each row yields three ratios from the same rounds: socket / wrk, AHC / wrk, socket / AHC. The HTTPS rows
pair each transport's HTTPS run with its own plain run (HTTPS / plain, as a rate: ≥ 0.667 is "within
1.5×"); start-up pairs one-GET processes of the two transports."""
from __future__ import annotations

from pathlib import Path

from pairs import Program, Runner, Series
from servers import NginxServer, big_json, loopback_certificate

BIG = 5 * 1_048_576


def transport_rows(runner: Runner, add, sizes, bin_: Path, work: Path) -> None:
    """Runs every transport row; `add(name, unit, target, a, b)` records one ratio of two series."""
    certificate, key = loopback_certificate(work / "tls")
    ca = str(certificate)
    big_count = 20 if sizes.gets >= 10_000 else 10
    wrk = lambda connections, url: Program(f"wrk -c{connections}", ["wrk", "-t1", f"-c{connections}",  # noqa: E731
                                                                    f"-d{sizes.wrk_seconds}s", url], "wrk")

    def client(kind: str, url: str, count: int, in_flight: int = 1) -> Program:
        label = "socket" if kind == "socket" else "AHC"
        return Program(label, [str(bin_ / f"bench-get-{kind}"), url, str(count), str(in_flight), ca], "rate", count)

    def three(name: str, target: str, url: str, count: int, in_flight: int, connections: int) -> None:
        print(f"-- {name}", flush=True)
        socket, ahc, limit = runner.alternate(
            [client("socket", url, count, in_flight), client("ahc", url, count, in_flight), wrk(connections, url)], sizes.pairs)
        add(f"{name}: socket / {limit.program.label}", "req/s", target, socket, limit)
        add(f"{name}: AHC / {limit.program.label}", "req/s", "report", ahc, limit)
        add(f"{name}: socket / AHC", "req/s", "report", socket, ahc)

    with NginxServer(work / "nginx-transports", big=big_json(BIG), tls=(certificate, key)) as server:
        plain, tls = server.base, server.tls_base
        three("transports, sequential GETs", "≥ 0.8", plain + "customers/42", sizes.gets, 1, 1)
        three("transports, 8 GETs in flight", "≥ 0.5", plain + "customers/42", sizes.gets_parallel, 8, 8)
        three("transports, HTTPS sequential GETs", "report", tls + "customers/42", sizes.gets, 1, 1)
        three("transports, 5 MiB body", "report", plain + "big", big_count, 1, 1)
        three("transports, 5 MiB gzip body (decoded; wrk does not decode)", "report", plain + "big-gzip", big_count, 1, 1)
        for kind in ("socket", "ahc"):
            label = "socket" if kind == "socket" else "AHC"
            print(f"-- transports, HTTPS / plain sequential GETs, {label}", flush=True)
            https, http = runner.alternate([client(kind, tls + "customers/42", sizes.gets),
                                            client(kind, plain + "customers/42", sizes.gets)], sizes.pairs)
            add(f"transports, {label}: HTTPS / plain sequential GETs (rate; ≥ 0.667 is within 1.5×)", "req/s", "≥ 0.667",
                https, http)
        print("-- transports, start-up with one GET", flush=True)
        socket, ahc = runner.alternate([Program("bench-get-socket", [str(bin_ / "bench-get-socket"), plain + "customers/42"]),
                                        Program("bench-get-ahc", [str(bin_ / "bench-get-ahc"), plain + "customers/42"])],
                                       sizes.startup_pairs)
        add("transports, start-up with 1 GET: socket / AHC", "ms", "report", socket, ahc)
