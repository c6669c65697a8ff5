package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/allystream/allystream/internal/embedded"
	"github.com/segmentio/kafka-go"
)

// streamBuffer is a goroutine-safe log sink.
type streamBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *streamBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *streamBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func streamEnv(vars map[string]string, stdout, stderr io.Writer) *environment {
	return &environment{stdin: strings.NewReader(""), stdout: stdout, stderr: stderr,
		getenv: func(name string) string { return vars[name] }}
}

// TestRunCommandEmbeddedServesAndStopsCleanly starts "allystream run" with no --brokers,
// checks the embedded broker is logged, /metrics, /healthz and /readyz answer, and that
// cancellation (what SIGTERM does in main) exits 0.
func TestRunCommandEmbeddedServesAndStopsCleanly(t *testing.T) {
	var stdout, stderr streamBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() {
		done <- dispatch(ctx, streamEnv(nil, &stdout, &stderr), []string{"run", "--metrics-addr", "127.0.0.1:0", "--grace-period", "2s"})
	}()
	addr := waitForLogField(t, &stderr, "serving /metrics, /healthz, /readyz", "addr")
	if !strings.Contains(stderr.String(), "started embedded broker") {
		t.Errorf("embedded broker address not logged:\n%s", stderr.String())
	}
	waitForStatus(t, "http://"+addr+"/readyz", http.StatusOK)
	waitForStatus(t, "http://"+addr+"/healthz", http.StatusOK)
	body := httpGet(t, "http://"+addr+"/metrics")
	for _, name := range []string{"allystream_build_info", "allystream_dead_letters_total", "go_goroutines"} {
		if !strings.Contains(body, name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	start := time.Now()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit status %d after cancellation, want 0\n%s", code, stderr.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not stop within 5s of cancellation")
	}
	t.Logf("stopped %s after cancellation", time.Since(start).Round(time.Millisecond))
}

func TestRunFlagsFromEnvironment(t *testing.T) {
	vars := map[string]string{
		"ALLYSTREAM_BROKERS": "k1:9092, k2:9092", "ALLYSTREAM_INPUT_TOPIC": "in", "ALLYSTREAM_SASL_MECHANISM": "SCRAM-SHA-512",
		"ALLYSTREAM_SASL_USERNAME": "svc", "ALLYSTREAM_SASL_PASSWORD": "s3cret", "ALLYSTREAM_BATCH_SIZE": "250",
	}
	opts, err := parseRunFlags(streamEnv(vars, io.Discard, io.Discard), []string{"--group", "g2"})
	if err != nil {
		t.Fatal(err)
	}
	c := opts.cfg
	if strings.Join(c.Brokers, "|") != "k1:9092|k2:9092" || c.InputTopic != "in" || c.GroupID != "g2" || c.BatchSize != 250 {
		t.Errorf("config = %+v", c)
	}
	if c.Security.SASLPassword != "s3cret" || c.Security.SASLUsername != "svc" {
		t.Errorf("SASL not taken from the environment: %+v", c.Security)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestRunUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"password is never a flag", []string{"run", "--sasl-password", "x"}, "flag provided but not defined"},
		{"unknown SASL mechanism", []string{"run", "--brokers", "k:9092", "--sasl-mechanism", "GSSAPI"}, "Security.SASLMechanism"},
		{"SASL without password", []string{"run", "--brokers", "k:9092", "--sasl-mechanism", "PLAIN", "--sasl-username", "u"}, "SASLPassword"},
		{"same output and dlq", []string{"run", "--brokers", "k:9092", "--output-topic", "x", "--dlq-topic", "x"}, "must differ"},
		{"stray argument", []string{"run", "extra"}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr streamBuffer
			code := dispatch(context.Background(), streamEnv(nil, io.Discard, &stderr), tt.args)
			if code != 2 || !strings.Contains(stderr.String(), tt.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant exit 2 mentioning %q", code, stderr.String(), tt.want)
			}
		})
	}
}

