package model

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// benchPosts are ~30-token posts like those of classifiers/bench_test.go.
var benchPosts = []string{
	"I am absolutely furious that they keep ignoring us, this is outrageous and it has to stop now",
	"my heart breaks for every family who lost someone, sending love tonight, you are not alone",
	"As a white person I benefit from a system built for people who look like me and I want to change it",
	"Black Americans are killed by police at twice the rate of white Americans, and nothing changes",
	"great turnout at the park today, thanks everyone for coming out and bringing snacks for the kids",
	"we must be the voice for those who cannot speak for themselves, they need us to save them",
}

// BenchmarkClassifyRules is the rule engine alone, the baseline for the model's cost.
func BenchmarkClassifyRules(b *testing.B) {
	e := testEngine(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		e.Classify(benchPosts[i%len(benchPosts)])
	}
}

// BenchmarkClassifyModel is the rules plus the embedded default model.
func BenchmarkClassifyModel(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	c, err := NewClassifier(testEngine(b), m)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Classify(benchPosts[i%len(benchPosts)])
	}
}

// BenchmarkProseTokenizeOnly is prose's tokenizer alone on the same posts.
func BenchmarkProseTokenizeOnly(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		if _, err := prose.NewDocument(benchPosts[i%len(benchPosts)], prose.WithTagging(false),
			prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
	}
}
