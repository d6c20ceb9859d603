"""The HTTP servers of bench/compare's HTTP rows, both on 127.0.0.1 only: Runbook's loopback server (the
one demo-api is built on, `bench-probe serve`) and nginx answering with the same document."""
from __future__ import annotations

import gzip
import shutil
import socket
import subprocess
import time
from pathlib import Path

DOCUMENT = '{"id":42,"name":"Acme AS","city":"Oslo","active":true,"balance":1234.5}'


class LoopbackServer:
    """`bench-probe serve`: GET /api/customers/42 answered with DOCUMENT."""

    def __init__(self, argv: list[str]):
        self.argv = argv

    def __enter__(self) -> "LoopbackServer":
        self.process = subprocess.Popen(self.argv, stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if not line.startswith("port "):
            self.process.kill()
            raise RuntimeError(f"bench-probe serve did not start: {line!r}")
        self.base = f"http://127.0.0.1:{int(line.split()[1])}/api/"
        return self

    def __exit__(self, *_) -> None:
        self.process.kill()
        self.process.wait()


class NginxServer:
    """nginx, one worker, keep-alive without a request limit, DOCUMENT from memory at /api/customers/42.
    With `big` (a JSON body), also /api/big (it, from a file) and /api/big-gzip (it gzipped, with
    `Content-Encoding: gzip`); with `tls` (certificate and key files), the same on a second port over
    TLS (`tls_base`)."""

    def __init__(self, prefix: Path, big: bytes | None = None, tls: tuple[Path, Path] | None = None):
        self.prefix = prefix
        self.big = big
        self.tls = tls

    def __enter__(self) -> "NginxServer":
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        port, tls_port = free_port(), free_port()
        for folder in ("tmp", "logs"):
            (self.prefix / folder).mkdir(parents=True, exist_ok=True)
        conf = self.prefix / "nginx.conf"
        temp = self.prefix / "tmp"
        tls_listen = big_locations = ""
        if self.tls:
            tls_listen = (f"listen 127.0.0.1:{tls_port} ssl; ssl_certificate {self.tls[0]}; "
                          f"ssl_certificate_key {self.tls[1]}; ssl_protocols TLSv1.3;")
        if self.big is not None:
            files = self.prefix / "files"
            files.mkdir(parents=True, exist_ok=True)
            (files / "big.json").write_bytes(self.big)
            (files / "big.json.gz").write_bytes(gzip.compress(self.big, compresslevel=6, mtime=0))
            big_locations = (f"location = /api/big {{ default_type application/json; alias {files}/big.json; }} "
                             f"location = /api/big-gzip {{ default_type application/json; add_header Content-Encoding gzip; "
                             f"alias {files}/big.json.gz; }}")
        conf.write_text(f"""
worker_processes 1;
pid {self.prefix}/nginx.pid;
error_log {self.prefix}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    access_log off;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp};
    uwsgi_temp_path {temp}; scgi_temp_path {temp};
    server {{
        listen 127.0.0.1:{port};
        {tls_listen}
        location = /api/customers/42 {{ default_type application/json; return 200 '{DOCUMENT}'; }}
        {big_locations}
    }}
}}
""")
        self.process = subprocess.Popen([nginx, "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"],
                                        stderr=subprocess.DEVNULL)
        wait_for(port, self.process)
        self.base = f"http://127.0.0.1:{port}/api/"
        self.tls_base = f"https://127.0.0.1:{tls_port}/api/"
        return self

    def __exit__(self, *_) -> None:
        self.process.terminate()
        self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited {process.returncode} before listening on {port}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


def loopback_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (P-256, 2 days) made by the `openssl` tool; the
    certificate is also the clients' CA file."""
    folder.mkdir(parents=True, exist_ok=True)
    certificate, key = folder / "loopback.pem", folder / "loopback.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "2",
                    "-keyout", str(key), "-out", str(certificate)], check=True, capture_output=True)
    return certificate, key


def big_json(size: int) -> bytes:
    """The transport rows' large body, the same document as BenchBodies.json(bytes:) in Swift."""
    parts, length, id_ = ["["], 1, 100_000
    while length < size - 80:
        record = f'{{"id":{id_},"name":"customer {id_}","city":"Oslo","balance":{id_ % 9973}.25}},'
        parts.append(record)
        length += len(record)
        id_ += 1
    parts.append('{"id":0}]')
    return "".join(parts).encode()
