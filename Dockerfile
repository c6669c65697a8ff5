# syntax=docker/dockerfile:1
#
# allystream container image: a static binary on distroless, running as a numeric non-root
# user. Build from the repository root:
#
#   docker build -t allystream:dev .
#   docker run --rm -p 9464:9464 -e ALLYSTREAM_BROKERS=kafka:9092 allystream:dev
#
# The default command is "run" (the streaming worker); pass another subcommand to override it,
# e.g. "docker run --rm -i allystream:dev classify < posts.jsonl".

FROM golang:1.26 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOOS=linux GOFLAGS=-mod=readonly
# Dependencies first, so that source edits do not refetch them.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    go build -trimpath -ldflags "-s -w" -o /out/allystream ./cmd/allystream

# static-debian12 holds CA certificates, tzdata and /etc/passwd entries for "nonroot" (65532).
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/allystream /usr/local/bin/allystream
USER 65532:65532
# /metrics, /healthz and /readyz (--metrics-addr, default :9464).
EXPOSE 9464
ENTRYPOINT ["/usr/local/bin/allystream"]
CMD ["run"]