// waitForLogField waits for a JSON log line with msg and returns its string field.
func waitForLogField(t *testing.T, logs *streamBuffer, msg, field string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(logs.String(), "\n") {
			var entry map[string]any
			if json.Unmarshal([]byte(line), &entry) == nil && entry["msg"] == msg {
				if v, ok := entry[field].(string); ok {
					return v
				}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("no log line %q with %q:\n%s", msg, field, logs.String())
	return ""
}

func waitForStatus(t *testing.T, url string, want int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == want {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s never answered %d (last: %v)", url, want, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRunPassthroughPublishesInputsUnchanged runs "allystream run --passthrough" against a
// loopback broker and checks every output equals its input, key and value, including an
// input that is not JSON (which a labeling run would dead-letter).
func TestRunPassthroughPublishesInputsUnchanged(t *testing.T) {
	b, err := embedded.Start(embedded.Options{Topics: []embedded.Topic{
		{Name: "in", Partitions: 1}, {Name: "out", Partitions: 1}, {Name: "dead", Partitions: 1},
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	inputs := []kafka.Message{
		{Key: []byte("p1"), Value: []byte(`{"id":"p1","text":"Thank you for listening, I hear you."}`)},
		{Key: []byte("p2"), Value: []byte(`not JSON {`)},
		{Key: []byte("p3"), Value: []byte(`{"id":"p3","text":"We stand with you.","extra":[1,2,3]}`)},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pw := &kafka.Writer{Addr: kafka.TCP(b.Addrs()...), Topic: "in", RequiredAcks: kafka.RequireAll, BatchTimeout: time.Millisecond}
	if err := pw.WriteMessages(ctx, inputs...); err != nil {
		t.Fatal(err)
	}
	pw.Close()

	var stderr streamBuffer
	wctx, stopWorker := context.WithCancel(ctx)
	done := make(chan int, 1)
	go func() {
		done <- dispatch(wctx, streamEnv(nil, io.Discard, &stderr), []string{"run", "--brokers", strings.Join(b.Addrs(), ","),
			"--input-topic", "in", "--output-topic", "out", "--dlq-topic", "dead", "--group", "pt",
			"--metrics-addr", "", "--passthrough", "--grace-period", "2s"})
	}()
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: b.Addrs(), Topic: "out", Partition: 0, MaxWait: 100 * time.Millisecond})
	defer r.Close()
	for i, in := range inputs {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			t.Fatalf("output %d: %v\n%s", i, err, stderr.String())
		}
		if !bytes.Equal(m.Key, in.Key) || !bytes.Equal(m.Value, in.Value) {
			t.Errorf("output %d = %q: %q, want the input %q: %q", i, m.Key, m.Value, in.Key, in.Value)
		}
	}
	stopWorker()
	if code := <-done; code != 0 {
		t.Fatalf("exit status %d, want 0\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), `"level":"warn"`) || !strings.Contains(stderr.String(), "passthrough:") {
		t.Errorf("no passthrough warning logged:\n%s", stderr.String())
	}
}

func TestRunPassthroughFlag(t *testing.T) {
	for _, tt := range []struct {
		vars map[string]string
		args []string
		want bool
	}{
		{nil, nil, false},
		{nil, []string{"--passthrough"}, true},
		{map[string]string{"ALLYSTREAM_PASSTHROUGH": "true"}, nil, true},
		{map[string]string{"ALLYSTREAM_PASSTHROUGH": "true"}, []string{"--passthrough=false"}, false},
	} {
		opts, err := parseRunFlags(streamEnv(tt.vars, io.Discard, io.Discard), tt.args)
		if err != nil || opts.passthrough != tt.want {
			t.Errorf("env %v, args %q: passthrough = %v, %v; want %v", tt.vars, tt.args, opts.passthrough, err, tt.want)
		}
	}
}
