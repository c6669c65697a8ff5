package lexicons

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

func TestLoadEmbedded(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if !regexp.MustCompile(`^[0-9a-f]{12}$`).MatchString(s.Version()) {
		t.Errorf("Version() = %q, want 12 hex digits", s.Version())
	}
	for _, name := range LabelNames() {
		l := s.Label(name)
		if l == nil || len(l.Rules) == 0 || l.Threshold <= 0 {
			t.Errorf("label %s missing, empty or without threshold: %+v", name, l)
		}
	}
	for _, name := range RequiredLists() {
		if s.List(name) == nil {
			t.Errorf("required list %s missing", name)
		}
	}
}

func TestVersionIsStableAndContentBased(t *testing.T) {
	a, _ := Load("")
	b, _ := Load("")
	if a.Version() != b.Version() {
		t.Errorf("two loads give %s and %s", a.Version(), b.Version())
	}
	o, err := Load("testdata/override")
	if err != nil {
		t.Fatalf("Load override: %v", err)
	}
	if o.Version() == a.Version() {
		t.Errorf("override did not change the version %s", a.Version())
	}
}

func TestOverrideSemantics(t *testing.T) {
	s, err := Load("testdata/override")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	anger := s.Label("anger")
	if anger.Threshold != 0.6 {
		t.Errorf("threshold = %v, want 0.6 from the override", anger.Threshold)
	}
	byID := map[string]*Rule{}
	for _, r := range anger.Rules {
		byID[r.ID] = r
	}
	if r := byID["anger.emoji"]; r == nil || r.Weight != 0.9 || r.Pos.File != "testdata/override/anger.yaml" {
		t.Errorf("anger.emoji not replaced by the override: %+v", r)
	}
	if byID["anger.shout_short"] != nil {
		t.Error("anger.shout_short still present after disable: true")
	}
	if byID["anger.local_slang"] == nil {
		t.Error("new rule anger.local_slang not added")
	}
	if byID["anger.feeling"] == nil {
		t.Error("untouched rule anger.feeling lost")
	}
	harm := s.List("harm")
	if !hasEntry(harm, "gaslit") || hasEntry(harm, "dying") {
		t.Errorf("harm list not overridden: gaslit added %v, dying removed %v", hasEntry(harm, "gaslit"), !hasEntry(harm, "dying"))
	}
}

func TestWriteSummary(t *testing.T) {
	s, _ := Load("")
	var buf bytes.Buffer
	if err := s.WriteSummary(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"lexicon version " + s.Version(), "label anger (threshold 0.50, anger.yaml)",
		"anger.feeling", "anger.yaml:", "harm "} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

func TestLoadMissingDir(t *testing.T) {
	if _, err := Load("testdata/does-not-exist"); err == nil || !strings.Contains(err.Error(), "load lexicon overrides") {
		t.Errorf("err = %v, want a wrapped error naming the directory", err)
	}
}
