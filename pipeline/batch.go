package pipeline

import (
	"context"
	"errors"
	"time"

	"go.uber.org/zap"
)

// labeledBatch is a fetched batch with its outputs, waiting to be delivered.
type labeledBatch struct {
	msgs    []Message
	results []result
}

// deliver publishes and commits one labeled batch. gctx is the shutdown-bounded context: it
// ends GracePeriod after Run's context, and then the batch is left uncommitted.
func (w *Worker) deliver(gctx context.Context, b labeledBatch) error {
	if err := w.publish(gctx, b.results); err != nil {
		return err
	}
	w.observe(b.msgs, b.results)
	w.commit(gctx, b.msgs)
	return nil
}

// publish writes every output, retrying the failed ones with backoff until all are
// acknowledged or ctx ends.
func (w *Worker) publish(ctx context.Context, results []result) error {
	pending := make([]Output, len(results))
	for i := range results {
		pending[i] = results[i].out
	}
	for attempt := 0; ; attempt++ {
		err := w.Sink.Write(ctx, pending)
		if err == nil {
			w.Health.SetStalled(false)
			return nil
		}
		w.Metrics.produceErrors.Inc()
		w.Health.SetStalled(true)
		pending = failedOnly(pending, err)
		pause := backoff(attempt, w.Config.RetryBackoffMin, w.Config.RetryBackoffMax)
		w.Log.Warn("publish failed; retrying", zap.Int("outputs", len(pending)), zap.Error(err), zap.Duration("backoff", pause))
		if !sleepCtx(ctx, pause) {
			return graceErr("publish", len(pending), err)
		}
	}
}

func failedOnly(outs []Output, err error) []Output {
	var we *WriteError
	if !errors.As(err, &we) {
		return outs
	}
	failed := make([]Output, 0, len(we.Failed))
	for _, i := range we.Failed {
		failed = append(failed, outs[i])
	}
	return failed
}

// commit commits the batch, retrying with backoff until it succeeds or ctx ends. A commit
// abandoned at shutdown loses nothing: the batch is delivered again.
func (w *Worker) commit(ctx context.Context, batch []Message) {
	for attempt := 0; ; attempt++ {
		cctx, cancel := context.WithTimeout(ctx, w.Config.RequestTimeout)
		err := w.Source.Commit(cctx, batch)
		cancel()
		if err == nil {
			w.Health.SetStalled(false)
			w.Metrics.lastCommitUnix.SetToCurrentTime()
			return
		}
		w.Metrics.commitErrors.Inc()
		w.Health.SetStalled(true)
		pause := backoff(attempt, w.Config.RetryBackoffMin, w.Config.RetryBackoffMax)
		if ctx.Err() != nil || !sleepCtx(ctx, pause) {
			w.Log.Error("commit abandoned at shutdown; the batch will be delivered again", zap.Int("messages", len(batch)), zap.Error(err))
			return
		}
		w.Log.Warn("commit failed; retrying", zap.Error(err), zap.Duration("backoff", pause))
	}
}

// observe records metrics and logs for an acknowledged batch.
func (w *Worker) observe(batch []Message, results []result) {
	now := time.Now()
	for i := range results {
		r := &results[i]
		m := &batch[i]
		w.Metrics.observeLag(*m)
		if !m.Time.IsZero() {
			w.Metrics.endToEnd.Observe(now.Sub(m.Time).Seconds())
		}
		switch {
		case r.dead != nil:
			w.Metrics.deadLetters.WithLabelValues(string(r.dead.Reason)).Inc()
			w.Log.Warn("dead-lettered input", append(originFields(m.Origin),
				zap.String("reason", string(r.dead.Reason)), zap.String("detail", r.dead.Detail))...)
		case r.record != nil:
			w.Metrics.observeRecord(r.record)
		default:
			w.Metrics.recordsOut.Inc()
		}
	}
}

// originFields names an input position in logs: file and line, or topic, partition, offset.
func originFields(o Origin) []zap.Field {
	if o.File != "" {
		return []zap.Field{zap.String("file", o.File), zap.Int("line", o.Line)}
	}
	return []zap.Field{zap.String("topic", o.Topic), zap.Int("partition", o.Partition), zap.Int64("offset", o.Offset)}
}
