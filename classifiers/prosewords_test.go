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
	for _, pt := range a.proseTokens(text) {
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
