package pipeline_test

import (
	"errors"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/twmb/franz-go/pkg/kfake"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// TestWorkerRidesOutProduceOutage makes the broker drop every produce to the output and
// DLQ topics for a while (as during a leader election or a dead broker). The worker must
// retry, report not ready, never commit past what it published, and resume by itself.
func TestWorkerRidesOutProduceOutage(t *testing.T) {
	env := newTestEnv(t, 2)
	var down, dropped atomic.Bool
	env.broker.Cluster().ControlKey(int16(kmsg.Produce), func(req kmsg.Request) (kmsg.Response, error, bool) {
		env.broker.Cluster().KeepControl()
		if down.Load() && producesOutput(req.(*kmsg.ProduceRequest)) {
			dropped.Store(true)
			return nil, errors.New("injected outage"), true
		}
		return nil, nil, false
	})
	before, beforeIDs := posts("before", 300)
	env.produce(t, "posts", before...)
	health := &pipeline.Health{}
	env.startWorker(t, env.cfg, testLogger(t), func(w *pipeline.Worker) { w.Health = health })
	env.consume(t, "labeled", 20*time.Second, allIDs(beforeIDs))
	waitFor(t, 5*time.Second, "ready before the outage", health.Ready)
	base := sumOffsets(env.committed(t, env.cfg.GroupID, "posts"))

	down.Store(true)
	during, duringIDs := posts("during", 300)
	env.produce(t, "posts", during...)
	waitFor(t, 10*time.Second, "not ready during the outage", func() bool { return !health.Ready() })
	if !dropped.Load() {
		t.Fatal("the outage dropped no produce request")
	}
	time.Sleep(2 * time.Second)
	if got := sumOffsets(env.committed(t, env.cfg.GroupID, "posts")); got != base {
		t.Fatalf("committed offsets moved from %d to %d while nothing could be published", base, got)
	}
	down.Store(false)

	got := env.consume(t, "labeled", 30*time.Second, allIDs(duringIDs))
	if missing := missingIDs(duringIDs, got); len(missing) > 0 {
		t.Fatalf("%d posts produced during the outage were never labeled", len(missing))
	}
	waitFor(t, 10*time.Second, "ready again after the outage", health.Ready)
	waitFor(t, 10*time.Second, "all offsets committed", func() bool {
		return sumOffsets(env.committed(t, env.cfg.GroupID, "posts")) == int64(len(before)+len(during))
	})
}

func producesOutput(req *kmsg.ProduceRequest) bool {
	for _, topic := range req.Topics {
		if topic.Topic == "labeled" || topic.Topic == "dead" {
			return true
		}
	}
	return false
}

// waitFor polls cond every 50ms until it holds or timeout passes.
func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for: %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestWorkerRecoversFromBrokerDown makes the broker close every connection for a while, as
// if it were down: readiness must go false, and once the broker is back the worker rejoins
// the group and labels what was produced after the outage, with nothing lost. The outage
// lasts 2s more than it takes readiness to drop; set ALLYSTREAM_TEST_OUTAGE (e.g. 60s) for a
// longer one.
func TestWorkerRecoversFromBrokerDown(t *testing.T) {
	if testing.Short() {
		t.Skip("holds the broker down for several seconds")
	}
	env := newTestEnv(t, 2)
	var down atomic.Bool
	var dropped atomic.Int64
	env.broker.Cluster().Control(func(req kmsg.Request) (kmsg.Response, error, bool) {
		env.broker.Cluster().KeepControl()
		if down.Load() {
			dropped.Add(1)
			return nil, errors.New("injected broker outage"), true
		}
		return nil, nil, false
	})
	before, beforeIDs := posts("up", 200)
	env.produce(t, "posts", before...)
	health := &pipeline.Health{}
	env.startWorker(t, env.cfg, testLogger(t), func(w *pipeline.Worker) { w.Health = health })
	env.consume(t, "labeled", 20*time.Second, allIDs(beforeIDs))
	waitFor(t, 5*time.Second, "ready before the outage", health.Ready)

	down.Store(true)
	waitFor(t, 10*time.Second, "not ready while the broker is down", func() bool { return !health.Ready() })
	t.Logf("dropped %d requests", dropped.Load())
	time.Sleep(outageLength(t))
	down.Store(false)

	after, afterIDs := posts("back", 200)
	env.produce(t, "posts", after...)
	got := env.consume(t, "labeled", 45*time.Second, allIDs(afterIDs))
	if missing := missingIDs(afterIDs, got); len(missing) > 0 {
		t.Fatalf("%d posts produced after the outage were never labeled", len(missing))
	}
	waitFor(t, 10*time.Second, "ready again", health.Ready)
}

// TestWorkerFollowsLeaderChanges moves partition leadership between the brokers of a
// three-node kfake cluster while the worker runs; kafka-go must follow the new leaders and
// every post must still be labeled.
func TestWorkerFollowsLeaderChanges(t *testing.T) {
	c, err := kfake.NewCluster(kfake.NumBrokers(3), kfake.SeedTopics(3, "posts", "labeled", "dead"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	cfg := pipeline.Config{Brokers: c.ListenAddrs(), InputTopic: "posts", OutputTopic: "labeled", DLQTopic: "dead",
		GroupID: "leaders", BatchSize: 100, RetryBackoffMax: 500 * time.Millisecond, JoinGroupBackoff: 200 * time.Millisecond}.WithDefaults()
	env := &testEnv{cfg: cfg}
	values, ids := posts("lead", 2000)
	env.produce(t, "posts", values[:1000]...)
	out := newOutputWatcher(t, env)
	env.startWorker(t, cfg, testLogger(t), withSlowSink(10*time.Millisecond))
	waitFor(t, 20*time.Second, "first records", func() bool { return out.count() >= 100 })
	for range 3 {
		c.ShufflePartitionLeaders()
		time.Sleep(200 * time.Millisecond)
	}
	env.produce(t, "posts", values[1000:]...)
	waitFor(t, 60*time.Second, "a record for every post", func() bool { return len(missingIDs(ids, out.messages())) == 0 })
}

func outageLength(t *testing.T) time.Duration {
	if v := os.Getenv("ALLYSTREAM_TEST_OUTAGE"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			t.Fatalf("ALLYSTREAM_TEST_OUTAGE: %v", err)
		}
		return d
	}
	return 2 * time.Second
}
