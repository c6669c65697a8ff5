package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// offlineRun runs the CLI in-process with the given stdin and an empty environment, and
// returns its exit status, stdout and stderr.
func offlineRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &environment{
		stdin:  io.Reader(strings.NewReader(stdin)),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(string) string { return "" },
	}
	code := dispatch(context.Background(), env, args)
	return code, stdout.String(), stderr.String()
}
