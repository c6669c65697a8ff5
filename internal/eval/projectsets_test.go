package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// TestProjectGoldSetsAreComplete checks that every coded set shipped under testdata/ parses
// and codes all six questions on every line, with unique ids, so that the scores the README
// reports from them stay reproducible.
func TestProjectGoldSetsAreComplete(t *testing.T) {
	for _, name := range []string{"blind", "heldout", "tuning"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("..", "..", "testdata", name, "posts.jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			gold, err := ReadGold(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(gold) < 200 {
				t.Fatalf("%d posts, want at least 200", len(gold))
			}
			seen := map[string]bool{}
			for _, g := range gold {
				if seen[g.ID] {
					t.Errorf("line %d: duplicate id %q", g.Line, g.ID)
				}
				seen[g.ID] = true
				if g.Speaker == "" {
					t.Errorf("line %d: speaker not coded", g.Line)
				}
				if len(g.Labels) != 5 {
					t.Errorf("line %d: %d style labels coded, want 5", g.Line, len(g.Labels))
				}
			}
		})
	}
}
