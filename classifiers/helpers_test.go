package classifiers

import (
	"sync"
	"testing"

	"github.com/allystream/allystream/lexicons"
)

var shared = sync.OnceValues(func() (*Engine, error) {
	set, err := lexicons.Load("")
	if err != nil {
		return nil, err
	}
	return New(set)
})

// testEngine returns one engine shared by the package's tests (it is immutable).
func testEngine(t testing.TB) *Engine {
	t.Helper()
	e, err := shared()
	if err != nil {
		t.Fatalf("build engine: %v", err)
	}
	return e
}

// checkSpans fails unless every evidence item indexes r.Text exactly.
func checkSpans(t testing.TB, r Result) {
	t.Helper()
	all := [][]Evidence{r.Speaker.Evidence}
	for _, name := range LabelNames() {
		l, _ := r.Labels.Get(name)
		all = append(all, l.Evidence)
	}
	for _, evs := range all {
		for _, ev := range evs {
			if ev.Start < 0 || ev.End > len(r.Text) || ev.Start > ev.End || r.Text[ev.Start:ev.End] != ev.Cue {
				t.Fatalf("bad span %+v in %q", ev, r.Text)
			}
		}
	}
}

// cues lists the evidence cues of a label.
func cues(r Result, label string) []string {
	l, _ := r.Labels.Get(label)
	var out []string
	for _, ev := range l.Evidence {
		out = append(out, ev.Cue)
	}
	return out
}

func hasCue(list []string, want string) bool {
	for _, c := range list {
		if c == want {
			return true
		}
	}
	return false
}

// checkSpeaker classifies text and asserts its speaker role, its spans, and, when cue is not
// empty, that the speaker evidence holds that exact cue.
func checkSpeaker(t *testing.T, e *Engine, text, role, cue string) {
	t.Helper()
	r := e.Classify(text)
	checkSpans(t, r)
	if r.Speaker.Role != role {
		t.Fatalf("role = %s (score %.3f, evidence %v), want %s", r.Speaker.Role, r.Speaker.Score, r.Speaker.Evidence, role)
	}
	if cue == "" {
		return
	}
	for _, ev := range r.Speaker.Evidence {
		if ev.Cue == cue {
			return
		}
	}
	t.Errorf("speaker evidence %v lacks %q", r.Speaker.Evidence, cue)
}
