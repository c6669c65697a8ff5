package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/internal/embedded"
	"github.com/allystream/allystream/lexicons"
	"github.com/allystream/allystream/pipeline"
	"github.com/segmentio/kafka-go"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// testEnv is an in-process kfake broker with input, output and DLQ topics.
type testEnv struct {
	broker *embedded.Broker
	cfg    pipeline.Config
	// dialer is used by the test's own readers; nil means plaintext without auth.
	dialer *kafka.Dialer
}

func newTestEnv(t testing.TB, partitions int32) *testEnv {
	t.Helper()
	return newTestEnvMaxBytes(t, partitions, 0)
}

// newTestEnvMaxBytes is newTestEnv with the broker's message.max.bytes set (0: default).
func newTestEnvMaxBytes(t testing.TB, partitions int32, maxMessageBytes int) *testEnv {
	t.Helper()
	b, err := embedded.Start(embedded.Options{Topics: []embedded.Topic{
		{Name: "posts", Partitions: partitions},
		{Name: "labeled", Partitions: partitions},
		{Name: "dead", Partitions: 1},
	}, MaxMessageBytes: maxMessageBytes})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Close)
	cfg := pipeline.Config{
		Brokers: b.Addrs(), InputTopic: "posts", OutputTopic: "labeled", DLQTopic: "dead",
		GroupID: "allystream-test", BatchSize: 200, GracePeriod: 5 * time.Second,
		RetryBackoffMax: 500 * time.Millisecond, JoinGroupBackoff: 200 * time.Millisecond,
	}.WithDefaults()
	return &testEnv{broker: b, cfg: cfg}
}

func newLabeler(t testing.TB, limits pipeline.Limits) *pipeline.Labeler {
	t.Helper()
	set, err := lexicons.Load("")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := classifiers.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: limits}, Classifier: eng}
}

// startWorker runs a worker until the test ends, returning a stop function that cancels it
// and returns Run's error.
func (e *testEnv) startWorker(t testing.TB, cfg pipeline.Config, log *zap.Logger, opts ...func(*pipeline.Worker)) (stop func() error) {
	t.Helper()
	src, err := pipeline.NewKafkaSource(cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	sink, err := pipeline.NewKafkaSink(cfg, log)
	if err != nil {
		t.Fatal(err)
	}
	w := &pipeline.Worker{Config: cfg, Source: src, Sink: sink, Labeler: newLabeler(t, cfg.Limits), Log: log}
	for _, o := range opts {
		o(w)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			runErr = <-done
			_ = src.Close()
			_ = sink.Close()
		})
		return runErr
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// testLogger logs warnings to t.Log until the test's cleanups have run, then drops them:
// kafka-go goroutines may still log after Close returns.
func testLogger(t testing.TB) *zap.Logger {
	w := &testWriter{t: t}
	t.Cleanup(w.stop)
	enc := zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig())
	return zap.New(zapcore.NewCore(enc, zapcore.AddSync(w), zap.WarnLevel))
}

type testWriter struct {
	mu   sync.Mutex
	t    testing.TB
	done bool
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.done {
		w.t.Log(strings.TrimRight(string(p), "\n"))
	}
	return len(p), nil
}

func (w *testWriter) stop() {
	w.mu.Lock()
	w.done = true
	w.mu.Unlock()
}

// produce writes values to topic, keyed by index, and waits for the acks.
func (e *testEnv) produce(t testing.TB, topic string, values ...[]byte) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(e.cfg.Brokers...), Topic: topic, BatchSize: 1000,
		BatchTimeout: time.Millisecond, RequiredAcks: kafka.RequireAll, BatchBytes: 4 << 20}
	defer w.Close()
	msgs := make([]kafka.Message, len(values))
	for i, v := range values {
		msgs[i] = kafka.Message{Value: v}
	}
	if err := w.WriteMessages(context.Background(), msgs...); err != nil {
		t.Fatalf("produce to %s: %v", topic, err)
	}
}

// consume reads topic from the beginning of every partition until enough(msgs) or timeout.
func (e *testEnv) consume(t testing.TB, topic string, timeout time.Duration, enough func([]kafka.Message) bool) []kafka.Message {
	t.Helper()
	parts := e.partitions(t, topic)
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	ch := make(chan kafka.Message, 1024)
	var wg sync.WaitGroup
	for _, p := range parts {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: e.cfg.Brokers, Topic: topic, Partition: p,
			MaxWait: 250 * time.Millisecond, MaxBytes: 10 << 20, Dialer: e.dialer})
		wg.Go(func() {
			defer r.Close()
			for {
				m, err := r.FetchMessage(ctx)
				if err != nil {
					return
				}
				select {
				case ch <- m:
				case <-ctx.Done():
					return
				}
			}
		})
	}
	var got []kafka.Message
	for !enough(got) {
		select {
		case m := <-ch:
			got = append(got, m)
		case <-ctx.Done():
			cancel()
			wg.Wait()
			return got
		}
	}
	cancel()
	wg.Wait()
	return got
}

