"""The HTTP servers of bench/compare's HTTP rows, both on 127.0.0.1 only: Runbook's loopback server (the
one demo-api is built on, `bench-probe serve`) and nginx answering with the same document."""
from __future__ import annotations

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
    """nginx, one worker, keep-alive without a request limit, DOCUMENT from memory at /api/customers/42."""

    def __init__(self, prefix: Path):
        self.prefix = prefix

    def __enter__(self) -> "NginxServer":
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        port = free_port()
        for folder in ("tmp", "logs"):
            (self.prefix / folder).mkdir(parents=True, exist_ok=True)
        conf = self.prefix / "nginx.conf"
        temp = self.prefix / "tmp"
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
        location = /api/customers/42 {{ default_type application/json; return 200 '{DOCUMENT}'; }}
    }}
}}
""")
        self.process = subprocess.Popen([nginx, "-p", str(self.prefix), "-c", str(conf), "-g", "daemon off;"],
                                        stderr=subprocess.DEVNULL)
        wait_for(port, self.process)
        self.base = f"http://127.0.0.1:{port}/api/"
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
