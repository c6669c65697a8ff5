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
