package crossval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/allystream/allystream/classifiers/model"
)

func examples(n int, source func(i int) string) []model.Example {
	var ex []model.Example
	for i := range n {
		codes := map[string]int{"anger": 0, "privilege_framed": 0}
		switch {
		case i%10 == 0:
			codes["privilege_framed"] = 1
		case i%3 == 0:
			codes["anger"] = 1
		}
		ex = append(ex, model.Example{ID: fmt.Sprint(i), Text: fmt.Sprintf("post %d", i%95), Source: source(i), Codes: codes})
	}
	return ex
}

func TestAssignStratifiedBalancesRareLabelsAndKeepsRepostsTogether(t *testing.T) {
	ex := examples(100, func(int) string { return "" })
	fold := assignStratified(ex, 5, 1)
	perFold := make([]int, 5)
	for i, e := range ex {
		if e.Codes["privilege_framed"] == 1 {
			perFold[fold[i]]++
		}
	}
	for f, n := range perFold {
		if n != 2 {
			t.Errorf("fold %d has %d of the 10 privilege positives, want 2: %v", f, n, perFold)
		}
	}
	for i := 95; i < 100; i++ { // "post k" repeats: the repost shares its original's fold
		if fold[i] != fold[i-95] {
			t.Errorf("post %d and its repeat %d are in folds %d and %d", i-95, i, fold[i-95], fold[i])
		}
	}
	again := assignStratified(ex, 5, 1)
	for i := range fold {
		if fold[i] != again[i] {
			t.Fatal("the same seed gave another assignment")
		}
	}
}

func TestAssignSources(t *testing.T) {
	ex := examples(6, func(i int) string { return []string{"zeta", "alpha", "mid"}[i%3] })
	fold, names, err := assign(ex, Config{Folds: BySource})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(names, ",") != "alpha,mid,zeta" {
		t.Errorf("fold names %v, want the sources sorted", names)
	}
	for i, e := range ex {
		if names[fold[i]] != e.Source {
			t.Errorf("post %d from %s is in fold %s", i, e.Source, names[fold[i]])
		}
	}
	for _, c := range []struct {
		name string
		src  func(int) string
		want string
	}{
		{"one source", func(int) string { return "only" }, "need at least 2 sources"},
		{"no source", func(i int) string { return []string{"a", ""}[i%2] }, `post "1" has no "source" field`},
	} {
		if _, _, err := assign(examples(4, c.src), Config{Folds: BySource}); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.name, err, c.want)
		}
	}
}

func TestRunRejectsTooFewFolds(t *testing.T) {
	if _, err := Run(nil, nil, nil, Config{Folds: 1}); err == nil || !strings.Contains(err.Error(), "at least 2 folds") {
		t.Errorf("Run with 1 fold: %v", err)
	}
}
