package postag

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// hardSentences are hand-picked sentences: every special case of prose's tagger, tags that
// depend on the previous tags, hyphens, years, digits, non-ASCII and odd words.
var hardSentences = []string{
	"The neighbours seemed really furious yesterday when the council voted to close the park.",
	"Protesters were angry outside the courthouse, the reporter said.",
	"I can't believe it's 2020 and we're still fighting for basic rights :) #BLM",
	"Email me at someone@example.org or see https://example.org/a?b=c and www.example.com now",
	"@mayor the well-known 30-year-old activist spoke in 1968 about 3rd-world debt",
	"Ünïcödé wörds, ÉMPHASIS and naïve café-goers 😡 ❤️ (-_-) xD",
	"- -ABC- -abc- * *T* *-1 0 00 -123 +123 1234 12345 $100",
	"He said \"stop\" but they didn't; she'll go, won't she?",
	"SOOO TIRED OF THIS!!! Why does nobody care???",
	"Black women are still paid less than white men for the same work.",
}

// TestTagExamples pins prose's tags for a few sentences.
func TestTagExamples(t *testing.T) {
	tg := testTagger(t)
	for _, c := range []struct {
		words, tags string
	}{
		{"The cat sat on the mat .", "DT NN VBD IN DT NN ."},
		{"They were angry", "PRP VBD JJ"},
		{"I love 1984 - and :-) @you", "PRP VBP CD - CC SYM NN"},
		{"see x@y.org -ABC- *", "VB NN -ABC- -NONE-"},
		{"Estamos cansados de tanta injusticia", "NNP NN IN FW NN"},
	} {
		got := tg.Tag(nil, strings.Fields(c.words), nil)
		if want := strings.Fields(c.tags); !slices.Equal(got, want) {
			t.Errorf("Tag(%q) = %q, want %q", c.words, got, want)
		}
	}
}

// TestNormal checks appendNormal against prose's normalize on a table of words.
func TestNormal(t *testing.T) {
	for _, c := range []struct{ word, want string }{
		{"", ""}, {"Hello", "hello"}, {"well-known", "!HYPHEN"}, {"-abc", "-abc"}, {"-12", "-12"},
		{"1984", "!YEAR"}, {"-123", "!YEAR"}, {"+123", "!YEAR"}, {"12345", "!DIGITS"}, {"3rd", "!DIGITS"},
		{"ÉCOLE", "école"}, {"\xffA", "\ufffda"}, {"+", "+"}, {"0", "!DIGITS"}, {"1-2", "!HYPHEN"},
	} {
		got := string(appendNormal(nil, c.word))
		if got != c.want || got != refNormalize(c.word) {
			t.Errorf("normal(%q) = %q, want %q (prose: %q)", c.word, got, c.want, refNormalize(c.word))
		}
	}
}

// TestFixedTag checks the context-free cases on a table of words.
func TestFixedTag(t *testing.T) {
	tg := testTagger(t)
	for _, c := range []struct {
		word, tag string
		fixed     bool
	}{
		{"-", "-", true}, {":-)", "SYM", true}, {"@user", "NN", true}, {"a@b.co", "NN", true},
		{"example.com", "NN", true}, {"0", "-NONE-", true}, {"*T*", "-NONE-", true}, {"*-12", "-NONE-", true},
		{"-LRB-", "-LRB-", true}, {"the", "DT", true}, {".", ".", true}, {"privilege", "", false},
		{"", "", false}, {"*x", "", false}, {"-ABCD-", "", false},
	} {
		tag, fixed := tg.fixedTag(c.word)
		if tag != c.tag || fixed != c.fixed {
			t.Errorf("fixedTag(%q) = %q, %v; want %q, %v", c.word, tag, fixed, c.tag, c.fixed)
		}
	}
}

// TestEmoticonsAreProses checks the copied emoticon table: prose keeps each entry as one
// token and tags it "SYM".
func TestEmoticonsAreProses(t *testing.T) {
	for e := range emoticons {
		words, tags := proseTag(t, e)
		if len(words) != 1 || words[0] != e || tags[0] != "SYM" {
			t.Errorf("prose tokenizes %q as %q tagged %q", e, words, tags)
		}
	}
}

// sentences splits texts into sentences: after a run of . ! or ? followed by white
// space, and at line breaks. Any split serves the differential test; short sentences
// repeat fewer runs.
func sentences(texts []string) []string {
	var out []string
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			start := 0
			for i := 1; i < len(line); i++ {
				if line[i] == ' ' && strings.ContainsRune(".!?", rune(line[i-1])) {
					out = append(out, line[start:i])
					start = i + 1
				}
			}
			out = append(out, line[start:])
		}
	}
	return out
}

