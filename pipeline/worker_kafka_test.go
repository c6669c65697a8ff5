package pipeline_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
)

func TestWorkerLabelsEveryPost(t *testing.T) {
	env := newTestEnv(t, 3)
	values, ids := posts("p", 500)
	env.produce(t, "posts", values...)
	reg := prometheus.NewRegistry()
	metrics := pipeline.NewMetrics(reg, "test")
	stop := env.startWorker(t, env.cfg, testLogger(t), func(w *pipeline.Worker) { w.Metrics = metrics })
	got := env.consume(t, "labeled", 30*time.Second, allIDs(ids))
	if missing := missingIDs(ids, got); len(missing) > 0 {
		t.Fatalf("%d posts have no labeled record, e.g. %v", len(missing), missing[:min(5, len(missing))])
	}
	if err := stop(); err != nil {
		t.Fatalf("Run: %v", err)
	}
	checkWorkerMetrics(t, reg, len(got))
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

// checkWorkerMetrics checks the metric families a worker that labeled n records exposes.
func checkWorkerMetrics(t *testing.T, reg *prometheus.Registry, n int) {
	t.Helper()
	families, err := reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	sums := map[string]float64{}
	for _, f := range families {
		for _, m := range f.GetMetric() {
			switch {
			case m.GetCounter() != nil:
				sums[f.GetName()] += m.GetCounter().GetValue()
			case m.GetGauge() != nil:
				sums[f.GetName()] += m.GetGauge().GetValue()
			case m.GetHistogram() != nil:
				sums[f.GetName()] += float64(m.GetHistogram().GetSampleCount())
			}
		}
	}
	for name, want := range map[string]float64{
		"allystream_records_in_total": float64(n), "allystream_records_out_total": float64(n),
		"allystream_speaker_roles_total": float64(n), "allystream_classify_seconds": float64(n),
		"allystream_end_to_end_seconds": float64(n), "allystream_build_info": 1, "allystream_consumer_lag": 0,
		"allystream_dead_letters_total": 0, "allystream_produce_errors_total": 0, "allystream_commit_errors_total": 0,
	} {
		if got, ok := sums[name]; !ok || got != want {
			t.Errorf("%s = %v (present %v), want %v", name, got, ok, want)
		}
	}
	if sums["allystream_labels_total"] == 0 || sums["allystream_batch_size"] == 0 || sums["allystream_last_commit_timestamp_seconds"] == 0 {
		t.Errorf("labels, batch sizes or last commit not recorded: %v", sums)
	}
}
