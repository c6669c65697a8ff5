package pipeline

import (
	"encoding/json"
	"sync"
	"time"
)

// result is the outcome for one input message.
type result struct {
	out    Output
	record *Record     // set for a labeled record
	dead   *InputError // set for a dead letter
}

// processAll labels batch with Config.Workers goroutines, each taking a contiguous share.
func (w *Worker) processAll(batch []Message) []result {
	results := make([]result, len(batch))
	n := min(w.Config.Workers, len(batch))
	share := (len(batch) + n - 1) / n
	var wg sync.WaitGroup
	for lo := 0; lo < len(batch); lo += share {
		hi := min(lo+share, len(batch))
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				results[i] = w.process(batch[i])
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
	value, err := json.Marshal(&rec)
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
