package pipeline

import (
	"context"
	"errors"
	"slices"
	"time"

	"go.uber.org/zap"
)

// labeledBatch is a fetched batch with its outputs, waiting to be delivered.
type labeledBatch struct {
	msgs    []Message
	results []result
	// slabs hold the encoded records; they are recycled once the batch is acknowledged.
	slabs []*slab
}

// deliver publishes and commits one labeled batch. gctx is the shutdown-bounded context: it
// ends GracePeriod after Run's context, and then the batch is left uncommitted.
//
// Once the Sink has acknowledged every output, which it no longer references then, the
// slabs holding the encoded records go back to the pool. After a failed publish they are
// left to the garbage collector: a cancelled write may still be in flight.
func (w *Worker) deliver(gctx context.Context, b labeledBatch) error {
	if err := w.publish(gctx, b); err != nil {
		return err
	}
	w.slabs.put(b.slabs)
	w.observe(b.msgs, b.results)
	w.commit(gctx, b.msgs)
	return nil
}

// publish writes every output, retrying the failed ones with backoff until all are
// acknowledged or ctx ends. An output the Sink refuses as too large (ErrOutputTooLarge) is
// written alone, and if still refused it is replaced in b.results by a dead letter (see
// refuse), so a permanent refusal never stalls the partition.
func (w *Worker) publish(ctx context.Context, b labeledBatch) error {
	pending := make([]int, len(b.results))
	for i := range pending {
		pending[i] = i
	}
	outs := make([]Output, 0, len(pending))
	for attempt := 0; ; attempt++ {
		outs = outs[:0]
		for _, i := range pending {
			outs = append(outs, b.results[i].out)
		}
		err := w.Sink.Write(ctx, outs)
		if err == nil {
			w.Health.SetStalled(false)
			return nil
		}
		w.Metrics.produceErrors.Inc()
		failed, tooLarge := failedOnly(pending, err)
		if len(tooLarge) > 0 {
			retry, aerr := w.publishAlone(ctx, b, tooLarge)
			if aerr != nil {
				return aerr
			}
			failed = append(failed, retry...)
			if len(failed) == 0 {
				w.Health.SetStalled(false)
				return nil
			}
			slices.Sort(failed)
		}
		pending = failed
		w.Health.SetStalled(true)
		pause := backoff(attempt, w.Config.RetryBackoffMin, w.Config.RetryBackoffMax)
		w.Log.Warn("publish failed; retrying", zap.Int("outputs", len(pending)), zap.Error(err), zap.Duration("backoff", pause))
		if !sleepCtx(ctx, pause) {
			return graceErr("publish", len(pending), err)
		}
	}
}

// failedOnly splits the batch indices of the outputs err reports as failed (pending[j] is
// the batch index of the j-th output written) into those to retry and those refused as too
// large.
func failedOnly(pending []int, err error) (retry, tooLarge []int) {
	var we *WriteError
	if !errors.As(err, &we) {
		if errors.Is(err, ErrOutputTooLarge) {
			return nil, slices.Clone(pending)
		}
		return slices.Clone(pending), nil
	}
	for k, j := range we.Failed {
		if k < len(we.Errs) && errors.Is(we.Errs[k], ErrOutputTooLarge) {
			tooLarge = append(tooLarge, pending[j])
		} else {
			retry = append(retry, pending[j])
		}
	}
	return retry, tooLarge
}

// publishAlone writes each output at the given batch indices in a request of its own. An
// output refused as too large even alone is replaced by a dead letter, which is written in
// turn. It returns the indices that failed for another reason, to be retried.
func (w *Worker) publishAlone(ctx context.Context, b labeledBatch, idx []int) (retry []int, err error) {
	for _, i := range idx {
		for {
			werr := w.Sink.Write(ctx, []Output{b.results[i].out})
			if werr == nil {
				break
			}
			if ctx.Err() != nil {
				return nil, graceErr("publish", 1, werr)
			}
			w.Metrics.produceErrors.Inc()
			if !errors.Is(werr, ErrOutputTooLarge) || !w.refuse(b, i, werr) {
				retry = append(retry, i)
				break
			}
		}
	}
	return retry, nil
}

// refuse replaces the output at batch index i, which the Sink refused as too large even
// alone, by a smaller one: a labeled record (or passthrough copy) becomes a dead letter with
// reason record_too_large; a dead letter keeps its reason and headers but loses its value
// (dlq-truncated: true). It reports false when there is nothing smaller to send.
func (w *Worker) refuse(b labeledBatch, i int, err error) bool {
	r, m := &b.results[i], b.msgs[i]
	w.Log.Warn("the sink refused an output as too large", append(originFields(m.Origin),
		zap.Int("bytes", len(r.out.Value)), zap.Bool("dead_letter", r.dead != nil), zap.Error(err))...)
	if r.dead == nil {
		*r = w.deadLetter(m, &InputError{Reason: ReasonRecordTooLarge,
			Detail: "the sink refused the " + itoa(len(r.out.Value)) + "-byte output as too large: " + err.Error()})
		return true
	}
	if len(r.out.Value) == 0 {
		return false
	}
	r.out = DeadLetter(m, r.dead, deadLetterOverhead)
	return true
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
		case r.labeled:
			w.Metrics.observeRecord(r.counts)
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
