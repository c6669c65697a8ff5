package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalCommandText(t *testing.T) {
	code, out, stderr := offlineRun(t, "", "eval", "--gold", "testdata/gold.jsonl")
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"posts 4, skipped 0", "macro-F1 over empathy, anger, privilege_framed, disadvantage_framed:", "gold \\ predicted"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalCommandJSONWithMappingAndDisagreements(t *testing.T) {
	dis := filepath.Join(t.TempDir(), "miss.jsonl")
	code, out, stderr := offlineRun(t, "", "eval", "--gold", "testdata/gold.jsonl", "--json",
		"--map", "tender=spokesperson", "--disagreements", dis)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var report struct {
		Posts  int `json:"posts"`
		Labels []struct {
			Label string `json:"label"`
			N     int    `json:"n"`
		} `json:"labels"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	n := map[string]int{}
	for _, l := range report.Labels {
		n[l.Label] = l.N
	}
	// g4 codes anger, and spokesperson through the "tender" field; the mapping replaces the
	// "spokesperson" field, which g1-g3 code but is no longer read.
	if report.Posts != 4 || n["anger"] != 4 || n["empathy"] != 3 || n["spokesperson"] != 1 {
		t.Errorf("posts %d, scored %v", report.Posts, n)
	}
	data, err := os.ReadFile(dis)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line != "" && !json.Valid([]byte(line)) {
			t.Errorf("disagreement line is not JSON: %s", line)
		}
	}
}

func TestEvalCommandErrors(t *testing.T) {
	broken := filepath.Join(t.TempDir(), "broken.jsonl")
	if err := os.WriteFile(broken, []byte("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"gold required", []string{"eval"}, 2, "--gold is required"},
		{"unknown mapped label", []string{"eval", "--gold", "testdata/gold.jsonl", "--map", "x=kindness"}, 2, `unknown label "kindness"`},
		{"stray argument", []string{"eval", "--gold", "testdata/gold.jsonl", "extra"}, 2, "unexpected arguments"},
		{"missing file", []string{"eval", "--gold", "testdata/nope.jsonl"}, 1, "open gold file"},
		{"broken line", []string{"eval", "--gold", broken}, 1, "gold line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := offlineRun(t, "", tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("exit %d (want %d), stderr:\n%s\nwant it to contain %q", code, tt.code, stderr, tt.stderr)
			}
		})
	}
}

func TestEvalCommandWithLexiconOverride(t *testing.T) {
	version := func(args ...string) string {
		code, out, stderr := offlineRun(t, "", append([]string{"eval", "--gold", "testdata/gold.jsonl", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var r struct {
			LexiconVersion string `json:"lexicon_version"`
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatal(err)
		}
		return r.LexiconVersion
	}
	if plain, over := version(), version("--lexicons", "testdata/lexicons-ok"); plain == over {
		t.Errorf("--lexicons did not change lexicon_version (%s)", plain)
	}
	code, _, stderr := offlineRun(t, "", "eval", "--gold", "testdata/gold.jsonl", "--lexicons", "testdata/lexicons-broken")
	if code != 1 || !strings.Contains(stderr, "load lexicons") {
		t.Errorf("broken lexicons: exit %d, stderr:\n%s", code, stderr)
	}
}

func TestEvalCommandBy(t *testing.T) {
	code, out, stderr := offlineRun(t, "", "eval", "--gold", "testdata/gold.jsonl", "--by", "speaker")
	if code != 0 || !strings.Contains(out, "F1 by speaker") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	code, out, _ = offlineRun(t, "", "eval", "--gold", "testdata/gold.jsonl", "--by", "speaker", "--json")
	var r struct {
		Overall struct{ Posts int } `json:"overall"`
		By      string              `json:"by"`
		Groups  []struct {
			Value  string
			Report struct{ Posts int }
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 0 {
		t.Fatalf("exit %d, err %v:\n%s", code, err, out)
	}
	posts := 0
	for _, g := range r.Groups {
		posts += g.Report.Posts
	}
	// testdata/gold.jsonl: ally, unknown, unknown, and one line without a speaker.
	if r.By != "speaker" || r.Overall.Posts != 4 || len(r.Groups) != 3 || posts != 4 {
		t.Errorf("by %q, overall %d, %d groups with %d posts", r.By, r.Overall.Posts, len(r.Groups), posts)
	}
}
