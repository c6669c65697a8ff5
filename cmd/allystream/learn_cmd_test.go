package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// zorbGold writes a coded gold file in which a word the rules do not know ("zorbled")
// marks anger, so that only a learned model can find it; n subjects give 2n positives
// and 3n negatives over two sources. With idsOnly the lines hold no text, and the texts
// go to a separate {id,text} file whose path is returned second.
func zorbGold(t *testing.T, n int, prefix string, idsOnly bool) (gold, texts string) {
	t.Helper()
	dir := t.TempDir()
	gold, texts = filepath.Join(dir, "gold.jsonl"), filepath.Join(dir, "texts.jsonl")
	var g, tx strings.Builder
	line := func(id, source, text string, anger int) {
		rec := map[string]any{"id": id, "source": source, "speaker": "unknown", "empathy": 0, "anger": anger,
			"privilege_framed": 0, "disadvantage_framed": 0, "spokesperson": 0}
		if idsOnly {
			b, _ := json.Marshal(map[string]string{"id": id, "text": text})
			tx.Write(append(b, '\n'))
		} else {
			rec["text"] = text
		}
		b, _ := json.Marshal(rec)
		g.Write(append(b, '\n'))
	}
	for i := range n {
		subject := fmt.Sprintf("the %s committee number %d", []string{"parks", "budget", "housing", "school"}[i%4], i)
		source := []string{"forum-a", "forum-b"}[i%2]
		line(fmt.Sprintf("%s-p%d-0", prefix, i), source, "I am zorbled by "+subject, 1)
		line(fmt.Sprintf("%s-p%d-1", prefix, i), source, subject+" has me zorbling tonight", 1)
		line(fmt.Sprintf("%s-n%d-0", prefix, i), source, "I went to see "+subject+" today", 0)
		line(fmt.Sprintf("%s-n%d-1", prefix, i), source, subject+" met on Tuesday about the park", 0)
		line(fmt.Sprintf("%s-n%d-2", prefix, i), source, "we talked about "+subject+" over lunch", 0)
	}
	if err := os.WriteFile(gold, []byte(g.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(texts, []byte(tx.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return gold, texts
}

// evalAngerF1 runs eval --json with the given extra flags and returns anger's F1.
func evalAngerF1(t *testing.T, args ...string) float64 {
	t.Helper()
	code, out, stderr := offlineRun(t, "", append([]string{"eval", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("eval %v: exit %d, stderr:\n%s", args, code, stderr)
	}
	type labels struct {
		Labels []struct {
			Label string  `json:"label"`
			F1    float64 `json:"f1"`
		} `json:"labels"`
	}
	var report struct {
		labels
		Overall *labels `json:"overall"` // eval --cv wraps the pooled report
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("eval output not JSON: %v\n%s", err, out)
	}
	if report.Overall != nil {
		report.labels = *report.Overall
	}
	for _, l := range report.Labels {
		if l.Label == "anger" {
			return l.F1
		}
	}
	t.Fatalf("no anger in %s", out)
	return 0
}

func TestTrainThenEvalWithTheModel(t *testing.T) {
	train, _ := zorbGold(t, 12, "train", false)
	test, _ := zorbGold(t, 6, "test", false)
	dir := filepath.Join(t.TempDir(), "model")
	code, out, stderr := offlineRun(t, "", "train", "--gold", train, "--out", dir, "--min-positives", "5")
	if code != 0 {
		t.Fatalf("train: exit %d, stderr:\n%s", code, stderr)
	}
	if !regexpLine(out, `anger\s+model`) {
		t.Errorf("train output does not show anger in model mode:\n%s", out)
	}
	for _, f := range []string{"manifest.json", "weights.tsv"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("model dir lacks %s: %v", f, err)
		}
	}
	if f1 := evalAngerF1(t, "--gold", test, "--model", dir); f1 < 0.9 {
		t.Errorf("anger F1 with the trained model = %.3f, want >= 0.9 on held-out zorb posts", f1)
	}
	if f1 := evalAngerF1(t, "--gold", test, "--model", "none"); f1 != 0 {
		t.Errorf("anger F1 of the rules alone = %.3f, want 0 (they cannot know the word)", f1)
	}
}

func TestTrainReadsTextsByID(t *testing.T) {
	gold, texts := zorbGold(t, 8, "ids", true)
	dir := filepath.Join(t.TempDir(), "model")
	if code, _, stderr := offlineRun(t, "", "train", "--gold", gold, "--out", dir, "--min-positives", "5"); code == 0 {
		t.Fatalf("train without texts succeeded; stderr:\n%s", stderr)
	}
	code, out, stderr := offlineRun(t, "", "train", "--gold", gold, "--texts", texts, "--out", dir, "--min-positives", "5")
	if code != 0 {
		t.Fatalf("train --texts: exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(out, "40 posts") {
		t.Errorf("train --texts did not read all 40 posts:\n%s", out)
	}
}

func TestEvalCrossValidation(t *testing.T) {
	gold, _ := zorbGold(t, 16, "cv", false)
	for _, c := range []struct {
		cv   string
		want []string
	}{
		{"2", []string{"cross-validation: 2-fold stratified, 80 posts", "every post labeled by a model that did not train on it"}},
		{"source", []string{"leave-one-source-out", "F1 by source (out of fold)", "forum-a", "forum-b"}},
	} {
		code, out, stderr := offlineRun(t, "", "eval", "--gold", gold, "--cv", c.cv)
		if code != 0 {
			t.Fatalf("eval --cv %s: exit %d, stderr:\n%s", c.cv, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("eval --cv %s output lacks %q:\n%s", c.cv, w, out)
			}
		}
	}
	if f1 := evalAngerF1(t, "--gold", gold, "--cv", "2"); f1 < 0.9 {
		t.Errorf("out-of-fold anger F1 = %.3f, want >= 0.9 (the word is learnable)", f1)
	}
}

func TestSuggestCommand(t *testing.T) {
	dir := t.TempDir()
	pool, exclude, sel := filepath.Join(dir, "pool.jsonl"), filepath.Join(dir, "coded.jsonl"), filepath.Join(dir, "sel.jsonl")
	var p, x strings.Builder
	words := strings.Fields("rent landlord council mayor policy court school bus park water wage clinic")
	for i := range 40 {
		// every post its own words, so that none is a near-duplicate of another
		a, b, c := words[i%12], words[(i/12+i*5)%12], fmt.Sprintf("item%d", i)
		text := fmt.Sprintf("honestly %s and %s and %s make me furious", a, b, c)
		if i%2 == 1 {
			text = fmt.Sprintf("we went to the %s near the %s with %s", a, b, c)
		}
		fmt.Fprintf(&p, "{\"id\":\"p%d\",\"source\":\"s%d\",\"text\":%q}\n", i, i%3, text)
		if i < 5 {
			fmt.Fprintf(&x, "{\"id\":\"p%d\",\"anger\":1}\n", i)
		}
	}
	os.WriteFile(pool, []byte(p.String()), 0o644)
	os.WriteFile(exclude, []byte(x.String()), 0o644)
	code, out, stderr := offlineRun(t, "", "suggest", "--pool", pool, "-n", "10", "--exclude", exclude, "--selection", sel)
	if code != 0 {
		t.Fatalf("suggest: exit %d, stderr:\n%s", code, stderr)
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		var b struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &b); err != nil || b.ID == "" || b.Text == "" {
			t.Fatalf("batch line %q: %v (want {id,text})", sc.Text(), err)
		}
		var n int
		fmt.Sscanf(b.ID, "p%d", &n)
		if n < 5 || seen[b.ID] {
			t.Errorf("suggested %s: excluded or repeated", b.ID)
		}
		seen[b.ID] = true
	}
	if len(seen) != 10 {
		t.Errorf("suggested %d posts, want 10:\n%s", len(seen), out)
	}
	selection, err := os.ReadFile(sel)
	if err != nil {
		t.Fatal(err)
	}
	random := strings.Count(string(selection), `"chosen_by":"random"`)
	if lines := strings.Count(string(selection), "\n"); lines != 10 || random != 3 {
		t.Errorf("selection: %d lines, %d random, want 10 and 3:\n%s", lines, random, selection)
	}
	if code, _, stderr := offlineRun(t, "", "suggest", "-n", "10"); code == 0 || !strings.Contains(stderr, "--pool is required") {
		t.Errorf("suggest without --pool: exit %d, stderr %q", code, stderr)
	}
}

// regexpLine reports whether some line of s matches the regular expression.
func regexpLine(s, expr string) bool {
	re := regexp.MustCompile(expr)
	for _, l := range strings.Split(s, "\n") {
		if re.MatchString(l) {
			return true
		}
	}
	return false
}
