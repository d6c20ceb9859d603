# The image the Kubernetes manifests of `runbook kubernetes` run (docs/fleets.md, "The image").
#
#   docker build -t registry.example.com/runbook:0.1.0 .
#
# Stage 1 builds `runbook` with the official Swift image (6.3, the toolchain CI uses), the Swift runtime and Foundation linked
# statically (--static-swift-stdlib, which Package.swift's own -static-stdlib for `runbook` agrees
# with), so the binary needs only libyaml, OpenSSL, zlib and the C/C++ runtime at run time.
FROM swift:6.3-bookworm AS build
# Not pinned: bookworm's security updates replace the versions (DL3008).
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libyaml-dev libssl-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The package (SwiftPM wants every target's folder, tests included); .dockerignore keeps .build/,
# output/, logs/ and every secrets file out.
COPY . .
RUN swift build -c release --product runbook --static-swift-stdlib \
    && install -D -m 0755 "$(swift build -c release --product runbook --static-swift-stdlib --show-bin-path)/runbook" /out/runbook

# Stage 2: a slim Debian with the four shared libraries `runbook` links, and a non-root user.
FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends libyaml-0-2 libssl3 zlib1g libstdc++6 ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 runbook \
    && useradd --system --uid 10001 --gid runbook --home-dir /app --no-create-home --shell /usr/sbin/nologin runbook
COPY --from=build /out/runbook /usr/local/bin/runbook
# The project layout `runbook run` expects: config/ and schemas/ (and data/) read-only, the folders
# a run writes owned by the runbook user. The pods' targets and secrets are mounted at /etc/runbook.
WORKDIR /app
COPY config/ ./config/
COPY schemas/ ./schemas/
COPY data/ ./data/
RUN mkdir -p output logs tmp payloads generated_payloads \
    && chown runbook:runbook output logs tmp payloads generated_payloads
ENV NO_COLOR=1
USER 10001:10001
ENTRYPOINT ["runbook"]
CMD ["list"]
