package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// offlineRun runs the CLI in-process with the given stdin and an empty environment, and
// returns its exit status, stdout and stderr.
func offlineRun(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	return offlineRunEnv(t, nil, stdin, args...)
}

// offlineRunEnv is offlineRun with environment variables.
func offlineRunEnv(t *testing.T, vars map[string]string, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	env := &environment{
		stdin:  strings.NewReader(stdin),
		stdout: &stdout,
		stderr: &stderr,
		getenv: func(name string) string { return vars[name] },
	}
	code := dispatch(context.Background(), env, args)
	return code, stdout.String(), stderr.String()
}
