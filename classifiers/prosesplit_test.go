package classifiers

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// proseSplitCases are texts that exercise the corners of prose's splitter that appendSplit
// re-implements: contractions at a run's end and before suffixes (where prose drops text),
// prefix and suffix peeling, emoticons and abbreviations met after peeling, the sanitizer,
// exotic runs left to prose, and repeated and final runs.
var proseSplitCases = []string{
	// contractions
	"can't", "can't.", "can't!", "(can't)", "CAN'T", "Can't.", "won't", "n't", "n't.", "N'T!",
	"'s", "'s.", "it's", "it's.", "\"it's\"", "they'll.", "I'm", "I'M", "we're", "'ll", "'re", "'m",
	"'", "''", "'''", "it's'll", "rock'n'roll", "o'clock", "'90s", "ma'am", "y'all", "don'tcha",
	"can'tn't", "n'tn't", "$'s", "'s'", "Mr.'s", "U.S.'s", "he'S", "we'Re.", "I'm'", "x'sn't",
	"because they can't.", "can't hello can't", "it's it's it's.",
	// prefixes and suffixes
	"...", "!!", "?!", "wow...", "wow!!!", "?", ".", "!", "(", ")", "()", "(())", "[x]", "$5", "$5.00.",
	"$", "$$", "(($5))", "((((x", "x))))", "\"'x'\"", "[\"(x)\"]", "x,", ",x", "x:", "a.b.", "a;b;",
	"\"Hello,\" she said.", "(yes)... [no]!", "$5, $10; $100!", "x?!?!", "'quoted'", "\"\"", "$(",
	// links, mentions, hashtags and emoji next to punctuation
	"https://x.org/a?b=c.", "(https://example.com)", "www.x.com/it's", "http://a.b/c,d", "#hashtag!",
	"#can't", "@user:", "@user's", "😡!!", "💔.", "(❤️)", "\u201c😡\u201d", "🌱</p>", "<p>hi!</p>",
	// emoticons, whole and peeled
	":)", ":))", ":)))", ":-)", ":-)).", "(:", "(-_-).", "¯\\(ツ)/¯!", "xD!", ":P", ":p", "=)", "(=",
	"8-)", "(8-)", ":o)", "o_O?", "(╯°□°）╯︵┻━┻", "(╯°□°）╯︵┻━┻!", "((:", "\"(:\"", ":`-(", "[-:.",
	// abbreviations
	"U.S.", "U.S.A.", "U.S.,", "(U.S.)", "e.g.,", "Mr.", "Mrs.", "Mr.,", "MR.", "Mrs", "A.B", "u.s.",
	"Dr.Who", "Mrs..", "Mr", "(Mr.)", "\"Dr.\"", "Abcd.", "A.", "Ab.", "AB.", "a.B.c.D.", "é.g.",
	// the sanitizer
	"don\u2019t", "\u2018quoted\u2019", "\u201cquoted\u201d", "&rsquo;", "it&rsquo;s", "&rsquo;s",
	"&amp;rsquo;", "&rsquo", "AT&T", "\u2019\u2019\u2019", "\u201c\u201d", "can&rsquo;t.",
	"\u201cHello,\u201d she said.", "\u2018&rsquo;\u2019", "&&rsquo;;", "x\u2019s\u2019ll",
	// exotic runs (lower-casing changes a rune's length): prose splits them
	"İstanbul'da", "İ.", "KKK's", "\u212a. x", "x\u212a", "Ⱥ.", "İ'\x00 x", "(İ)", "İİ's \x00",
	"İstanbul\u2019da", "İ&rsquo;", "İ&amp;", "(İstanbul).", "\"\u212a\",", "x\xff.", "\xff's",
	// the marker, white space of all kinds, repeated runs and the final run
	"x\x00y. \x00", "a\u00a0b. c\u3000d!", "a.\u2028b'", " \t(x) \n", "x. x. x.", "x. y x.",
}

// TestProseSplitCases checks proseWords against prose on proseSplitCases, alone and joined.
func TestProseSplitCases(t *testing.T) {
	a, err := newAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range proseSplitCases {
		checkProseWords(t, a, text)
		checkProseWords(t, a, "x "+text+" y")
	}
	checkProseWords(t, a, strings.Join(proseSplitCases, " "))
}

