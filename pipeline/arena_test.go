package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
)

// copyingSink keeps a copy of every acknowledged output, as the Sink contract requires of
// anything kept past Write.
type copyingSink struct {
	mu   sync.Mutex
	keys []string
	vals [][]byte
	errs []error
}

func (s *copyingSink) Write(_ context.Context, outs []pipeline.Output) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, o := range outs {
		s.keys = append(s.keys, string(o.Key))
		s.vals = append(s.vals, bytes.Clone(o.Value))
		if !o.DeadLetter && (cap(o.Value) != len(o.Value) || cap(o.Key) != len(o.Key)) {
			s.errs = append(s.errs, fmt.Errorf("record %s: its key or value has room past its end", o.Key))
		}
	}
	return nil
}

func (s *copyingSink) Close() error { return nil }

// TestWorkerRecyclesEncodeBuffers runs many small batches, so the buffers records are
// encoded into are recycled many times over, and requires every published record to be
// exactly what MarshalRecord makes of its input, long and short posts mixed.
func TestWorkerRecyclesEncodeBuffers(t *testing.T) {
	values, _ := posts("arena", 400)
	for i := 0; i < len(values); i += 37 {
		values[i] = fmt.Appendf(nil, `{"id":"long-%d","text":%q}`, i, strings.Repeat("women are paid less. ", 900+i))
	}
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	lab := newLabeler(t, pipeline.DefaultLimits())
	lab.Now = func() time.Time { return now }
	sink := &copyingSink{}
	src := pipeline.NewFileSource("in.jsonl", bytes.NewReader(append(bytes.Join(values, []byte("\n")), '\n')), 1<<20)
	cfg := pipeline.Config{BatchSize: 9, Workers: 3}.WithDefaults()
	w := &pipeline.Worker{Config: cfg, Source: src, Sink: sink, Labeler: lab, Log: testNop()}
	if err := w.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(sink.errs) > 0 {
		t.Fatal(sink.errs)
	}
	if len(sink.vals) != len(values) {
		t.Fatalf("%d outputs for %d inputs", len(sink.vals), len(values))
	}
	for i, v := range values {
		rec, err := lab.Label(v, pipeline.Origin{File: "in.jsonl", Line: i + 1, Offset: int64(i)})
		if err != nil {
			t.Fatal(err)
		}
		want, err := pipeline.MarshalRecord(&rec)
		if err != nil {
			t.Fatal(err)
		}
		if sink.keys[i] != rec.ID || !bytes.Equal(sink.vals[i], want) {
			t.Fatalf("output %d: key %q, value\n%.300s\nwant key %q, value\n%.300s", i, sink.keys[i], sink.vals[i], rec.ID, want)
		}
	}
}
