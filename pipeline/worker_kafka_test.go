package pipeline_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
)

func TestWorkerLabelsEveryPost(t *testing.T) {
	env := newTestEnv(t, 3)
	values, ids := posts("p", 500)
	env.produce(t, "posts", values...)
	stop := env.startWorker(t, env.cfg, testLogger(t))
	got := env.consume(t, "labeled", 30*time.Second, allIDs(ids))
	if missing := missingIDs(ids, got); len(missing) > 0 {
		t.Fatalf("%d posts have no labeled record, e.g. %v", len(missing), missing[:min(5, len(missing))])
	}
	if err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	for _, m := range got[:10] {
		if header(m, "schema-version") != pipeline.SchemaVersion || header(m, "content-type") != "application/json" {
			t.Errorf("record %s headers = %v", m.Key, m.Headers)
		}
		var rec pipeline.Record
		if err := json.Unmarshal(m.Value, &rec); err != nil {
			t.Fatalf("record %s: %v", m.Key, err)
		}
		if rec.ID != string(m.Key) || rec.Source.Topic != "posts" || len(rec.Post) == 0 {
			t.Errorf("record %s = %+v", m.Key, rec)
		}
	}
}
