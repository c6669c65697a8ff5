package pipeline_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
)

// TestWorkerShutdownFinishesInFlightBatch cancels the worker while a batch is being
// published: Run must return nil within the grace period, with every published record's
// offset committed, so a restarted worker starts exactly after it.
func TestWorkerShutdownFinishesInFlightBatch(t *testing.T) {
	env := newTestEnv(t, 2)
	cfg := env.cfg
	cfg.BatchSize = 50
	cfg.GracePeriod = 5 * time.Second
	values, _ := posts("s", 2000)
	env.produce(t, "posts", values...)
	stop := env.startWorker(t, cfg, testLogger(t), withSlowSink(300*time.Millisecond))
	env.consume(t, "labeled", 20*time.Second, atLeast(1)) // a batch is done, the next in flight
	start := time.Now()
	if err := stop(); err != nil {
		t.Fatalf("Run after cancel = %v, want nil", err)
	}
	if took := time.Since(start); took > cfg.GracePeriod {
		t.Errorf("shutdown took %s, grace period %s", took, cfg.GracePeriod)
	}
	committed := sumOffsets(env.committed(t, cfg.GroupID, "posts"))
	published := len(env.consume(t, "labeled", 2*time.Second, atLeast(len(values))))
	if committed != int64(published) || committed == 0 || committed == int64(len(values)) {
		t.Errorf("committed %d offsets, published %d records of %d; want equal, nonzero and partial", committed, published, len(values))
	}
}

// TestWorkerShutdownGivesUpAfterGracePeriod: when the output never acknowledges, Run
// returns an error after the grace period and commits nothing.
func TestWorkerShutdownGivesUpAfterGracePeriod(t *testing.T) {
	env := newTestEnv(t, 1)
	cfg := env.cfg
	cfg.GracePeriod = 300 * time.Millisecond
	values, _ := posts("g", 10)
	env.produce(t, "posts", values...)
	fetched := make(chan struct{}, 1)
	stop := env.startWorker(t, cfg, testLogger(t), func(w *pipeline.Worker) {
		w.Sink = blockingSink{fetched}
	})
	<-fetched
	start := time.Now()
	err := stop()
	if !errors.Is(err, pipeline.ErrGracePeriodExpired) {
		t.Fatalf("Run = %v, want a grace-period error", err)
	}
	if took := time.Since(start); took < cfg.GracePeriod || took > cfg.GracePeriod+2*time.Second {
		t.Errorf("gave up after %s, grace period %s", took, cfg.GracePeriod)
	}
	if n := sumOffsets(env.committed(t, cfg.GroupID, "posts")); n != 0 {
		t.Errorf("committed %d offsets without publishing", n)
	}
}

// blockingSink never acknowledges: Write signals its first call and blocks until ctx ends.
type blockingSink struct{ called chan<- struct{} }

func (s blockingSink) Write(ctx context.Context, _ []pipeline.Output) error {
	select {
	case s.called <- struct{}{}:
	default:
	}
	<-ctx.Done()
	return ctx.Err()
}

func (blockingSink) Close() error { return nil }
