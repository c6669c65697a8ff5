package postag

import (
	"testing"

	"github.com/jdkato/prose/v2"
)

// benchSentences are corpus sentences, tokenized by prose, for the benchmarks; every
// benchmark tags the same sentences, so their ns/op are per sentence and comparable.
func benchSentences(b *testing.B) ([]string, [][]string) {
	b.Helper()
	c, err := sharedCorpus()
	if err != nil {
		b.Fatal(err)
	}
	const n = 500
	return c.texts[:n], c.words[:n]
}

// BenchmarkTag tags whole sentences.
func BenchmarkTag(b *testing.B) {
	tg := testTagger(b)
	_, sents := benchSentences(b)
	var s Scratch
	var dst []string
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = tg.Tag(dst[:0], sents[i%len(sents)], &s)
	}
}

// BenchmarkTagAt tags one word a sentence, the middle one, as a rule asking about one
// token does.
func BenchmarkTagAt(b *testing.B) {
	tg := testTagger(b)
	_, sents := benchSentences(b)
	var s Scratch
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		words := sents[i%len(sents)]
		if len(words) > 0 {
			tg.TagAt(words, len(words)/2, &s)
		}
	}
}

// BenchmarkProseTag is the baseline: prose tokenizing and tagging the same sentences with
// a model loaded once, as the classifier used to.
func BenchmarkProseTag(b *testing.B) {
	texts, _ := benchSentences(b)
	m, err := sharedProse()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, _ := prose.NewDocument(texts[i%len(texts)], prose.UsingModel(m),
			prose.WithSegmentation(false), prose.WithExtraction(false))
		_ = doc.Tokens()
	}
}

// BenchmarkLoad measures building the tagger from prose's model files.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseLoad is the baseline for BenchmarkLoad: prose loading its tagger model.
func BenchmarkProseLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
	}
}
