package pipeline_test

import (
	"context"
	"strings"
	"testing"

	"github.com/allystream/allystream/pipeline"
)

func TestCheckTopics(t *testing.T) {
	env := newTestEnv(t, 1)
	tests := []struct {
		name   string
		modify func(*pipeline.Config)
		want   string
	}{
		{"all topics exist", func(*pipeline.Config) {}, ""},
		{"missing dead-letter topic", func(c *pipeline.Config) { c.DLQTopic = "no-such-dlq" }, `topic "no-such-dlq" does not exist`},
		{"missing input topic", func(c *pipeline.Config) { c.InputTopic = "no-such-input" }, `topic "no-such-input" does not exist`},
		{"no broker answers: start and retry", func(c *pipeline.Config) { c.Brokers = []string{"127.0.0.1:1"} }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := env.cfg
			tt.modify(&cfg)
			err := pipeline.CheckTopics(context.Background(), cfg)
			if (tt.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("CheckTopics = %v, want %q", err, tt.want)
			}
		})
	}
}
