package pipeline_test

import (
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

// TestTwoWorkersShareTheGroup starts a second worker in the same group while the first is
// mid-stream on a 6-partition topic: the group rebalances, both workers take partitions, and
// no post is lost.
func TestTwoWorkersShareTheGroup(t *testing.T) {
	env := newTestEnv(t, 6)
	values, ids := posts("g", 3000)
	env.produce(t, "posts", values...)
	out := newOutputWatcher(t, env)
	cfg := env.cfg
	cfg.BatchSize = 50
	m1 := pipeline.NewMetrics(prometheus.NewRegistry(), "w1")
	m2 := pipeline.NewMetrics(prometheus.NewRegistry(), "w2")
	env.startWorker(t, cfg, testLogger(t), withSlowSink(20*time.Millisecond), func(w *pipeline.Worker) { w.Metrics = m1 })
	waitFor(t, 20*time.Second, "first worker progress", func() bool { return out.count() >= 300 })
	env.startWorker(t, cfg, testLogger(t), withSlowSink(20*time.Millisecond), func(w *pipeline.Worker) { w.Metrics = m2 })
	waitFor(t, 60*time.Second, "a record for every post", func() bool { return len(missingIDs(ids, out.messages())) == 0 })
	in1, in2 := testutil.ToFloat64(m1.RecordsIn()), testutil.ToFloat64(m2.RecordsIn())
	t.Logf("worker 1 took %v messages, worker 2 took %v, %d records for %d posts", in1, in2, out.count(), len(ids))
	if in2 == 0 {
		t.Error("the second worker got no partitions")
	}
}
