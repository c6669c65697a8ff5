package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/allystream/allystream/pipeline"
	"github.com/prometheus/client_golang/prometheus"
)

// BenchmarkJSONDecoder measures decoding one typical post.
func BenchmarkJSONDecoder(b *testing.B) {
	values, _ := posts("bench", 64)
	dec := pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := dec.Decode(values[i%len(values)]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLabelAndEncode measures the per-post CPU work of the worker: decode, classify
// with the real engine, encode the record.
func BenchmarkLabelAndEncode(b *testing.B) {
	values, _ := posts("bench", 64)
	lab := newLabeler(b, pipeline.DefaultLimits())
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rec, err := lab.Label(values[i%len(values)], pipeline.Origin{Topic: "posts"})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pipeline.MarshalRecord(&rec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalRecord compares the worker's record encoder with encoding/json.
func BenchmarkMarshalRecord(b *testing.B) {
	values, _ := posts("bench", 64)
	lab := newLabeler(b, pipeline.DefaultLimits())
	recs := make([]pipeline.Record, len(values))
	for i, v := range values {
		var err error
		if recs[i], err = lab.Label(v, pipeline.Origin{Topic: "posts"}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("MarshalRecord", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := pipeline.MarshalRecord(&recs[i%len(recs)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			if _, err := json.Marshal(&recs[i%len(recs)]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// discardSink acknowledges every output at once.
type discardSink struct{}

func (discardSink) Write(context.Context, []pipeline.Output) error { return nil }
func (discardSink) Close() error                                   { return nil }

// BenchmarkWorkerOverhead measures what the worker itself costs per post, transport and
// classification aside: 1000 posts per op from a file source, decoded, labeled by a
// classifier that finds nothing, encoded, batched and acknowledged by a sink that discards.
func BenchmarkWorkerOverhead(b *testing.B) {
	values, _ := posts("bench", 1000)
	input := append(bytes.Join(values, []byte("\n")), '\n')
	lab := &pipeline.Labeler{Decoder: pipeline.JSONDecoder{Limits: pipeline.DefaultLimits()}, Classifier: echoClassifier{}}
	cfg := pipeline.Config{BatchSize: 250}.WithDefaults()
	metrics, health := pipeline.NewMetrics(prometheus.NewRegistry(), ""), &pipeline.Health{}
	b.ReportAllocs()
	for b.Loop() {
		src := pipeline.NewFileSource("bench.jsonl", bytes.NewReader(input), 1<<20)
		w := &pipeline.Worker{Config: cfg, Source: src, Sink: discardSink{}, Labeler: lab, Metrics: metrics, Health: health}
		if err := w.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(values)), "ns/post")
}
