package pipeline_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/segmentio/kafka-go"
)

// TestWorkerDeadLettersEveryPoisonKind sends each kind of bad input between valid posts over
// kfake and checks that each becomes one dead letter with full headers, is counted by
// reason, and that the valid posts after it are still labeled (no stalled partition).
func TestWorkerDeadLettersEveryPoisonKind(t *testing.T) {
	const maxMsg, maxRecord = 16 << 10, 8 << 10
	huge := `{"id":"huge","text":"` + strings.Repeat("a", maxMsg) + `"}`
	cases := []struct {
		name   string
		value  []byte
		reason pipeline.Reason
	}{
		{"broken JSON", []byte(`{"id":"b","text":"unterminated`), pipeline.ReasonInvalidJSON},
		{"non-object JSON", []byte(`["id","text"]`), pipeline.ReasonNotObject},
		{"empty value", []byte{}, pipeline.ReasonEmptyValue},
		{"missing text", []byte(`{"id":"m"}`), pipeline.ReasonMissingText},
		{"non-string text", []byte(`{"id":"n","text":{"a":1}}`), pipeline.ReasonTextNotStr},
		{"invalid UTF-8", []byte("{\"id\":\"u\",\"text\":\"caf\xe9\"}"), pipeline.ReasonInvalidUTF8},
		{"text over the limit", []byte(`{"id":"l","text":"` + strings.Repeat("word ", 1000) + `"}`), pipeline.ReasonTextTooLong},
		{"over-size message", []byte(huge), pipeline.ReasonTooLarge},
		{"missing id", []byte(`{"text":"hello"}`), pipeline.ReasonMissingID},
		{"labeled record over the output limit", []byte(`{"id":"r","text":"hi","pad":"` + strings.Repeat("x", 6000) + `"}`), pipeline.ReasonRecordTooLarge},
	}
	env := newTestEnv(t, 1)
	cfg := env.cfg
	cfg.Limits = pipeline.Limits{MaxMessageBytes: maxMsg, MaxTextBytes: 4 << 10}
	cfg.MaxRecordBytes = maxRecord
	var values [][]byte
	good, ids := posts("ok", len(cases)+1)
	values = append(values, good[0])
	for i, c := range cases {
		values = append(values, c.value, good[i+1])
	}
	env.produce(t, "posts", values...)
	reg := prometheus.NewRegistry()
	metrics := pipeline.NewMetrics(reg, "test")
	env.startWorker(t, cfg, testLogger(t), func(w *pipeline.Worker) { w.Metrics = metrics })

	labeled := env.consume(t, "labeled", 20*time.Second, allIDs(ids))
	if missing := missingIDs(ids, labeled); len(missing) > 0 {
		t.Fatalf("valid posts after poison were not labeled: %v", missing)
	}
	dead := env.consume(t, "dead", 20*time.Second, atLeast(len(cases)))
	byOffset := map[string]kafka.Message{}
	for _, m := range dead {
		byOffset[header(m, pipeline.HeaderSourceOffset)] = m
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			offset := strconv.Itoa(2*i + 1)
			m, ok := byOffset[offset]
			if !ok {
				t.Fatalf("no dead letter for offset %s", offset)
			}
			checkDeadLetter(t, m, c.value, c.reason, maxRecord)
			if n := testutil.ToFloat64(metrics.DeadLetters(c.reason)); n != 1 {
				t.Errorf("dead letters counted for %s = %v, want 1", c.reason, n)
			}
		})
	}
	if len(dead) != len(cases) {
		t.Errorf("got %d dead letters, want %d", len(dead), len(cases))
	}
}

func checkDeadLetter(t *testing.T, m kafka.Message, original []byte, reason pipeline.Reason, maxRecord int) {
	t.Helper()
	if got := header(m, pipeline.HeaderReason); got != string(reason) {
		t.Errorf("reason header = %q, want %q", got, reason)
	}
	if header(m, pipeline.HeaderDetail) == "" || header(m, pipeline.HeaderSourceTopic) != "posts" || header(m, pipeline.HeaderSourcePartition) != "0" {
		t.Errorf("headers incomplete: %v", m.Headers)
	}
	if header(m, pipeline.HeaderOriginalBytes) != strconv.Itoa(len(original)) {
		t.Errorf("original-bytes header = %q, want %d", header(m, pipeline.HeaderOriginalBytes), len(original))
	}
	if len(m.Value) > maxRecord || !bytes.HasPrefix(original, m.Value) {
		t.Errorf("dead letter value (%d bytes) is not a prefix of the original within %d bytes", len(m.Value), maxRecord)
	}
	wantTrunc := strconv.FormatBool(len(m.Value) < len(original))
	if header(m, pipeline.HeaderTruncated) != wantTrunc {
		t.Errorf("truncated header = %q, want %s", header(m, pipeline.HeaderTruncated), wantTrunc)
	}
}
