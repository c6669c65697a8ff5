package eval_test

import (
	"bytes"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/allystream/allystream/internal/eval"
)

// goldSet: anger is coded on lines 1-4 (TP, FN, FP, TN), empathy on lines 1-2, speaker on 1-3.
const goldSet = `{"id":"p1","text":"As a white person I am furious","speaker":"ally","anger":1,"empathy":0}
{"id":"p2","text":"this is calm","speaker":"member","anger":1,"empathy":1}
{"id":"p3","text":"Furious again, my heart breaks","speaker":"unknown","anger":0}
{"id":"p4","text":"nice day","anger":0}
{"id":"p5","text":"furious but not coded"}
`

func evaluateGold(t *testing.T, in string) *eval.Report {
	t.Helper()
	gold, err := eval.ReadGold(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	return eval.Evaluate(newTestLabeler(), gold)
}

func TestEvaluateLabels(t *testing.T) {
	r := evaluateGold(t, goldSet)
	if r.Posts != 5 || len(r.Skipped) != 0 {
		t.Fatalf("posts %d, skipped %v", r.Posts, r.Skipped)
	}
	anger, ok := r.Label("anger")
	if !ok {
		t.Fatal("anger not scored")
	}
	want := eval.LabelStats{Label: "anger", N: 4, Support: 2, Predicted: 2, Precision: 0.5,
		Recall: 0.5, F1: 0.5, Kappa: 0, Counts: eval.Counts{TP: 1, FP: 1, FN: 1, TN: 1}}
	// Wilson 95% interval for 1 of 2.
	if ci := anger.PrecisionCI; math.Abs(ci[0]-0.0945) > 1e-4 || math.Abs(ci[1]-0.9055) > 1e-4 || anger.RecallCI != ci {
		t.Errorf("anger intervals = %v %v", anger.PrecisionCI, anger.RecallCI)
	}
	want.PrecisionCI, want.RecallCI = anger.PrecisionCI, anger.RecallCI
	if anger != want {
		t.Errorf("anger = %+v\nwant    %+v", anger, want)
	}
	empathy, _ := r.Label("empathy")
	if empathy.N != 2 || empathy.FN != 1 || empathy.TN != 1 || empathy.F1 != 0 {
		t.Errorf("empathy = %+v", empathy)
	}
	if _, ok := r.Label("spokesperson"); ok {
		t.Error("spokesperson is not coded but was scored")
	}
	if !reflect.DeepEqual(r.MacroF1Labels, []string{"empathy", "anger"}) || r.MacroF1 != 0.25 {
		t.Errorf("macro-F1 = %v over %v, want 0.25 over [empathy anger]", r.MacroF1, r.MacroF1Labels)
	}
}

func TestEvaluateSpeakerAndFiring(t *testing.T) {
	r := evaluateGold(t, goldSet)
	s := r.Speaker
	if s == nil || s.N != 3 {
		t.Fatalf("speaker = %+v", s)
	}
	wantConfusion := [][]int{{1, 0, 0}, {0, 0, 1}, {0, 0, 1}}
	if !reflect.DeepEqual(s.Confusion, wantConfusion) {
		t.Errorf("confusion = %v, want %v", s.Confusion, wantConfusion)
	}
	if ally := s.Roles[0]; ally.Role != "ally" || ally.F1 != 1 {
		t.Errorf("ally = %+v", ally)
	}
	firing := map[string]eval.Firing{}
	for _, f := range r.Firing {
		firing[f.Label] = f
	}
	if f := firing["anger"]; f.Count != 3 || math.Abs(f.Rate-0.6) > 1e-9 {
		t.Errorf("anger firing = %+v, want 3 of 5", f)
	}
	if f := firing["speaker=unknown"]; f.Count != 4 {
		t.Errorf("speaker=unknown firing = %+v, want 4", f)
	}
}

func TestEvaluateSkipsPostsTheDecoderRejects(t *testing.T) {
	long := strings.Repeat("x", 300) // over the test labeler's 200-byte text limit
	r := evaluateGold(t, `{"id":"ok","text":"furious","anger":1}`+"\n"+`{"id":"big","text":"`+long+`","anger":1}`)
	if r.Posts != 1 || len(r.Skipped) != 1 {
		t.Fatalf("posts %d, skipped %+v", r.Posts, r.Skipped)
	}
	if s := r.Skipped[0]; s.ID != "big" || s.Line != 2 || s.Reason != "text_too_long" {
		t.Errorf("skip = %+v", s)
	}
}

func TestWriteDisagreements(t *testing.T) {
	r := evaluateGold(t, goldSet)
	var buf bytes.Buffer
	if err := r.WriteDisagreements(&buf); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m eval.Miss
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		if m.Text == "" || m.Evidence == nil {
			t.Errorf("miss without text or evidence: %s", line)
		}
		got = append(got, m.ID+" "+m.Kind+" "+m.Label)
	}
	want := []string{
		"p2 false_negative empathy", "p2 false_negative anger", "p2 speaker_mismatch speaker",
		"p3 false_positive anger",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("misses =\n%v\nwant\n%v", got, want)
	}
	if !strings.Contains(buf.String(), `"cue":"Furious","start":0,"end":7`) {
		t.Errorf("false positive lacks its evidence:\n%s", buf.String())
	}
}

func TestReportWriteTextAndJSON(t *testing.T) {
	r := evaluateGold(t, goldSet)
	var text bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"macro-F1 over empathy, anger: 0.250", "anger", "gold \\ predicted", "95% intervals (Wilson)", "firing rate over all 5 posts"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("text report lacks %q:\n%s", want, text.String())
		}
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"posts", "labels", "macro_f1", "macro_f1_labels", "speaker", "firing", "skipped"} {
		if _, ok := back[key]; !ok {
			t.Errorf("JSON report lacks %q: %s", key, data)
		}
	}
}
