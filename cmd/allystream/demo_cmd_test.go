package main

import (
	"strconv"

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
