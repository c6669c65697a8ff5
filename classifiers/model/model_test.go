package model

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/lexicons"
)

var (
	engineOnce sync.Once
	engine     *classifiers.Engine
	engineErr  error
)

// testEngine builds the rule engine from the embedded lexicons once per test binary.
func testEngine(t testing.TB) *classifiers.Engine {
	t.Helper()
	engineOnce.Do(func() {
		set, err := lexicons.Load("")
		if err != nil {
			engineErr = err
			return
		}
		engine, engineErr = classifiers.New(set)
	})
	if engineErr != nil {
		t.Fatal(engineErr)
	}
	return engine
}

// zorbExamples is a small coded set in which a word the rules do not know ("zorbled",
// "zorbling") marks anger, so that only a learned model can find it.
func zorbExamples() []Example {
	var ex []Example
	subjects := []string{"the council", "my landlord", "this ruling", "the new policy", "their decision",
		"the school board", "that judge", "the company", "this law", "the mayor"}
	for i, s := range subjects {
		for k, form := range []string{"I am zorbled by %s", "%s has me zorbling tonight"} {
			ex = append(ex, Example{ID: fmt.Sprintf("p%d-%d", i, k), Source: []string{"a", "b"}[i%2],
				Text: fmt.Sprintf(form, s), Codes: map[string]int{"anger": 1}})
		}
		for k, form := range []string{"I went to see %s today", "%s met on Tuesday about the park", "we talked about %s over lunch"} {
			ex = append(ex, Example{ID: fmt.Sprintf("n%d-%d", i, k), Source: []string{"a", "b"}[i%2],
				Text: fmt.Sprintf(form, s), Codes: map[string]int{"anger": 0}})
		}
	}
	return ex
}

