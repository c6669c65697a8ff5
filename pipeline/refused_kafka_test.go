package pipeline_test

import (
	"strings"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestWorkerDeadLettersRecordTheBrokerRefuses runs the worker against a broker whose
// message.max.bytes is below Config.MaxRecordBytes, so the worker's own size check passes a
// labeled record the broker then refuses with MESSAGE_TOO_LARGE. The refusal is permanent:
// the record must become a dead letter (record_too_large, original value intact), the posts
// produced with it must be labeled, and every offset committed, instead of the partition
// retrying forever.
func TestWorkerDeadLettersRecordTheBrokerRefuses(t *testing.T) {
	const brokerMax = 8 << 10
	env := newTestEnvMaxBytes(t, 1, brokerMax)
	cfg := env.cfg // MaxRecordBytes keeps its default of 1000000
	big := []byte(`{"id":"big","text":"Women are still paid less.","pad":"` + strings.Repeat("x", 7400) + `"}`)
	good, ids := posts("ok", 20)
	values := append(append(append([][]byte{}, good[:10]...), big), good[10:]...)
	// Three produce requests: the broker takes its limit per partition batch.
	env.produce(t, "posts", good[:10]...)
	env.produce(t, "posts", big)
	env.produce(t, "posts", good[10:]...)
	reg := prometheus.NewRegistry()
	metrics := pipeline.NewMetrics(reg, "test")
	env.startWorker(t, cfg, testLogger(t), func(w *pipeline.Worker) { w.Metrics = metrics })

	labeled := env.consume(t, "labeled", 20*time.Second, allIDs(ids))
	if missing := missingIDs(ids, labeled); len(missing) > 0 {
		t.Fatalf("posts around the refused record were not labeled: %v", missing)
	}
	for _, m := range labeled {
		if string(m.Key) == "big" {
			t.Fatalf("the refused record was published: %d bytes", len(m.Value))
		}
	}
	dead := env.consume(t, "dead", 20*time.Second, atLeast(1))
	if len(dead) != 1 {
		t.Fatalf("got %d dead letters, want 1", len(dead))
	}
	checkDeadLetter(t, dead[0], big, pipeline.ReasonRecordTooLarge, brokerMax)
	if got := header(dead[0], pipeline.HeaderSourceOffset); got != "10" {
		t.Errorf("dead letter source offset = %s, want 10", got)
	}
	deadline := time.Now().Add(10 * time.Second)
	for sumOffsets(env.committed(t, cfg.GroupID, "posts")) < int64(len(values)) {
		if time.Now().After(deadline) {
			t.Fatalf("committed %v, want %d", env.committed(t, cfg.GroupID, "posts"), len(values))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n := testutil.ToFloat64(metrics.DeadLetters(pipeline.ReasonRecordTooLarge)); n != 1 {
		t.Errorf("record_too_large dead letters counted = %v, want 1", n)
	}
}
