package classifiers

import (
	"bufio"
	"os"
	"strings"
	"testing"
)

// proseWordsSeeds are texts that reach every branch of prose's splitter and sanitizer.
var proseWordsSeeds = []string{
	"", " ", "hello", "Hello, world!", "can't. they'll 's n't", "$100 (yes) [no] \"quoted\"",
	"\u201cshe said\u201d \u2018hi\u2019 don\u2019t", "&rsquo; a&rsquo;b &amp;rsquo;", "U.S. Mr. Dr. e.g.",
	":) :-) (-_-) ¯\\(ツ)/¯ xD 8D", "a\u00a0b\u0085c\u2003d\te\nf\r\ng\vh\fi", "x\x00y \x00",
	"absolutes.Fuck MATTER?GUESS", "#CheckYourPrivilege @user https://x.org/a?b=c",
	"emoji😡here 💔 ❤️ 🌱", "'''", "((((", "\"\"\"", "a,b,c", "\xff\xfe invalid \xc3",
	"\u2019s \u2019ll n\u2019t", "sooo tiiired!!!", "é, ñ. ü?",
	// repeated runs share one token object in prose, and so its tag
	"t 0 t 00", "t 0 t 00 x", "the cat saw the dog and the cat ran off with the dog's toy",
	"don't you think they don\u2019t care, don't?", "Protesters were angry, protesters were loud protesters",
}

func checkProseWords(t *testing.T, a *analyzer, text string) {
	t.Helper()
	// tokenize only sees cleaned text, which is valid UTF-8 (prose itself can panic on
	// invalid UTF-8)
	text = strings.ToValidUTF8(text, "\uFFFD")
	var want []string
	for _, pt := range a.proseTokens(text, false) {
		want = append(want, pt.Text)
	}
	var sc wordScratch
	got := a.proseWords(text, &sc)
	if len(got) != len(want) {
		t.Fatalf("%q: proseWords gave %d tokens %q, prose %d %q", text, len(got), got, len(want), want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: token %d is %q, prose gives %q", text, i, got[i], want[i])
		}
	}
	// a reused scratch gives the same again
	again := a.proseWords(text, &sc)
	if strings.Join(again, "\x01") != strings.Join(want, "\x01") {
		t.Fatalf("%q: reused scratch gave %q", text, again)
	}
}

// TestProseWordsMatchesProse checks proseWords token for token against prose's tokenizer
// on the seeds, the test posts and, when present, the development sets.
func TestProseWordsMatchesProse(t *testing.T) {
	a, err := newAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	texts := append([]string{}, proseWordsSeeds...)
	texts = append(texts, benchPosts()...)
	texts = append(texts, hardPosts()...)
	for _, f := range []string{"testdata/posts.txt", "../testdata/heldout/posts.jsonl", "../../shared/data/goemotions-dev.jsonl"} {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			texts = append(texts, sc.Text()) // whole lines, JSON syntax included: more variety
		}
		fh.Close()
	}
	for _, text := range texts {
		checkProseWords(t, a, text)
	}
}

// maxFuzzText bounds fuzz inputs: a long run of suffix characters takes prose's splitter
// quadratic time, and the fuzzer reports slow inputs as failures.
const maxFuzzText = 1024

// FuzzProseWords is the differential fuzz test of the fast path against prose.
func FuzzProseWords(f *testing.F) {
	a, err := newAnalyzer()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range proseWordsSeeds {
		f.Add(s)
	}
	for _, s := range benchPosts() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzText {
			t.Skip("prose's splitter is quadratic in a run's length")
		}
		checkProseWords(t, a, text)
	})
}

// fullSentenceTags tags every token of token i's sentence by running prose's tagger over
// the whole sentence: the reference for post.tag.
func fullSentenceTags(p *post, i int) []string {
	tags := make([]string, len(p.toks))
	first, last := sentenceBounds(p.toks, p.toks[i].sent)
	base := p.toks[first].start
	sub := p.text[base:p.toks[last].end]
	cursor, j := 0, first
	for _, pt := range p.e.a.proseTokens(sub, true) {
		s, e, ok := align(sub, cursor, pt.Text)
		if !ok {
			continue
		}
		cursor = e
		for ; j <= last && p.toks[j].start < base+e; j++ {
			if p.toks[j].start >= base+s {
				tags[j] = pt.Tag
			}
		}
	}
	return tags
}

// checkTags asks for the tag of every token of text, in the order given by step, and
// compares each with the whole-sentence tagging.
func checkTags(t *testing.T, e *Engine, text string, step int) {
	t.Helper()
	p := e.getPost(cleanText(text))
	defer e.posts.Put(p)
	p.toks, p.hashtags = e.a.tokenizeWith(p.text, p.toks, p.hashtags, &p.words)
	n := len(p.toks)
	for c := 0; c < n; c++ {
		i := (c * step) % n
		want := fullSentenceTags(p, i)[i]
		if got := p.tag(i); got != want {
			t.Fatalf("%q: token %d %q tagged %q, whole sentence gives %q", text, i, p.text[p.toks[i].start:p.toks[i].end], got, want)
		}
	}
}

// TestPartialTaggingMatchesSentence checks that tagging a sentence only as far as needed
// gives every token the tag that tagging the whole sentence gives, whichever token is
// asked about first.
func TestPartialTaggingMatchesSentence(t *testing.T) {
	e := testEngine(t)
	texts := append(append([]string{}, proseWordsSeeds...), benchPosts()...)
	texts = append(texts, hardPosts()...)
	if b, err := os.ReadFile("testdata/posts.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, text := range texts {
		for _, step := range []int{1, 7, 3} {
			checkTags(t, e, text, step)
		}
	}
}

func FuzzPartialTagging(f *testing.F) {
	e := testEngine(f)
	for _, s := range append(append([]string{}, proseWordsSeeds...), hardPosts()...) {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, text string, step uint8) {
		if len(text) > maxFuzzText {
			t.Skip("prose's splitter is quadratic in a run's length")
		}
		checkTags(t, e, text, int(step)|1)
	})
}
