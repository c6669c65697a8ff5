package main

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/allystream/allystream/lexicons"
)

var lintLine = regexp.MustCompile(`^[^:]+:\d+:\d+: `)

func TestLexiconsUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no subcommand", []string{"lexicons"}, "missing subcommand"},
		{"unknown subcommand", []string{"lexicons", "fix"}, `unknown subcommand "fix"`},
		{"lint without a directory", []string{"lexicons", "lint"}, "lint needs a lexicon directory"},
		{"show with an argument", []string{"lexicons", "show", "extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := offlineRun(t, "", tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

func TestLexiconsShowPrintsTheSummary(t *testing.T) {
	code, out, stderr := offlineRun(t, "", "lexicons", "show")
	if code != 0 || strings.TrimSpace(out) == "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, out, stderr)
	}
}

func TestPrintLintProblems(t *testing.T) {
	list := lexicons.ErrorList{
		{File: "anger.yaml", Line: 3, Col: 7, Msg: "unknown field \"cue\""},
		{File: "words/anger.txt", Line: 10, Col: 1, Msg: "duplicate entry"},
	}
	other := errors.New("open dir: permission denied")
	tests := []struct {
		name    string
		err     error
		n       int
		wantErr bool
	}{
		{"no problem", nil, 0, false},
		{"error list", list, 2, false},
		{"wrapped error list", fmt.Errorf("load: %w", list), 2, false},
		{"single error", list[0], 1, false},
		{"not a lexicon problem", other, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			n, err := printLintProblems(&buf, tt.err)
			if n != tt.n || (err != nil) != tt.wantErr {
				t.Fatalf("n %d, err %v; want %d, error %v", n, err, tt.n, tt.wantErr)
			}
			checkLintLines(t, buf.String(), tt.n)
		})
	}
}

// checkLintLines checks that out has n lines, each "file:line:col: message".
func checkLintLines(t *testing.T, out string, n int) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if n == 0 {
		lines = nil
		if strings.TrimSpace(out) != "" {
			t.Fatalf("unexpected output %q", out)
		}
	}
	if len(lines) != n {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), n, out)
	}
	for _, line := range lines {
		if !lintLine.MatchString(line) {
			t.Errorf("line %q is not file:line:col: message", line)
		}
	}
}

func TestLexiconsLint(t *testing.T) {
	tests := []struct {
		name     string
		dirs     []string
		code     int
		problems int
	}{
		{"broken directory", []string{"testdata/lexicons-broken"}, 1, 5},
		{"valid override", []string{"testdata/lexicons-ok"}, 0, 0},
		{"valid and broken", []string{"testdata/lexicons-ok", "testdata/lexicons-broken"}, 1, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := offlineRun(t, "", append([]string{"lexicons", "lint"}, tt.dirs...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tt.code, out, stderr)
			}
			if tt.problems == 0 {
				if strings.TrimSpace(out) != "ok" {
					t.Fatalf("stdout %q, want ok", out)
				}
				return
			}
			checkLintLines(t, out, tt.problems)
			for _, want := range []string{"lexicons-broken/anger.yaml:5:11: ", "lexicons-broken/mylist.txt:4:1: "} {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			if !strings.Contains(stderr, "5 problems") {
				t.Errorf("stderr lacks the count:\n%s", stderr)
			}
		})
	}
}

func TestLexiconsLintMissingDirectory(t *testing.T) {
	code, _, stderr := offlineRun(t, "", "lexicons", "lint", "testdata/no-such-dir")
	if code != 1 || !strings.Contains(stderr, "no-such-dir") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestLexiconsShowWithOverride(t *testing.T) {
	code, out, stderr := offlineRun(t, "", "lexicons", "show", "--lexicons", "testdata/lexicons-ok")
	if code != 0 || !strings.Contains(out, "test.local_slang") {
		t.Fatalf("exit %d, override rule not listed; stderr:\n%s", code, stderr)
	}
	_, plain, _ := offlineRun(t, "", "lexicons", "show")
	if firstLine(plain) == firstLine(out) {
		t.Errorf("override did not change the version line: %q", firstLine(out))
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