// splitPieces are the pieces TestProseWordsRandomPieces builds texts from: the characters
// and strings prose's splitter and sanitizer act on, letters, white space and an exotic
// rune.
var splitPieces = []string{
	"$", "(", "[", "\"", ",", ")", "]", "!", ";", ".", "?", ":", "'", "'s", "'S", "'ll", "'re", "'m",
	"n't", "N'T", "can", "it", "x", "U", "S", "Mr", "e", "g", "D", "8", "-", "_", "o", "0", "p", "&",
	"&rsquo;", "\u2018", "\u2019", "\u201c", "\u201d", " ", " ", " ", "\n", "\u00a0", "😡", "é", "İ",
	":-)", "(:", "xD", "¯\\(ツ)/¯",
}

// TestProseWordsRandomPieces checks proseWords against prose on random texts made of
// splitPieces, far denser in splitter corners than the fuzzer's byte mutations.
func TestProseWordsRandomPieces(t *testing.T) {
	a, err := newAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range n {
		b.Reset()
		for range 1 + rng.IntN(12) {
			b.WriteString(splitPieces[rng.IntN(len(splitPieces))])
		}
		checkProseWords(t, a, b.String())
	}
}

// FuzzProseSplit is FuzzProseWords seeded with proseSplitCases. Inputs on which prose
// itself panics (an exotic rune before a contraction can make prose cut beyond the
// token) are skipped: proseWords hands such runs to prose.
func FuzzProseSplit(f *testing.F) {
	a, err := newAnalyzer()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range proseSplitCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > maxFuzzText {
			t.Skip("prose's splitter is quadratic in a run's length")
		}
		if prosePanics(a, strings.ToValidUTF8(text, "\uFFFD")) {
			t.Skip("prose panics")
		}
		checkProseWords(t, a, text)
	})
}

// prosePanics reports whether prose's tokenizer panics on text.
func prosePanics(a *analyzer, text string) (panicked bool) {
	defer func() {
		if recover() != nil {
			panicked = true
		}
	}()
	a.proseTokens(text)
	return false
}

// TestProseWordsCommonCasesSkipProse checks that ordinary special runs never reach prose.
func TestProseWordsCommonCasesSkipProse(t *testing.T) {
	texts := append([]string{}, proseSplitCases...)
	texts = append(texts, benchPosts()...)
	texts = append(texts, hardPosts()...)
	var sc wordScratch
	for _, text := range texts {
		exotic := strings.ContainsAny(text, "İ\u212aȺ") || !utf8.ValidString(text)
		if exotic && strings.ContainsAny(text, "'&\u2018\u2019") {
			continue
		}
		if n := sc.scanRuns(text); n != 0 {
			t.Errorf("%q: %d runs handed to prose", text, n)
		}
	}
}

// TestProseWordsSubstrings checks that words are substrings of the text unless sanitizing
// changed their run, and that the runs reported match the words.
func TestProseWordsSubstrings(t *testing.T) {
	a, err := newAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var sc wordScratch
	text := "Well (it's) $5, can't... :-)) U.S. #tag!"
	words := a.proseWords(text, &sc)
	if len(sc.runs) != len(words) {
		t.Fatalf("%d runs for %d words", len(sc.runs), len(words))
	}
	for k, w := range words {
		r := sc.runs[k]
		if !strings.Contains(text[r.start:r.end], w) {
			t.Errorf("word %q not in its run %q", w, text[r.start:r.end])
		}
	}
	if n := testing.AllocsPerRun(20, func() { a.proseWords(text, &sc) }); n != 0 {
		t.Errorf("proseWords allocates %v times a call", n)
	}
	if n := testing.AllocsPerRun(20, func() { a.proseWords("don\u2019t \u201cgo\u201d", &sc) }); n > 1 {
		t.Errorf("proseWords allocates %v times a call on sanitized runs", n)
	}
}

// BenchmarkProseWords measures proseWords, the tokenizer's own cost, on benchPosts.
func BenchmarkProseWords(b *testing.B) {
	a, err := newAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	posts := benchPosts()
	var sc wordScratch
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sc.words = a.proseWords(posts[i%len(posts)], &sc)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}
