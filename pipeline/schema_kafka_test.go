package pipeline_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/allystream/allystream/internal/schematest"
	"github.com/allystream/allystream/pipeline"
)

// TestLabeledRecordsMatchSchema runs the bundled demo feed and synthetic posts through the
// real engine and worker over kfake and validates every output record against
// docs/record.schema.json.
func TestLabeledRecordsMatchSchema(t *testing.T) {
	schema := schematest.Compile(t, "../docs/record.schema.json")
	feed, err := os.ReadFile("../cmd/allystream/demo/feed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	values := bytes.Split(bytes.TrimSpace(feed), []byte("\n"))
	extra, _ := posts("schema", 12)
	values = append(values, extra...)
	values = append(values, []byte(`{"id": 12345, "text": "My heart breaks for you.", "nested": {"a": [1, 2]}}`))
	env := newTestEnv(t, 2)
	env.produce(t, "posts", values...)
	env.startWorker(t, env.cfg, testLogger(t))
	want := 0
	for _, v := range values {
		if _, err := (pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}).Decode(v); err == nil {
			want++
		}
	}
	got := env.consume(t, "labeled", 20*time.Second, atLeast(want))
	if len(got) < want || want < 50 {
		t.Fatalf("got %d records, want %d (at least 50)", len(got), want)
	}
	for _, m := range got {
		if err := schematest.Validate(schema, m.Value); err != nil {
			t.Errorf("record %s does not match the schema: %v\n%s", m.Key, err, m.Value)
		}
	}
}

// TestSchemaRejectsBrokenRecords guards the schema against being too loose.
func TestSchemaRejectsBrokenRecords(t *testing.T) {
	schema := schematest.Compile(t, "../docs/record.schema.json")
	for name, doc := range map[string]string{
		"missing label": `{"id":"1","text":"t","language":{"code":"en","supported":true},"speaker":{"role":"ally","score":1,"evidence":[]},"labels":{"empathy":{"present":true,"score":1,"evidence":[]}},"lexicon_version":"x","classifier_version":"1.0.0","processed_at":"2026-01-01T00:00:00Z","source":{"partition":0,"offset":0},"post":{"id":"1","text":"t"}}`,
		"bad role":      `{"id":"1","text":"t","language":{"code":"en","supported":true},"speaker":{"role":"boss","score":1,"evidence":[]},"labels":{},"lexicon_version":"x","classifier_version":"1.0.0","processed_at":"2026-01-01T00:00:00Z","source":{"partition":0,"offset":0},"post":{}}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(doc), &v); err != nil {
			t.Fatal(err)
		}
		if schema.Validate(v) == nil {
			t.Errorf("%s: schema accepted it", name)
		}
	}
}
