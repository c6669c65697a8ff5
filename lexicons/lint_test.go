package lexicons

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

func TestLintReportsEveryProblemWithPosition(t *testing.T) {
	err := Lint("testdata/broken")
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Lint = %v, want an ErrorList", err)
	}
	want := []string{
		`testdata/broken/anger.yaml:6:11: unknown kind "regex" (allowed: phrase, pattern, near, shout, veto)`,
		`testdata/broken/anger.yaml:12:5: unknown field "colour" in a rule (allowed: ` + strings.Join(ruleFields, ", ") + `)`,
		`testdata/broken/anger.yaml:14:5: duplicate rule id "broken.field" (first at testdata/broken/anger.yaml:9)`,
		`testdata/broken/anger.yaml:20:13: weight must be in (0, 1], got 1.5`,
		`testdata/broken/anger.yaml:21:13: unknown part-of-speech tag "XYZ" (allowed: ` + strings.Join(pennTags, ", ") + `)`,
		`testdata/broken/anger.yaml:25:13: unknown word list {no_such_list} (no file no_such_list.txt)`,
		`testdata/broken/nolabel.yaml:1:1: missing field "label" (one of: empathy, anger, privilege_framed, disadvantage_framed, spokesperson, speaker)`,
		`testdata/broken/words.txt:4:1: duplicate entry "one"`,
	}
	got := strings.Split(err.Error(), "\n")
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Lint errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(list) != len(want) {
		t.Errorf("ErrorList has %d entries, want %d", len(list), len(want))
	}
}

func TestLintCases(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"wrong kind", "empathy.yaml", "label: empathy\nrules:\n  - id: x.a\n    kind: fuzzy\n    weight: 0.5\n    match: [hi]\n",
			`o/empathy.yaml:4:11: unknown kind "fuzzy" (allowed: phrase, pattern, near, shout, veto)`},
		{"unknown top-level field", "empathy.yaml", "label: empathy\nthreshhold: 0.5\n",
			`o/empathy.yaml:2:1: unknown field "threshhold" in a lexicon file (allowed: label, threshold, own_voice, note, rules)`},
		{"unknown label", "joy.yaml", "label: joy\nthreshold: 0.5\n",
			`o/joy.yaml:1:8: unknown label "joy" (allowed: empathy, anger, privilege_framed, disadvantage_framed, spokesperson, speaker)`},
		{"duplicate id across labels", "empathy.yaml", "label: empathy\nrules:\n  - id: anger.feeling\n    kind: phrase\n    weight: 0.5\n    match: [hi]\n",
			`o/empathy.yaml:3:5: rule id "anger.feeling" is already used in label "anger"`},
		{"missing kind", "anger.yaml", "label: anger\nrules:\n  - id: x.b\n    weight: 0.5\n    match: [hi]\n",
			`o/anger.yaml:3:5: rule "x.b" has no kind (allowed: phrase, pattern, near, shout, veto)`},
		{"pattern syntax in a phrase", "anger.yaml", "label: anger\nrules:\n  - id: x.c\n    kind: phrase\n    weight: 0.5\n    match: [\"so {harm}\"]\n",
			`o/anger.yaml:6:13: "{harm}" is pattern syntax; use kind: pattern, or write plain words`},
		{"field for another kind", "anger.yaml", "label: anger\nrules:\n  - id: x.d\n    kind: phrase\n    weight: 0.5\n    window: 3\n    match: [hi]\n",
			`o/anger.yaml:6:13: field "window" does not apply to kind phrase`},
		{"disable unknown rule", "anger.yaml", "label: anger\nrules:\n  - id: anger.nope\n    disable: true\n",
			`o/anger.yaml:3:5: no rule "anger.nope" in label "anger" to disable`},
		{"role outside speaker", "anger.yaml", "label: anger\nrules:\n  - id: x.e\n    kind: phrase\n    role: ally\n    weight: 0.5\n    match: [hi]\n",
			`o/anger.yaml:5:11: field "role" applies only to speaker rules`},
		{"bad yaml", "anger.yaml", "label: anger\nrules: [\n",
			`o/anger.yaml:2:1: invalid YAML: did not find expected node content`},
		{"wildcard first", "anger.yaml", "label: anger\nrules:\n  - id: x.f\n    kind: pattern\n    weight: 0.5\n    match: [\"... mad\"]\n",
			`o/anger.yaml:6:13: a pattern must start with a word or a {list}, not a wildcard or <TAG>`},
		{"sentence_start on a near rule", "anger.yaml", "label: anger\nrules:\n  - id: x.g\n    kind: near\n    weight: 0.5\n    sentence_start: true\n    match: [hi]\n    with: [there]\n",
			`o/anger.yaml:6:21: field "sentence_start" does not apply to kind near`},
		{"clause scope on a near rule", "anger.yaml", "label: anger\nrules:\n  - id: x.h\n    kind: near\n    weight: 0.5\n    scope: clause\n    match: [hi]\n    with: [there]\n",
			`o/anger.yaml:6:12: unknown scope "clause" for a near rule (allowed: sentence, post)`},
		{"remove missing list entry", "harm.txt", "!not-there\n",
			`o/harm.txt:1:1: no entry "not-there" in word list "harm" to remove`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadFS(fstest.MapFS{tt.file: {Data: []byte(tt.src)}}, "o")
			if err == nil {
				t.Fatalf("no error, want %s", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("errors:\n%v\nwant a line:\n%s", err, tt.want)
			}
		})
	}
}

func TestErrorFormat(t *testing.T) {
	e := &Error{File: "anger.yaml", Line: 42, Col: 7, Msg: "bad"}
	if e.Error() != "anger.yaml:42:7: bad" {
		t.Errorf("Error() = %q", e.Error())
	}
}
