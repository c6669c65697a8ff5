package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/segmentio/kafka-go"
)

// harness adapts one Source/Sink backend to the conformance suite (in the style of
// go-cloud's drivertest): every backend must pass the same tests.
type harness interface {
	// open returns a Source holding values, in order, and a Sink.
	open(t *testing.T, values [][]byte) (pipeline.Source, pipeline.Sink)
	// outputs returns the labeled record values and dead-letter values published so far,
	// waiting until there are at least want in total.
	outputs(t *testing.T, want int) (records, dead [][]byte)
	// committed returns how many input messages are committed, waiting briefly for want.
	committed(t *testing.T, want int) int
	// finite reports whether the Source ends with io.EOF.
	finite() bool
}

func TestConformanceFile(t *testing.T)  { runConformance(t, func() harness { return &fileHarness{} }) }
func TestConformanceKafka(t *testing.T) { runConformance(t, func() harness { return &kafkaHarness{} }) }

func runConformance(t *testing.T, newHarness func() harness) {
	t.Run("every input yields exactly one output", func(t *testing.T) { testOneOutputEach(t, newHarness()) })
	t.Run("fetch honours a cancelled context", func(t *testing.T) { testFetchCancelled(t, newHarness()) })
}

func conformanceInputs() ([][]byte, int) {
	values, _ := posts("c", 20)
	values = append(values, []byte(`{"id":"x"`), []byte(`[]`), []byte("{\"id\":\"u\",\"text\":\"\xff\"}"))
	return values, 3
}

func testOneOutputEach(t *testing.T, h harness) {
	values, poison := conformanceInputs()
	src, sink := h.open(t, values)
	cfg := pipeline.Config{BatchSize: 7, GracePeriod: 5 * time.Second}.WithDefaults()
	w := &pipeline.Worker{Config: cfg, Source: src, Sink: sink, Labeler: newLabeler(t, cfg.Limits), Log: testLogger(t)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	records, dead := h.outputs(t, len(values))
	if h.finite() {
		if err := <-done; err != nil {
			t.Fatalf("Run on a finite source = %v", err)
		}
	}
	cancel()
	if !h.finite() {
		if err := <-done; err != nil {
			t.Fatalf("Run after cancel = %v", err)
		}
	}
	if len(records) != len(values)-poison || len(dead) != poison {
		t.Fatalf("got %d records and %d dead letters, want %d and %d", len(records), len(dead), len(values)-poison, poison)
	}
	for _, r := range records {
		var rec pipeline.Record
		if err := json.Unmarshal(r, &rec); err != nil || rec.ID == "" {
			t.Errorf("bad record %s: %v", r, err)
		}
	}
	if got := h.committed(t, len(values)); got != len(values) {
		t.Errorf("committed %d inputs, want %d", got, len(values))
	}
}

func testFetchCancelled(t *testing.T, h harness) {
	values, _ := conformanceInputs()
	src, _ := h.open(t, values)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := src.Fetch(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch with a cancelled context = %v, want context.Canceled", err)
	}
}

// fileHarness runs the suite on FileSource and FileSink over in-memory buffers.
type fileHarness struct {
	src        *pipeline.FileSource
	recs, dead lockedBuffer
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) lines() [][]byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Split(bytes.TrimSuffix(bytes.Clone(b.buf.Bytes()), []byte("\n")), []byte("\n"))
}

func (h *fileHarness) open(t *testing.T, values [][]byte) (pipeline.Source, pipeline.Sink) {
	h.src = pipeline.NewFileSource("in.jsonl", bytes.NewReader(append(bytes.Join(values, []byte("\n")), '\n')), 1<<20)
	return h.src, pipeline.NewFileSink(&h.recs, &h.dead)
}

func (h *fileHarness) outputs(t *testing.T, want int) (records, dead [][]byte) {
	waitFor(t, 10*time.Second, "file outputs", func() bool {
		records, dead = nonEmpty(h.recs.lines()), nonEmpty(h.dead.lines())
		return len(records)+len(dead) >= want
	})
	for i, d := range dead {
		var line pipeline.DeadLetterLine
		if err := json.Unmarshal(d, &line); err != nil || line.Headers[pipeline.HeaderReason] == "" {
			t.Errorf("bad dead-letter line %s: %v", d, err)
		}
		dead[i] = line.Value
	}
	return records, dead
}

func nonEmpty(lines [][]byte) [][]byte {
	var out [][]byte
	for _, l := range lines {
		if len(l) > 0 {
			out = append(out, l)
		}
	}
	return out
}

func (h *fileHarness) committed(*testing.T, int) int { return h.src.Committed() }
func (h *fileHarness) finite() bool                  { return true }

// kafkaHarness runs the suite on KafkaSource and KafkaSink over an in-process kfake broker.
type kafkaHarness struct{ env *testEnv }

func (h *kafkaHarness) open(t *testing.T, values [][]byte) (pipeline.Source, pipeline.Sink) {
	h.env = newTestEnv(t, 2)
	h.env.produce(t, "posts", values...)
	src, err := pipeline.NewKafkaSource(h.env.cfg, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	sink, err := pipeline.NewKafkaSink(h.env.cfg, testLogger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = src.Close(); _ = sink.Close() })
	return src, sink
}

func (h *kafkaHarness) outputs(t *testing.T, want int) (records, dead [][]byte) {
	var recs, dl [][]byte
	waitFor(t, 20*time.Second, "kafka outputs", func() bool {
		recs = messageValues(h.env.consume(t, "labeled", 300*time.Millisecond, atLeast(want)))
		dl = messageValues(h.env.consume(t, "dead", 300*time.Millisecond, atLeast(want)))
		return len(recs)+len(dl) >= want
	})
	return recs, dl
}

func (h *kafkaHarness) committed(t *testing.T, want int) int {
	deadline := time.Now().Add(5 * time.Second)
	for {
		n := int(sumOffsets(h.env.committed(t, h.env.cfg.GroupID, "posts")))
		if n >= want || time.Now().After(deadline) {
			return n
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func messageValues(msgs []kafka.Message) [][]byte {
	out := make([][]byte, len(msgs))
	for i, m := range msgs {
		out[i] = m.Value
	}
	return out
}

func (h *kafkaHarness) finite() bool { return false }
