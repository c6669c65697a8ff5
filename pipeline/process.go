package pipeline

import (
	"sync"
	"sync/atomic"
	"time"
)

// result is the outcome for one input message.
type result struct {
	out  Output
	dead *InputError // set for a dead letter
	// labeled is set for a labeled record, and counts to what the metrics count of it once
	// it is acknowledged.
	labeled bool
	counts  recordCounts
}

// processChunk is how many messages a labeling goroutine claims at a time: small enough to
// balance long and short posts across goroutines, large enough to keep contention low.
const processChunk = 16

// processAll labels batch with Config.Workers goroutines that claim chunks as they go. It
// returns the results and the slabs holding the encoded records, to recycle once the batch
// is acknowledged.
func (w *Worker) processAll(batch []Message) ([]result, []*slab) {
	results := make([]result, len(batch))
	arenas := make([]arena, min(w.Config.Workers, (len(batch)+processChunk-1)/processChunk))
	var next atomic.Int64
	var wg sync.WaitGroup
	for g := range arenas {
		a := &arenas[g]
		a.pool = w.slabs
		wg.Go(func() {
			for {
				lo := int(next.Add(processChunk)) - processChunk
				if lo >= len(batch) {
					return
				}
				for i := lo; i < min(lo+processChunk, len(batch)); i++ {
					results[i] = w.process(batch[i], a)
				}
			}
		})
	}
	wg.Wait()
	var slabs []*slab
	for i := range arenas {
		slabs = append(slabs, arenas[i].slabs...)
	}
	return results, slabs
}

// process turns one message into a labeled record, encoded into a, or a dead letter.
func (w *Worker) process(m Message, a *arena) result {
	if w.Passthrough {
		return result{out: Output{Key: m.Key, Value: append([]byte(nil), m.Value...), Headers: w.recordHeaders}}
	}
	start := time.Now()
	rec, err := w.Labeler.Label(m.Value, m.Origin)
	w.Metrics.classifyTime.Observe(time.Since(start).Seconds())
	if err != nil {
		ie, ok := AsInputError(err)
		if !ok {
			ie = &InputError{Reason: ReasonInvalidJSON, Detail: err.Error()}
		}
		return w.deadLetter(m, ie)
	}
	key, value, err := a.encode(&rec)
	if err != nil {
		return w.deadLetter(m, &InputError{Reason: ReasonInvalidJSON, Detail: "encode record: " + err.Error()})
	}
	if len(value)+deadLetterOverhead > w.Config.MaxRecordBytes {
		return w.deadLetter(m, &InputError{Reason: ReasonRecordTooLarge,
			Detail: "labeled record is " + itoa(len(value)) + " bytes, limit " + itoa(w.Config.MaxRecordBytes-deadLetterOverhead)})
	}
	return result{out: Output{Key: key, Value: value, Headers: w.recordHeaders}, labeled: true, counts: countRecord(&rec)}
}

func (w *Worker) deadLetter(m Message, ie *InputError) result {
	return result{out: DeadLetter(m, ie, w.Config.MaxRecordBytes), dead: ie}
}
