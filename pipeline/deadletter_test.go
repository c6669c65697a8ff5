package pipeline_test

import (
	"strings"
	"testing"

	"github.com/allystream/allystream/pipeline"
)

func TestDeadLetterTruncatesToFit(t *testing.T) {
	tests := []struct {
		name      string
		valueLen  int
		maxBytes  int
		wantLen   int
		truncated string
	}{
		{"small value kept whole", 100, 8192, 100, "false"},
		{"large value cut to leave header room", 10000, 8192, 8192 - 4096, "true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := pipeline.Message{Value: []byte(strings.Repeat("v", tt.valueLen)), Origin: pipeline.Origin{Topic: "in", Partition: 2, Offset: 41}}
			out := pipeline.DeadLetter(m, &pipeline.InputError{Reason: pipeline.ReasonInvalidJSON, Detail: strings.Repeat("é", 2000)}, tt.maxBytes)
			if !out.DeadLetter || len(out.Value) != tt.wantLen {
				t.Fatalf("dead letter value is %d bytes (dead=%v), want %d", len(out.Value), out.DeadLetter, tt.wantLen)
			}
			h := map[string]string{}
			for _, kv := range out.Headers {
				h[kv.Key] = string(kv.Value)
			}
			if h[pipeline.HeaderTruncated] != tt.truncated || h[pipeline.HeaderSourceOffset] != "41" || h[pipeline.HeaderSourcePartition] != "2" {
				t.Errorf("headers = %v", h)
			}
			if len(h[pipeline.HeaderDetail]) > 1024 || !strings.HasPrefix(h[pipeline.HeaderDetail], "é") {
				t.Errorf("detail header not capped on a rune boundary: %d bytes", len(h[pipeline.HeaderDetail]))
			}
		})
	}
}
