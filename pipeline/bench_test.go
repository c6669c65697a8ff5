package pipeline_test

import (
	"encoding/json"
	"testing"

	"github.com/allystream/allystream/pipeline"
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
		if _, err := json.Marshal(&rec); err != nil {
			b.Fatal(err)
		}
	}
}
