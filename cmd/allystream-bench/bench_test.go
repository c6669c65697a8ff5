package main

import (
	"bytes"
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

func TestParseBenchFlagsRejectsUnknownMode(t *testing.T) {
	if _, err := parseBenchFlags([]string{"-modes", "label,copy"}); err == nil || !strings.Contains(err.Error(), `"copy"`) {
		t.Fatalf("accepted -modes label,copy (err %v)", err)
	}
}

// TestWorkerArgs checks each mode runs "allystream run" with the bench's topics and settings
// and an explicit --passthrough, so the environment cannot turn a label run into a copy.
func TestWorkerArgs(t *testing.T) {
	cfg := benchConfig{batchSize: 500, workers: 3}
	for mode, want := range map[string]string{"label": "--passthrough=false", "passthrough": "--passthrough=true"} {
		got := strings.Join(workerArgs(mode, []string{"127.0.0.1:1", "127.0.0.1:2"}, cfg), " ")
		for _, part := range []string{"run ", "--brokers 127.0.0.1:1,127.0.0.1:2", "--input-topic posts", "--output-topic labeled",
			"--dlq-topic dlq", "--batch-size 500", "--workers 3", "--metrics-addr  ", "--log-level warn", want} {
			if !strings.Contains(got, part) {
				t.Errorf("%s: args %q lack %q", mode, got, part)
			}
		}
	}
}

func TestBenchReportsAMissingBinary(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "no-such-allystream")
	err := run(context.Background(), []string{"-posts", "10", "-modes", "label", "-allystream", missing}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "start worker "+missing) {
		t.Fatalf("run with a missing -allystream binary: %v", err)
	}
}

// TestBenchReportsAWorkerThatExits checks a worker that exits at once fails the run promptly
// instead of after the drain timeout.
func TestBenchReportsAWorkerThatExits(t *testing.T) {
	bin, err := exec.LookPath("false")
	if err != nil {
		t.Skip("no false command")
	}
	start := time.Now()
	err = run(context.Background(), []string{"-posts", "10", "-modes", "passthrough", "-allystream", bin}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "worker exited early") {
		t.Fatalf("run with a worker that exits: %v", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %s to notice the worker exited", d)
	}
}

// TestBenchSmoke builds "allystream" and runs a tiny benchmark end to end: both modes, a table
// with every column.
func TestBenchSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("builds allystream and starts worker processes")
	}
	var out bytes.Buffer
	err := run(context.Background(), []string{"-posts", "2000", "-paced", "1s", "-rate", "300", "-partitions", "2"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"worker built from", "passthrough", "label ", "posts/s", "p99_ms", "peak_rss_MiB", "cpu_us/post", "label/passthrough throughput"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	t.Log("\n" + out.String())
}
