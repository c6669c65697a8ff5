package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"
)

// Worker is the streaming loop: it fetches a batch from the Source, labels it in parallel,
// publishes every labeled record and dead letter to the Sink, waits for the acknowledgement,
// and only then commits the batch. Batches are published and committed one at a time, so a
// commit never passes an unacknowledged output.
type Worker struct {
	// Config supplies batching, retry and shutdown settings; Brokers and topics are not used
	// here. It is passed through WithDefaults.
	Config Config
	// Source and Sink are required.
	Source Source
	Sink   Sink
	// Labeler is required unless Passthrough is set.
	Labeler *Labeler
	// Passthrough publishes each input value unchanged instead of labeling it; it exists to
	// measure the transport's ceiling in benchmarks. Default: false.
	Passthrough bool
	// Metrics receives measurements. Default: metrics on a private registry.
	Metrics *Metrics
	// Health is updated with readiness. Default: a private Health.
	Health *Health
	// Log receives structured logs. Default: a no-op logger.
	Log *zap.Logger

	// recordHeaders are the headers of every labeled record, shared by all of them.
	recordHeaders []Header
	// slabs recycles the buffers records are encoded into.
	slabs *slabPool
}

// pinger is implemented by sources that can check broker connectivity while idle.
type pinger interface {
	Ping(ctx context.Context) error
}

// Run processes messages until ctx is cancelled or a finite source ends, then returns nil
// once the batches in flight are published and committed. It returns an error only when
// they cannot be published within Config.GracePeriod after cancellation; their offsets are
// then left uncommitted, so they are delivered again.
//
// Two stages overlap: one goroutine fetches and labels the next batch while Run publishes
// and commits the previous one. Publishing and committing stay strictly sequential, so a
// commit never passes an unacknowledged output and at most one published batch is ever
// uncommitted.
func (w *Worker) Run(ctx context.Context) error {
	w.init()
	if p, ok := w.Source.(pinger); ok {
		stop := w.watchConnection(ctx, p)
		defer stop()
	} else {
		w.Health.SetConnected(true)
	}
	gctx, cancel := graceContext(ctx, w.Config.GracePeriod)
	defer cancel()
	batches := make(chan labeledBatch, 1)
	go w.fetchAndLabel(ctx, gctx, batches)
	for b := range batches {
		if err := w.deliver(gctx, b); err != nil {
			cancel()
			for range batches { // let the labeling stage finish
			}
			return err
		}
	}
	return nil
}

// fetchAndLabel is the first stage: it fetches and labels batches and hands them to Run
// until ctx is cancelled, the source ends, or gctx ends; then it closes out.
func (w *Worker) fetchAndLabel(ctx, gctx context.Context, out chan<- labeledBatch) {
	defer close(out)
	fetchFailures := 0
	for {
		batch, err := w.fetchBatch(ctx)
		if len(batch) > 0 {
			w.Metrics.recordsIn.Add(float64(len(batch)))
			w.Metrics.batchSize.Observe(float64(len(batch)))
			results, slabs := w.processAll(batch)
			select {
			case out <- labeledBatch{msgs: batch, results: results, slabs: slabs}:
			case <-gctx.Done():
				return
			}
		}
		switch {
		case ctx.Err() != nil || errors.Is(err, io.EOF):
			return
		case err != nil:
			w.fetchFailed(ctx, err, fetchFailures)
			fetchFailures++
		default:
			fetchFailures = 0
		}
	}
}

func (w *Worker) init() {
	w.Config = w.Config.WithDefaults()
	if w.Log == nil {
		w.Log = zap.NewNop()
	}
	if w.Metrics == nil {
		w.Metrics = NewMetrics(prometheus.NewRegistry(), "")
	}
	if w.Health == nil {
		w.Health = &Health{}
	}
	w.recordHeaders = recordHeaders()
	w.slabs = &slabPool{}
}

// fetchBatch blocks for the first message, then collects more until BatchSize messages or
// BatchWait has passed. It returns what it has together with any error that ended it.
func (w *Worker) fetchBatch(ctx context.Context) ([]Message, error) {
	first, err := w.Source.Fetch(ctx)
	if err != nil {
		return nil, err
	}
	batch := make([]Message, 1, w.Config.BatchSize)
	batch[0] = first
	wctx, cancel := context.WithTimeout(ctx, w.Config.BatchWait)
	defer cancel()
	for len(batch) < w.Config.BatchSize {
		m, err := w.Source.Fetch(wctx)
		if err != nil {
			if wctx.Err() != nil && ctx.Err() == nil {
				err = nil // the batch window closed
			}
			return batch, err
		}
		batch = append(batch, m)
	}
	return batch, nil
}

// fetchFailed counts and logs a fetch error and pauses. Readiness is left to the connection
// watcher: a fetch that recovers while no input arrives would otherwise never clear it.
func (w *Worker) fetchFailed(ctx context.Context, err error, attempt int) {
	w.Metrics.fetchErrors.Inc()
	pause := backoff(attempt, w.Config.RetryBackoffMin, w.Config.RetryBackoffMax)
	w.Log.Warn("fetch failed; retrying", zap.Error(err), zap.Duration("backoff", pause))
	sleepCtx(ctx, pause)
}

// watchConnection pings the brokers now and every few seconds, so readiness reflects a lost
// connection even while no batch is in flight.
func (w *Worker) watchConnection(ctx context.Context, p pinger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			pctx, pcancel := context.WithTimeout(ctx, w.Config.RequestTimeout)
			err := p.Ping(pctx)
			pcancel()
			if ctx.Err() != nil {
				return
			}
			w.setConnected(err)
			if !sleepCtx(ctx, 3*time.Second) {
				return
			}
		}
	}()
	return func() { cancel(); <-done }
}

func (w *Worker) setConnected(err error) {
	if err != nil && w.Health.Connected() {
		w.Log.Warn("brokers unreachable", zap.Error(err))
	}
	if err == nil && !w.Health.Connected() {
		w.Log.Info("connected to brokers")
	}
	w.Health.SetConnected(err == nil)
}

// ErrGracePeriodExpired is returned (wrapped) by Run when the batch in flight could not be
// published within Config.GracePeriod after cancellation.
var ErrGracePeriodExpired = errors.New("grace period expired")

func graceErr(what string, n int, cause error) error {
	return fmt.Errorf("%s %d messages: %w (last error: %v)", what, n, ErrGracePeriodExpired, cause)
}