func (e *testEnv) partitions(t testing.TB, topic string) []int {
	t.Helper()
	dialer := e.dialer
	if dialer == nil {
		dialer = kafka.DefaultDialer
	}
	conn, err := dialer.Dial("tcp", e.cfg.Brokers[0])
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ps, err := conn.ReadPartitions(topic)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]int, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	return ids
}

// atLeast returns an enough func for consume: at least n messages.
func atLeast(n int) func([]kafka.Message) bool {
	return func(ms []kafka.Message) bool { return len(ms) >= n }
}

// allIDs returns an enough func: every id in want has a record.
func allIDs(want map[string]bool) func([]kafka.Message) bool {
	return func(ms []kafka.Message) bool { return len(missingIDs(want, ms)) == 0 }
}

func missingIDs(want map[string]bool, ms []kafka.Message) []string {
	seen := map[string]bool{}
	for _, m := range ms {
		seen[string(m.Key)] = true
	}
	var missing []string
	for id := range want {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	return missing
}

// posts makes n valid posts with ids prefix-0..prefix-(n-1).
func posts(prefix string, n int) ([][]byte, map[string]bool) {
	texts := []string{
		"As a white person I benefit from a system built for people who look like me.",
		"My heart breaks for every trans kid tonight. You are not alone.",
		"This is outrageous. Enough is enough, shame on the city council!",
		"Women are still paid less for the same work.",
		"We must be the voice for those who can't speak.",
		"Great turnout at the farmers market today!",
	}
	values := make([][]byte, n)
	ids := make(map[string]bool, n)
	for i := range values {
		id := fmt.Sprintf("%s-%d", prefix, i)
		values[i], _ = json.Marshal(map[string]any{"id": id, "text": texts[i%len(texts)], "platform": "test", "seq": i})
		ids[id] = true
	}
	return values, ids
}

func header(m kafka.Message, key string) string {
	for _, h := range m.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}

// committed returns the group's committed offset per partition of topic (-1: none).
func (e *testEnv) committed(t testing.TB, group, topic string) map[int]int64 {
	t.Helper()
	c := &kafka.Client{Addr: kafka.TCP(e.cfg.Brokers...), Timeout: 5 * time.Second}
	resp, err := c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group,
		Topics: map[string][]int{topic: e.partitions(t, topic)}})
	if err != nil {
		t.Fatalf("fetch committed offsets: %v", err)
	}
	out := map[int]int64{}
	for _, p := range resp.Topics[topic] {
		out[p.Partition] = p.CommittedOffset
	}
	return out
}

// sumOffsets adds up committed offsets, counting "none" as 0.
func sumOffsets(offs map[int]int64) int64 {
	var n int64
	for _, o := range offs {
		n += max(o, 0)
	}
	return n
}

// slowSink delays every Write, to keep batches in flight.
type slowSink struct {
	pipeline.Sink
	delay time.Duration
}

func (s slowSink) Write(ctx context.Context, outs []pipeline.Output) error {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.Sink.Write(ctx, outs)
}

func withSlowSink(d time.Duration) func(*pipeline.Worker) {
	return func(w *pipeline.Worker) { w.Sink = slowSink{w.Sink, d} }
}

// outputWatcher consumes the output topic in the background for the whole test.
type outputWatcher struct {
	mu   sync.Mutex
	msgs []kafka.Message
}

func newOutputWatcher(t testing.TB, e *testEnv) *outputWatcher {
	w := &outputWatcher{}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for _, p := range e.partitions(t, "labeled") {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: e.cfg.Brokers, Topic: "labeled", Partition: p, MaxWait: 250 * time.Millisecond})
		wg.Go(func() {
			defer r.Close()
			for {
				m, err := r.FetchMessage(ctx)
				if err != nil {
					return
				}
				w.mu.Lock()
				w.msgs = append(w.msgs, m)
				w.mu.Unlock()
			}
		})
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
	return w
}

func (w *outputWatcher) count() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.msgs)
}

func (w *outputWatcher) messages() []kafka.Message {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]kafka.Message(nil), w.msgs...)
}

func testNop() *zap.Logger { return zap.NewNop() }
