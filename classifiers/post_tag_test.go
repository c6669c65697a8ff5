package classifiers

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/allystream/allystream/internal/postag"
)

// tagSeeds are hard cases for tag: sentences that start or end inside a white-space run
// (which tag tokenizes anew), repeated runs, text that prose drops.
var tagSeeds = []string{
	`He said "stop." Then they left.`, "What absolutes.Fuck that, seriously", "DOES IT MATTER?GUESS NOT.",
	"Wow!!😡 so mad. (Really!) Fine.", "They can't. We can.", "x\x00y. The cat sat. \x00 ran",
	"Protesters were angry, protesters were loud protesters",
	"0n't! n", // prose drops "n't!", and its final "n" matches the first one in the whole post
}

// proseModel is prose's own tagger model, loaded once: the tests' reference tagger.
var proseModel = sync.OnceValues(func() (*prose.Model, error) {
	doc, err := prose.NewDocument("x", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, err
	}
	return doc.Model, nil
})

// sentenceRef is the reference tagging of one sentence: prose tokenizes and tags the
// sentence's text alone, and each token gets the tag of the prose token it lies in, as
// post.tag aligns them ("" for a token in none).
type sentenceRef struct {
	prose   []string // by token from the sentence's first: prose's tags
	own     []string // the same with the tags the engine's tagger gives prose's tokens
	repeats bool     // whether a white-space run repeats in the sentence
	midRun  bool     // whether the sentence starts or ends inside a run
}

func referenceTags(t *testing.T, p *post, sent int32) sentenceRef {
	t.Helper()
	m, err := proseModel()
	if err != nil {
		t.Fatal(err)
	}
	first, last := sentenceBounds(p.toks, sent)
	base := p.toks[first].start
	sub := p.text[base:p.toks[last].end]
	doc, err := prose.NewDocument(sub, prose.UsingModel(m), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	var words, proseTags []string
	for _, pt := range doc.Tokens() {
		words, proseTags = append(words, pt.Text), append(proseTags, pt.Tag)
	}
	ownTags := p.e.a.tagger.Tag(nil, words, nil)
	ref := sentenceRef{
		prose: make([]string, last-first+1), own: make([]string, last-first+1),
		repeats: postag.HasRepeatedRun(sub), midRun: !atRunBoundaries(p.text, base, p.toks[last].end),
	}
	cursor, j := 0, first
	for k, w := range words {
		s, e, ok := align(sub, cursor, w)
		if !ok {
			continue
		}
		cursor = e
		for ; j <= last && p.toks[j].start < base+e; j++ {
			if p.toks[j].start >= base+s {
				ref.prose[j-first], ref.own[j-first] = proseTags[k], ownTags[k]
			}
		}
	}
	return ref
}

// tagCounts counts, over checkTags calls, the tokens compared with prose and the
// sentences tokenized anew.
type tagCounts struct{ withProse, midRun int }

// checkTags asks for the tag of every token of text, in the order given by step, and
// compares each with the reference tagging of its sentence: with the engine's tagger over
// prose's tokens of the sentence and, if withProse and no run repeats in the sentence,
// with prose's own tags (which break exact ties between classes at random).
func checkTags(t *testing.T, e *Engine, text string, step int, withProse bool) (n tagCounts) {
	t.Helper()
	p := e.getPost(cleanText(text))
	defer e.posts.Put(p)
	p.toks, p.hashtags = e.a.tokenizeWith(p.text, p.toks, p.hashtags, &p.words)
	refs := map[int32]sentenceRef{}
	for c := range p.toks {
		i := (c * step) % len(p.toks)
		sent := p.toks[i].sent
		ref, ok := refs[sent]
		if !ok {
			ref = referenceTags(t, p, sent)
			refs[sent] = ref
			if ref.midRun {
				n.midRun++
			}
		}
		first, _ := sentenceBounds(p.toks, sent)
		got := p.tag(i)
		prosey := withProse && !ref.repeats
		if got != ref.own[i-first] || (prosey && got != ref.prose[i-first]) {
			t.Fatalf("%q: token %d %q tagged %q; the sentence tagged whole gives %q, prose %q (a run repeats: %v)",
				text, i, p.text[p.toks[i].start:p.toks[i].end], got, ref.own[i-first], ref.prose[i-first], ref.repeats)
		}
		if prosey {
			n.withProse++
		}
	}
	return n
}

// tagTexts are the texts the tag tests use: the seeds, the benchmark and hard posts, the
// test posts and the labelled sets' posts.
func tagTexts(t *testing.T) []string {
	texts := append(append(append([]string{}, tagSeeds...), proseWordsSeeds...), benchPosts()...)
	texts = append(texts, hardPosts()...)
	if b, err := os.ReadFile("testdata/posts.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	files, _ := filepath.Glob("../testdata/*/posts.jsonl")
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			var rec struct {
				Text string `json:"text"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				texts = append(texts, rec.Text)
			}
		}
		fh.Close()
	}
	return texts
}

// TestTagMatchesSentenceTagging checks that tag gives every token the tag of its sentence
// tagged whole, whichever token is asked about first, and prose's tag where prose's report
// is comparable.
func TestTagMatchesSentenceTagging(t *testing.T) {
	e := testEngine(t)
	var n tagCounts
	for _, text := range tagTexts(t) {
		for _, step := range []int{1, 7, 3} {
			c := checkTags(t, e, text, step, true)
			n.withProse, n.midRun = n.withProse+c.withProse, n.midRun+c.midRun
		}
	}
	t.Logf("%d tokens compared with prose; %d sentences tokenized anew", n.withProse, n.midRun)
	if n.withProse == 0 || n.midRun == 0 {
		t.Errorf("the texts must reach both kinds of sentence and prose's tags: %+v", n)
	}
}

func FuzzPostTags(f *testing.F) {
	e := testEngine(f)
	for _, s := range append(append(append([]string{}, tagSeeds...), proseWordsSeeds...), hardPosts()...) {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, text string, step uint8) {
		if len(text) > maxFuzzText {
			t.Skip("prose's splitter is quadratic in a run's length")
		}
		checkTags(t, e, text, int(step)|1, false)
	})
}