func trainZorb(t *testing.T) *Classifier {
	t.Helper()
	tr, err := Train(testEngine(t), zorbExamples(), TrainConfig{MinPositives: 5, Decisions: []string{"anger", "empathy"}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := FromTrained(tr)
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClassifier(testEngine(t), m)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTrainClassifyRoundTrip(t *testing.T) {
	c := trainZorb(t)
	man := c.model.Manifest()
	if d := man.Decisions[0]; d.Name != "anger" || d.Mode != ModeModel {
		t.Fatalf("anger decision = %+v, want model mode (the rules cannot know the word)", d)
	}
	if d := man.Decisions[1]; d.Mode != ModeRules || !strings.Contains(d.Why, "fewer than") {
		t.Fatalf("empathy decision = %+v, want rules mode for want of coded positives", d)
	}
	res := c.Classify("Honestly I am zorbled by the parking rules")
	if !res.Labels.Anger.Present {
		t.Fatalf("anger not present: %+v", res.Labels.Anger)
	}
	var found bool
	for _, e := range res.Labels.Anger.Evidence {
		if res.Text[e.Start:e.End] != e.Cue {
			t.Errorf("evidence %+v does not index the text", e)
		}
		found = found || (e.Cue == "zorbled" && (strings.HasPrefix(e.Rule, "model:anger w:zorbled ") || strings.HasPrefix(e.Rule, "model:anger s:zorbl ")))
	}
	if !found {
		t.Errorf("evidence %+v lacks the model feature w:zorbled or s:zorbl", res.Labels.Anger.Evidence)
	}
	if res := c.Classify("We walked to the park on Tuesday"); res.Labels.Anger.Present {
		t.Errorf("anger present on a neutral post: %+v", res.Labels.Anger)
	}
}

func TestSaveLoadSameModel(t *testing.T) {
	tr, err := Train(testEngine(t), zorbExamples(), TrainConfig{MinPositives: 5, Decisions: []string{"anger"}})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	saved, err := SaveDir(dir, tr.Manifest, tr.Rows)
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version() != loaded.Version() || len(loaded.Version()) != 12 {
		t.Fatalf("versions %q and %q, want one 12-digit hash", saved.Version(), loaded.Version())
	}
	a, _ := NewClassifier(testEngine(t), saved)
	b, _ := NewClassifier(testEngine(t), loaded)
	for _, text := range []string{"I am zorbled by the bus", "a quiet day"} {
		if x, y := a.Classify(text).Labels.Anger, b.Classify(text).Labels.Anger; x.Score != y.Score || x.Present != y.Present {
			t.Errorf("%q: saved %+v, loaded %+v", text, x, y)
		}
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	cfg := TrainConfig{MinPositives: 5, Decisions: []string{"anger"}}
	a, err := Train(testEngine(t), zorbExamples(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Train(testEngine(t), zorbExamples(), cfg)
	ma, _ := FromTrained(a)
	mb, _ := FromTrained(b)
	if ma.Version() != mb.Version() {
		t.Fatalf("two trainings on the same data gave versions %s and %s", ma.Version(), mb.Version())
	}
}

func TestLoadErrorsNameFileAndLine(t *testing.T) {
	good := `{"format":1,"features":{"words":true},"decisions":[{"name":"anger","mode":"model","threshold":0.5,"platt_a":-1,"platt_b":0}],"training":{}}`
	tests := []struct {
		name, manifest, weights, want string
	}{
		{"bad format", strings.Replace(good, `"format":1`, `"format":9`, 1), "feature\tanger\n", "manifest.json: format 9"},
		{"unknown decision", strings.Replace(good, `"anger"`, `"rage"`, 1), "feature\trage\n", `unknown name "rage"`},
		{"unknown field", strings.Replace(good, `"format":1`, `"format":1,"extra":2`, 1), "feature\tanger\n", "manifest.json: json: unknown field"},
		{"threshold", strings.Replace(good, `0.5`, `1.5`, 1), "feature\tanger\n", "threshold 1.5"},
		{"header", good, "feature\tempathy\n", "weights.tsv:1: header"},
		{"fields", good, "feature\tanger\nw:x\t1\t2\n", "weights.tsv:2: 3 fields, want 2"},
		{"weight", good, "feature\tanger\nw:x\t1\nw:y\tNaN\n", `weights.tsv:3: weight 1 of "w:y"`},
		{"duplicate", good, "feature\tanger\nw:x\t1\nw:x\t2\n", `weights.tsv:3: feature "w:x" listed twice`},
		{"empty", good, "", "weights.tsv:1: no header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(fstest.MapFS{ManifestFile: {Data: []byte(tt.manifest)}, WeightsFile: {Data: []byte(tt.weights)}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(fstest.MapFS{})
	if err == nil || !strings.Contains(err.Error(), "read manifest") {
		t.Fatalf("err = %v", err)
	}
	var pe interface{ Unwrap() error }
	if !errors.As(err, &pe) {
		t.Fatalf("err %v is not wrapped", err)
	}
}

func TestDefaultModelLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.Version() == "" || len(m.Manifest().Decisions) == 0 {
		t.Fatalf("default model %q has no decisions", m.Version())
	}
	c, err := NewClassifier(testEngine(t), m)
	if err != nil {
		t.Fatal(err)
	}
	checkEvidence(t, c, "I am absolutely furious, my heart breaks for these families. As a white person I benefit from this system.")
}

// checkEvidence asserts the evidence invariants on one post: every span indexes the text,
// and every present label (and a known speaker) has evidence.
func checkEvidence(t *testing.T, c *Classifier, text string) {
	t.Helper()
	res := c.Classify(text)
	for _, name := range classifiers.LabelNames() {
		l, _ := res.Labels.Get(name)
		if l.Present && len(l.Evidence) == 0 {
			t.Errorf("%q: %s present without evidence", text, name)
		}
		if l.Score < 0 || l.Score > 1 {
			t.Errorf("%q: %s score %v outside [0,1]", text, name, l.Score)
		}
		for _, e := range l.Evidence {
			if e.Start < 0 || e.End > len(res.Text) || e.Start > e.End || res.Text[e.Start:e.End] != e.Cue {
				t.Errorf("%q: %s evidence %+v does not index the text", text, name, e)
			}
		}
	}
	if res.Speaker.Role != classifiers.RoleUnknown && len(res.Speaker.Evidence) == 0 {
		t.Errorf("%q: speaker %s without evidence", text, res.Speaker.Role)
	}
}
