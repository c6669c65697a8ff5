package postag

import (
	"bufio"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// The tests share one Tagger, one prose model and one decoded copy of prose's model.
var (
	sharedTagger = sync.OnceValues(Load)
	sharedProse  = sync.OnceValues(func() (*prose.Model, error) {
		doc, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			return nil, err
		}
		return doc.Model, nil
	})
	sharedRef    = sync.OnceValues(loadRef)
	sharedCorpus = sync.OnceValues(loadCorpus)
)

// corpus is the corpus sentences and hard sentences, with prose's tokens and tags.
type corpus struct {
	texts       []string
	words, tags [][]string
}

func loadCorpus() (*corpus, error) {
	texts, err := corpusTexts()
	if err != nil {
		return nil, err
	}
	m, err := sharedProse()
	if err != nil {
		return nil, err
	}
	c := &corpus{texts: append(sentences(texts), hardSentences...)}
	for _, text := range c.texts {
		words, tags, err := proseTagWith(m, text)
		if err != nil {
			return nil, err
		}
		c.words, c.tags = append(c.words, words), append(c.tags, tags)
	}
	return c, nil
}

func testTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := sharedTagger()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// proseTag tokenizes and tags text with prose itself, as one sentence.
func proseTag(t testing.TB, text string) (words, tags []string) {
	t.Helper()
	m, err := sharedProse()
	if err != nil {
		t.Fatal(err)
	}
	words, tags, err = proseTagWith(m, text)
	if err != nil {
		t.Fatal(err)
	}
	return words, tags
}

func proseTagWith(m *prose.Model, text string) (words, tags []string, err error) {
	doc, err := prose.NewDocument(text, prose.UsingModel(m), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, nil, err
	}
	for _, tok := range doc.Tokens() {
		words, tags = append(words, tok.Text), append(tags, tok.Tag)
	}
	return words, tags, nil
}

// refModel is prose's tagger transcribed from prose v2.0.0's tag.go, over prose's decoded
// model: the reference for inputs that prose's tokenizer never produces (prose itself only
// tags its own tokens). Two changes: an empty word gets an empty prefix feature (prose
// panics), and features are summed in a fixed order, so that a result is reproducible;
// prediction reports when the two best scores are within rounding error of each other.
type refModel struct {
	weights map[string]map[string]float64
	tags    map[string]string
	classes []string
}

func loadRef() (*refModel, error) {
	m := &refModel{}
	for _, a := range []struct {
		name string
		into any
	}{{"weights.gob", &m.weights}, {"tags.gob", &m.tags}, {"classes.gob", &m.classes}} {
		if err := decodeAsset(a.name, a.into); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// tag is prose's perceptronTagger.tag; near reports, by position, whether the prediction
// there (or one before it) was a near tie.
func (m *refModel) tag(words []string) (tags []string, near []bool) {
	p1, p2 := "-START-", "-START2-"
	context := []string{p1, p2}
	for _, w := range words {
		context = append(context, refNormalize(w))
	}
	context = append(context, "-END-", "-END2-")
	tied := false
	for i, word := range words {
		var tag string
		var found bool
		if word == "-" {
			tag = "-"
		} else if _, ok := emoticons[word]; ok {
			tag = "SYM"
		} else if commonregex.LinkRegex.MatchString(word) || commonregex.EmailRegex.MatchString(word) ||
			strings.HasPrefix(word, "@") {
			tag = "NN"
		} else if noneRE.MatchString(word) {
			tag = "-NONE-"
		} else if keepRE.MatchString(word) {
			tag = word
		} else if tag, found = m.tags[word]; !found {
			var t bool
			tag, t = m.predict(refFeaturize(i, context, word, p1, p2))
			tied = tied || t
		}
		tags, near = append(tags, tag), append(near, tied)
		p2, p1 = p1, tag
	}
	return tags, near
}

func (m *refModel) predict(features []string) (string, bool) {
	scores := map[string]float64{}
	for _, f := range features {
		for label, w := range m.weights[f] {
			scores[label] += w
		}
	}
	best := ""
	for _, c := range m.classes { // in class order, so that the first of equals wins
		if v, ok := scores[c]; ok && (best == "" || v > scores[best]) {
			best = c
		}
	}
	near := false
	for c, v := range scores {
		near = near || (c != best && scores[best]-v < 1e-6)
	}
	return best, near
}

func refFeaturize(i int, ctx []string, w, p1, p2 string) []string {
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	pref := ""
	if w != "" {
		pref = string(rune(w[0]))
	}
	return []string{
		"bias",
		"i suffix " + w[len(w)-suf:],
		"i pref1 " + pref,
		"i-1 tag " + p1,
		"i-2 tag " + p2,
		"i tag+i-2 tag " + p1 + " " + p2,
		"i word " + ctx[i],
		"i-1 tag+i word " + p1 + " " + ctx[i],
		"i-1 word " + ctx[i-1],
		"i-1 suffix " + ctx[i-1][len(ctx[i-1])-iminus:],
		"i-2 word " + ctx[i-2],
		"i+1 word " + ctx[i+1],
		"i+1 suffix " + ctx[i+1][len(ctx[i+1])-iplus:],
		"i+2 word " + ctx[i+2],
	}
}

// refNormalize is prose's normalize.
func refNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(rune(word[0]))
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

// corpusTexts returns the texts of the repository's labelled posts.
func corpusTexts() ([]string, error) {
	files, _ := filepath.Glob("../../testdata/*/posts.jsonl")
	if len(files) == 0 {
		return nil, errors.New("no testdata/*/posts.jsonl")
	}
	var texts []string
	for _, f := range files {
		more, err := jsonlTexts(f)
		if err != nil {
			return nil, err
		}
		texts = append(texts, more...)
	}
	return texts, nil
}

func jsonlTexts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Text != "" {
			texts = append(texts, rec.Text)
		}
	}
	return texts, sc.Err()
}
