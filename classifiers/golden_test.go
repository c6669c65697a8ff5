package classifiers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.json from the current engine")

// TestGolden classifies testdata/posts.txt and compares the results with
// testdata/golden.json. Run `go test ./classifiers -run TestGolden -update` after an
// intended change and review the diff.
func TestGolden(t *testing.T) {
	e := testEngine(t)
	var results []Result
	for _, post := range readPosts(t, filepath.Join("testdata", "posts.txt")) {
		r := e.Classify(post)
		checkSpans(t, r)
		results = append(results, r)
	}
	got, err := json.MarshalIndent(results, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("results differ from %s; run with -update and review the diff", path)
	}
}

func readPosts(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var posts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "# ") {
			posts = append(posts, line)
		}
	}
	return posts
}
