package main

import (
	"strconv"
	"time"

	"context"
	"github.com/allystream/allystream/classifiers"
	"strings"
	"testing"

	"github.com/allystream/allystream/pipeline"
)

// TestDemoCommandSummarizesTheSampleFeed runs the whole demo in-process: embedded broker,
// sample feed, real worker, summary read back from the topics.
func TestDemoCommandSummarizesTheSampleFeed(t *testing.T) {
	var stdout, stderr streamBuffer
	code := dispatch(context.Background(), streamEnv(nil, &stdout, &stderr), []string{"demo", "--metrics-addr", ""})
	if code != 0 {
		t.Fatalf("demo exit %d\n%s", code, stderr.String())
	}
	out := stdout.String()
	records, dead := expectedOutputs(demoMessages(pipeline.DefaultLimits()), pipeline.DefaultLimits())
	for _, want := range []string{"Labels (posts carrying each label", "empathy", "spokesperson", "Dead letters by reason", "Examples",
		"invalid_json", "not_object", "empty_value", "missing_text", "text_not_string", "invalid_utf8", "text_too_long", "message_too_large"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	if !strings.Contains(out, "posts in, ") || !strings.Contains(out, itoaForTest(records)+" labeled records, "+itoaForTest(dead)+" dead letters") {
		t.Errorf("summary header wrong, want %d records and %d dead letters:\n%s", records, dead, out)
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("ANSI color written to a non-terminal")
	}
	if !strings.Contains(stderr.String(), "started embedded broker") {
		t.Errorf("console log lacks the broker address:\n%s", stderr.String())
	}
}

func TestDemoFeedCoversEveryPoisonKindAndEnoughPosts(t *testing.T) {
	feed := demoMessages(pipeline.DefaultLimits())
	records, dead := expectedOutputs(feed, pipeline.DefaultLimits())
	if records < 30 || records > 60 || dead < 8 {
		t.Fatalf("feed has %d valid posts and %d poison inputs, want 30-60 and at least 8", records, dead)
	}
}

func TestHighlightMarksEvidence(t *testing.T) {
	tests := []struct {
		name  string
		spans [][2]int
		color bool
		want  string
	}{
		{"brackets", [][2]int{{3, 8}}, false, "As [white] person"},
		{"overlaps merge", [][2]int{{0, 8}, {3, 15}}, false, "[As white person]"},
		{"out of range ignored", [][2]int{{3, 99}}, false, "As white person"},
		{"color", [][2]int{{3, 8}}, true, "As \x1b[1;33mwhite\x1b[0m person"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := pipeline.Record{Text: "As white person"}
			for _, s := range tt.spans {
				rec.Labels.Empathy.Evidence = append(rec.Labels.Empathy.Evidence, evidenceForTest(s[0], s[1]))
			}
			if got := highlight(&rec, tt.color); got != tt.want {
				t.Errorf("highlight = %q, want %q", got, tt.want)
			}
		})
	}
}

func itoaForTest(n int) string { return strconv.Itoa(n) }

func evidenceForTest(start, end int) classifiers.Evidence {
	return classifiers.Evidence{Start: start, End: end}
}

// TestDemoFollowKeepsMetricsUpUntilCancelled runs "demo --follow": after the summary the
// metrics endpoint stays up, and cancellation (Ctrl-C) ends the demo with status 0.
func TestDemoFollowKeepsMetricsUpUntilCancelled(t *testing.T) {
	var stdout, stderr streamBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- dispatch(ctx, streamEnv(nil, &stdout, &stderr), []string{"demo", "--follow", "--metrics-addr", "127.0.0.1:0"})
	}()
	waitForText(t, &stdout, "Examples")
	waitForText(t, &stderr, "following")
	addr := consoleLogAddr(t, stderr.String())
	if body := httpGet(t, "http://"+addr+"/metrics"); !strings.Contains(body, "allystream_records_out_total") {
		t.Error("/metrics lacks allystream_records_out_total while following")
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("demo --follow exit %d after cancel\n%s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo --follow did not stop within 10s of cancellation")
	}
}

func waitForText(t *testing.T, b *streamBuffer, text string) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(b.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q within 30s:\n%s", text, b.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// consoleLogAddr finds the metrics address in the demo's console log.
func consoleLogAddr(t *testing.T, logs string) string {
	t.Helper()
	for _, line := range strings.Split(logs, "\n") {
		if _, rest, ok := strings.Cut(line, `serving /metrics, /healthz, /readyz	{"addr": "`); ok {
			return strings.TrimSuffix(rest, `"}`)
		}
	}
	t.Fatalf("no metrics address in:\n%s", logs)
	return ""
}
