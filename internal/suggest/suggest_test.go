package suggest

import (
	"fmt"
	"math"
	"testing"

	"github.com/allystream/allystream/classifiers"
)

// fixedScorer scores a post by its text: the map holds each text's uncertainties.
type fixedScorer map[string]map[string]float64

func (f fixedScorer) Uncertainty(text string) map[string]float64 { return f[text] }

func TestLabelUncertainty(t *testing.T) {
	for _, c := range []struct{ p, t, want float64 }{
		{0.5, 0.5, 1}, {0, 0.5, 0}, {1, 0.5, 0}, {0.25, 0.5, 0.5},
		{0.2, 0.2, 1}, {0.6, 0.2, 0.5}, {0.1, 0.2, 0.5}, {1.7, 0.5, 0},
	} {
		if got := LabelUncertainty(c.p, c.t); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("LabelUncertainty(%v, %v) = %v, want %v", c.p, c.t, got, c.want)
		}
	}
}

func TestChooseMostUncertainFirstWithoutNearDuplicates(t *testing.T) {
	pool := []Post{
		{ID: "a", Text: "sure thing"},
		{ID: "b", Text: "on the fence about this one", Source: "x"},
		{ID: "c", Text: "on the fence about this one too"}, // near-duplicate of b
		{ID: "d", Text: "rather unsure"},
		{ID: "e", Text: "another plain post"},
		{ID: "f", Text: "a last plain post"},
	}
	s := fixedScorer{
		"sure thing":                      {"anger": 0.1},
		"on the fence about this one":     {"anger": 0.9},
		"on the fence about this one too": {"anger": 0.95},
		"rather unsure":                   {"empathy": 0.6},
	}
	got, err := Choose(pool, s, Config{N: 3, RandomShare: 0.34, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]Choice{}
	for _, c := range got {
		by[c.ID] = c
	}
	if len(got) != 3 {
		t.Fatalf("chose %d posts, want 3: %+v", len(got), got)
	}
	if c := by["c"]; c.ChosenBy != "uncertainty:anger" || c.Priority != 0.95 {
		t.Errorf("the most uncertain post: %+v", c)
	}
	if _, ok := by["b"]; ok && by["b"].ChosenBy != "random" {
		t.Errorf("near-duplicate b chosen by uncertainty: %+v", by["b"])
	}
	if c := by["d"]; c.ChosenBy != "uncertainty:empathy" {
		t.Errorf("second most uncertain post: %+v", c)
	}
	random := 0
	for _, c := range got {
		if c.ChosenBy == "random" {
			random++
		}
	}
	if random != 1 {
		t.Errorf("%d random picks, want 1 (a third of 3)", random)
	}
}

func TestChooseRarityWeightsRareDecisionsFirst(t *testing.T) {
	pool := []Post{{ID: "common", Text: "p1"}, {ID: "rare", Text: "p2"}}
	s := fixedScorer{"p1": {"anger": 0.9}, "p2": {"spokesperson": 0.5}}
	w := RarityWeights(map[string]int{"anger": 300, "spokesperson": 3}, 3000)
	if w["anger"] != 1 || w["spokesperson"] <= 1 {
		t.Fatalf("weights %v: the commonest decision should weigh 1, the rare one more", w)
	}
	got, err := Choose(pool, s, Config{N: 1, RandomShare: 0.01, Rarity: w})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "rare" {
		t.Errorf("chose %+v, want the rare label's uncertain post", got)
	}
}

func TestChooseIsDeterministicAndNeverRepeats(t *testing.T) {
	var pool []Post
	s := fixedScorer{}
	for i := range 200 {
		text := fmt.Sprintf("post number %d says word%d", i, i)
		pool = append(pool, Post{ID: fmt.Sprint(i), Text: text})
		s[text] = map[string]float64{"anger": float64(i%17) / 17}
	}
	a, err := Choose(pool, s, Config{N: 50})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Choose(pool, s, Config{N: 50})
	seen := map[string]bool{}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("run 2 differs at %d: %+v vs %+v", i, a[i], b[i])
		}
		if seen[a[i].ID] {
			t.Fatalf("post %s chosen twice", a[i].ID)
		}
		seen[a[i].ID] = true
	}
	if len(a) != 50 {
		t.Errorf("chose %d, want 50", len(a))
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []Config{{N: 0}, {N: 5, RandomShare: 1.5}, {N: 5, MaxSimilarity: 2}} {
		if _, err := Choose(nil, fixedScorer{}, c); err == nil {
			t.Errorf("Choose with %+v: no error", c)
		}
	}
}

// thresholds is a Thresholder from a map.
type thresholds map[string]float64

func (t thresholds) Threshold(name string) (float64, bool) { v, ok := t[name]; return v, ok }

func TestResultUncertainty(t *testing.T) {
	var r classifiers.Result
	r.Labels.Anger.Score = 0.3
	r.Labels.Empathy.Score = 0.9
	r.Speaker = classifiers.SpeakerResult{Role: classifiers.RoleUnknown, Score: 0.8}
	got := ResultUncertainty(r, thresholds{"anger": 0.3, "empathy": 0.5})
	if got["anger"] != 1 {
		t.Errorf("anger on its threshold: uncertainty %v, want 1", got["anger"])
	}
	if math.Abs(got["empathy"]-0.2) > 1e-9 {
		t.Errorf("empathy 0.9 against 0.5: %v, want 0.2", got["empathy"])
	}
	if math.Abs(got["speaker"]-0.2) > 1e-9 {
		t.Errorf("unknown speaker at confidence 0.8: %v, want 0.2", got["speaker"])
	}
}

// ExampleChoose picks the post the classifier is least sure of and one at random.
func ExampleChoose() {
	pool := []Post{{ID: "1", Text: "clear"}, {ID: "2", Text: "borderline"}, {ID: "3", Text: "plain"}}
	s := fixedScorer{"clear": {"anger": 0.05}, "borderline": {"anger": 0.97}}
	chosen, _ := Choose(pool, s, Config{N: 1, RandomShare: 0.01})
	fmt.Println(chosen[0].ID, chosen[0].ChosenBy, chosen[0].Priority)
	// Output: 2 uncertainty:anger 0.97
}
