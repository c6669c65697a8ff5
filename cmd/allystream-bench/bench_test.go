package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/allystream/allystream/pipeline"
)

func TestBenchPostsAreValidInput(t *testing.T) {
	texts, err := loadCorpus("")
	if err != nil {
		t.Fatal(err)
	}
	m := newPostMaker(texts)
	dec := pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}
	for seq := range 200 {
		id, v := m.post(seq)
		post, err := dec.Decode(v)
		if err != nil || post.ID != id {
			t.Fatalf("post %d (%s) does not decode: %v", seq, v, err)
		}
	}
}

func TestParseBenchFlags(t *testing.T) {
	c, err := parseBenchFlags([]string{"-posts", "50", "-modes", "label"})
	if err != nil || c.posts != 50 || c.modes != "label" || c.partitions != 4 {
		t.Fatalf("parseBenchFlags = %+v, %v", c, err)
	}
	if _, err := parseBenchFlags([]string{"-posts", "0"}); err == nil {
		t.Fatal("accepted -posts 0")
	}
}

// TestMain lets the test binary act as the bench's worker child process.
func TestMain(m *testing.M) {
	if mode := os.Getenv(workerEnv); mode != "" {
		os.Exit(workerMain(mode))
	}
	os.Exit(m.Run())
}

// TestBenchSmoke runs a tiny benchmark end to end: both modes, a table with every column.
func TestBenchSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("starts worker processes")
	}
	var out bytes.Buffer
	err := run(context.Background(), []string{"-posts", "2000", "-paced", "1s", "-rate", "300", "-partitions", "2"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"passthrough", "label ", "posts/s", "p99_ms", "peak_rss_MiB", "cpu_us/post", "label/passthrough throughput"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	t.Log("\n" + out.String())
}