// TestTagMatchesProse is the differential test: Tag must give prose's tags for every
// sentence of the corpora and of hardSentences without a repeated run, except where it
// broke an exact tie between classes, which prose breaks at random.
func TestTagMatchesProse(t *testing.T) {
	tg := testTagger(t)
	c, err := sharedCorpus()
	if err != nil {
		t.Fatal(err)
	}
	var s Scratch
	compared, ties := 0, 0
	for k, text := range c.texts {
		if HasRepeatedRun(text) {
			continue
		}
		words, want := c.words[k], c.tags[k]
		before := s.ties
		got := tg.Tag(nil, words, &s)
		if slices.Equal(got, want) {
			compared++
			continue
		}
		if s.ties == before {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
		ties++
	}
	t.Logf("%d sentences identical, %d differ after a tie, of %d; %d ties broken", compared, ties, len(c.texts), s.ties)
	if compared < len(c.texts)/2 {
		t.Errorf("only %d of %d sentences compared", compared, len(c.texts))
	}
}

// corpusWords returns prose's tokens of every corpus sentence and hard sentence.
func corpusWords(t testing.TB) [][]string {
	t.Helper()
	c, err := sharedCorpus()
	if err != nil {
		t.Fatal(err)
	}
	return c.words
}

// TestTagAtMatchesTag checks that TagAt gives every position the tag Tag gives it, on
// every corpus sentence, with one scratch reused throughout.
func TestTagAtMatchesTag(t *testing.T) {
	tg := testTagger(t)
	var s Scratch
	for _, words := range corpusWords(t) {
		checkTagAt(t, tg, words, &s)
	}
}

func checkTagAt(t *testing.T, tg *Tagger, words []string, s *Scratch) {
	t.Helper()
	all := tg.Tag(nil, words, nil)
	for i := len(words) - 1; i >= 0; i-- {
		if got := tg.TagAt(words, i, s); got != all[i] {
			t.Fatalf("%q: TagAt(%d) = %q, Tag gives %q", words, i, got, all[i])
		}
	}
}

// checkReference compares Tag with the transcription of prose's tagger, position by
// position up to the first near tie (after which the two may rightly differ).
func checkReference(t *testing.T, tg *Tagger, words []string, s *Scratch) {
	t.Helper()
	ref, err := sharedRef()
	if err != nil {
		t.Fatal(err)
	}
	want, near := ref.tag(words)
	got := tg.Tag(nil, words, s)
	for i := range want {
		if near[i] {
			break
		}
		if got[i] != want[i] {
			t.Fatalf("%q: word %d tagged %q, prose's algorithm gives %q", words, i, got[i], want[i])
		}
	}
}

// TestTagMatchesReference runs checkReference on every corpus sentence, repeated runs and
// all, and on variants of each with its words upper-cased, hyphenated and numbered.
func TestTagMatchesReference(t *testing.T) {
	tg := testTagger(t)
	var s Scratch
	for _, words := range corpusWords(t) {
		checkReference(t, tg, words, &s)
		variant := slices.Clone(words)
		for i := range variant {
			switch i % 4 {
			case 1:
				variant[i] = strings.ToUpper(variant[i])
			case 2:
				variant[i] += "-" + strconv.Itoa(i)
			case 3:
				variant[i] = strconv.Itoa(1990+i) + variant[i][:min(len(variant[i]), 1)]
			}
		}
		checkReference(t, tg, variant, &s)
	}
}

// TestTagDoesNotAllocate checks that tagging with a warm scratch allocates nothing.
func TestTagDoesNotAllocate(t *testing.T) {
	tg := testTagger(t)
	words := strings.Fields("The neighbours seemed really furious yesterday when the council voted to close the park .")
	var s Scratch
	dst := tg.Tag(nil, words, &s)
	if n := testing.AllocsPerRun(100, func() { dst = tg.Tag(dst[:0], words, &s) }); n != 0 {
		t.Errorf("Tag allocates %v times", n)
	}
	if n := testing.AllocsPerRun(100, func() {
		for i := range words {
			tg.TagAt(words, i, &s)
		}
	}); n != 0 {
		t.Errorf("TagAt allocates %v times", n)
	}
}

// TestNewRejectsBadModels checks New's errors.
func TestNewRejectsBadModels(t *testing.T) {
	for _, c := range []struct {
		name    string
		weights map[string]map[string]float64
		classes []string
	}{
		{"no classes", nil, nil},
		{"65 classes", nil, make([]string, 65)},
		{"duplicate class", nil, []string{"NN", "NN"}},
		{"unknown class", map[string]map[string]float64{"bias": {"VB": 1}}, []string{"NN"}},
	} {
		if _, err := New(c.weights, nil, c.classes); err == nil {
			t.Errorf("%s: New accepted the model", c.name)
		}
	}
}

// TestReadWeightsRejectsBadStreams checks that truncated or altered streams give errors,
// never a panic.
func TestReadWeightsRejectsBadStreams(t *testing.T) {
	b, err := prose.Asset(assetDir + "weights.gob")
	if err != nil {
		t.Fatal(err)
	}
	classes := testTagger(t).classes
	for _, bad := range [][]byte{nil, b[:1], b[:40], b[:len(b)/2], b[:len(b)-1], append(slices.Clone(b), 0)} {
		if _, err := readWeights(bad, classes, nil); err == nil {
			t.Errorf("readWeights accepted %d bytes of %d", len(bad), len(b))
		}
	}
}

// fuzzWords splits fuzz input into words at "|", so that words may be empty, hold spaces
// or be invalid UTF-8.
func fuzzWords(data string) []string { return strings.Split(data, "|") }

// FuzzTagAt checks, on arbitrary words, that TagAt gives every position Tag's tag and that
// Tag follows prose's algorithm; neither may panic.
func FuzzTagAt(f *testing.F) {
	tg := testTagger(f)
	for _, s := range hardSentences {
		f.Add(strings.Join(strings.Fields(s), "|"))
	}
	for _, s := range []string{"", "|", "||x||", "\xff|\xc3|-|--|-x-|1-|+1|*|0", "I|love|1984|:-)|@x|a@b.co"} {
		f.Add(s)
	}
	var s Scratch
	f.Fuzz(func(t *testing.T, data string) {
		words := fuzzWords(data)
		checkTagAt(t, tg, words, &s)
		checkReference(t, tg, words, &s)
	})
}
