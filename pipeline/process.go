package pipeline

import (
	"sync"
	"sync/atomic"
	"time"
)

// result is the outcome for one input message.
type result struct {
	out    Output
	record *Record     // set for a labeled record
	dead   *InputError // set for a dead letter
}

// processChunk is how many messages a labeling goroutine claims at a time: small enough to
// balance long and short posts across goroutines, large enough to keep contention low.
const processChunk = 16

// processAll labels batch with Config.Workers goroutines that claim chunks as they go.
func (w *Worker) processAll(batch []Message) []result {
	results := make([]result, len(batch))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(w.Config.Workers, (len(batch)+processChunk-1)/processChunk) {
		wg.Go(func() {
			for {
				lo := int(next.Add(processChunk)) - processChunk
				if lo >= len(batch) {
					return
				}
				for i := lo; i < min(lo+processChunk, len(batch)); i++ {
					results[i] = w.process(batch[i])
				}
			}
		})
	}
	wg.Wait()
	return results
}

// process turns one message into a labeled record or a dead letter.
func (w *Worker) process(m Message) result {
	if w.Passthrough {
		return result{out: Output{Key: m.Key, Value: append([]byte(nil), m.Value...), Headers: recordHeaders()}}
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
	value, err := MarshalRecord(&rec)
	if err != nil {
		return w.deadLetter(m, &InputError{Reason: ReasonInvalidJSON, Detail: "encode record: " + err.Error()})
	}
	if len(value)+deadLetterOverhead > w.Config.MaxRecordBytes {
		return w.deadLetter(m, &InputError{Reason: ReasonRecordTooLarge,
			Detail: "labeled record is " + itoa(len(value)) + " bytes, limit " + itoa(w.Config.MaxRecordBytes-deadLetterOverhead)})
	}
	return result{out: Output{Key: []byte(rec.ID), Value: value, Headers: recordHeaders()}, record: &rec}
}

func (w *Worker) deadLetter(m Message, ie *InputError) result {
	return result{out: DeadLetter(m, ie, w.Config.MaxRecordBytes), dead: ie}
}
