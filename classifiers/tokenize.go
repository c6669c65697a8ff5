package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"github.com/allystream/allystream/internal/postag"
)

// analyzer turns text into tokens with prose's tokenizer and tags them on demand with a
// tagger built from prose's model, once per engine; it only reads the model, so it is safe
// to share.
type analyzer struct {
	tagger *postag.Tagger
}

func newAnalyzer() (*analyzer, error) {
	t, err := postag.Load()
	if err != nil {
		return nil, err
	}
	return &analyzer{tagger: t}, nil
}

// loadedTagger is the outcome of loading the part-of-speech tagger.
type loadedTagger struct {
	tagger *postag.Tagger
	err    error
}

// loadTaggerAsync loads the tagger on another goroutine; the channel yields it once.
func loadTaggerAsync() <-chan loadedTagger {
	ch := make(chan loadedTagger, 1)
	go func() {
		t, err := postag.Load()
		ch <- loadedTagger{tagger: t, err: err}
	}()
	return ch
}

// proseTokens runs prose's tokenizer alone over text (no tagging, so prose needs no model):
// the fallback for the rare runs prosesplit.go does not reproduce, and the reference in tests.
func (a *analyzer) proseTokens(text string) []prose.Token {
	doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false),
		prose.WithTagging(false))
	if err != nil {
		return nil
	}
	return doc.Tokens()
}

// tokenize splits text into tokens aligned to byte offsets. hashtags receives the spans of
// hashtag bodies (without "#").
func (a *analyzer) tokenize(text string, toks []token, hashtags []span) ([]token, []span) {
	var sc wordScratch
	return a.tokenizeWith(text, toks, hashtags, &sc)
}

// tokenizeWith is tokenize with reusable scratch buffers.
func (a *analyzer) tokenizeWith(text string, toks []token, hashtags []span, sc *wordScratch) ([]token, []span) {
	cursor := 0
	sc.words = a.proseWords(text, sc)
	for _, w := range sc.words {
		s, e, ok := align(text, cursor, w)
		if !ok {
			continue
		}
		toks = fillGap(toks, text, cursor, s)
		cursor = e
		toks, hashtags = splitToken(toks, hashtags, text, s, e)
	}
	toks = fillGap(toks, text, cursor, len(text))
	markClauses(toks, text)
	return toks, hashtags
}

// fillGap tokenizes text that prose dropped between two of its tokens: prose loses the
// "n't." of a sentence-final "can't." ("because they can't." gives "because", "they",
// "ca"). Runs of letters become words, anything else one token a character.
func fillGap(toks []token, text string, from, to int) []token {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case isWordRune(r):
			j := i + size
			for j < to {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				j += s2
			}
			toks = splitEmoji(toks, text, i, j)
			i = j
		default:
			toks = splitEmoji(toks, text, i, i+size)
			i += size
		}
	}
	return toks
}

// isWordRune: letters, digits and apostrophes, so "n't" stays one token.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '\u2019'
}

// span is a half-open byte range.
type span struct{ start, end int }

// align finds prose token tok in text at or shortly after cursor. prose straightens curly
// quotes before tokenizing, so a straight quote in tok matches a curly one in text.
func align(text string, cursor int, tok string) (int, int, bool) {
	for cursor < len(text) && isSpaceByte(text[cursor]) {
		cursor++
	}
	limit := min(len(text), cursor+64)
	for p := cursor; p < limit; p++ {
		if !utf8.RuneStart(text[p]) {
			continue
		}
		if n, ok := equalAt(text[p:], tok); ok {
			return p, p + n, true
		}
	}
	return 0, 0, false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// equalAt reports whether s starts with tok, up to quote straightening, and how many bytes
// of s it spans.
func equalAt(s, tok string) (int, bool) {
	i := 0
	for _, tr := range tok {
		if i >= len(s) {
			return 0, false
		}
		sr, size := utf8.DecodeRuneInString(s[i:])
		if sr != tr && !sameQuote(tr, sr) {
			return 0, false
		}
		i += size
	}
	return i, true
}

func sameQuote(tokRune, textRune rune) bool {
	switch tokRune {
	case '\'':
		return textRune == '\u2019' || textRune == '\u2018'
	case '"':
		return textRune == '\u201c' || textRune == '\u201d'
	}
	return false
}

// splitToken turns one aligned prose token into tokens: links and mentions whole,
// hashtags split at case changes, emoji apart from the letters they touch.
func splitToken(toks []token, tags []span, text string, s, e int) ([]token, []span) {
	piece := text[s:e]
	switch {
	case isURL(piece):
		return append(toks, token{start: s, end: e, kind: tokURL}), tags
	case len(piece) > 1 && piece[0] == '@':
		return append(toks, token{start: s, end: e, kind: tokMention}), tags
	case isHashtag(piece):
		tags = append(tags, span{s + 1, e})
		return splitHashtag(toks, text, s+1, e, int32(len(tags))), tags
	}
	return splitEmoji(toks, text, s, e), tags
}

func isURL(p string) bool {
	return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") || strings.HasPrefix(p, "www.")
}

func isHashtag(p string) bool {
	if len(p) < 2 || p[0] != '#' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[1:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// splitEmoji emits runs of ordinary characters as one token and each emoji (with its
// modifiers) as its own token.
func splitEmoji(toks []token, text string, s, e int) []token {
	start := s
	for i := s; i < e; {
		if text[i] < emojiLeadMin {
			i++ // ASCII, a continuation byte or the lead of a rune below every emoji
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isEmoji(r) {
			i += size
			continue
		}
		if start < i {
			toks = splitGlued(toks, text, start, i)
		}
		j := i + size
		for j < e {
			m, msize := utf8.DecodeRuneInString(text[j:])
			if !isEmojiModifier(m) {
				break
			}
			j += msize
		}
		toks = append(toks, emojiToken(text, i, j))
		i, start = j, j
	}
	if start < e {
		toks = splitGlued(toks, text, start, e)
	}
	return toks
}

// splitRunOn splits words run together at a sentence end, which prose keeps as one token:
// "absolutes.Fuck" and "MATTER?GUESS" become three tokens each. Abbreviations such as
// "U.S." and decimals stay whole: the left side must have two letters and, after a period,
// the right side must start with a capital.
func splitRunOn(toks []token, text string, s, e int) []token {
	for i := s + 2; i < e-1; i++ {
		c := text[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		j := i
		for j < e && (text[j] == '.' || text[j] == '?' || text[j] == '!') {
			j++
		}
		if j < e && isASCIILetter(text[i-1]) && isASCIILetter(text[i-2]) && isASCIILetter(text[j]) &&
			(c != '.' || (text[j] >= 'A' && text[j] <= 'Z')) {
			toks = appendWordToken(appendWordToken(toks, text, s, i), text, i, j)
			return splitRunOn(toks, text, j, e)
		}
		i = j
	}
	return appendWordToken(toks, text, s, e)
}

func isASCIILetter(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

// emojiLeadMin is the smallest first byte of the UTF-8 encoding of an emoji (U+2600 and up).
// Bytes below it never start one, and being neither a lead byte of three or more bytes nor
// invalid, they never begin a rune that would swallow a later byte that does.
const emojiLeadMin = 0xE2

func isEmoji(r rune) bool {
	return (r >= 0x1F000 && r <= 0x1FAFF) || (r >= 0x2600 && r <= 0x27BF) || (r >= 0x2B00 && r <= 0x2BFF)
}

// isEmojiModifier: variation selectors, skin tones, the zero-width joiner and what it joins.
func isEmojiModifier(r rune) bool {
	return r == 0xFE0F || r == 0xFE0E || r == 0x200D || (r >= 0x1F3FB && r <= 0x1F3FF) ||
		r == 0x2640 || r == 0x2642 || r == 0x26A7 || r == 0x1F308
}

func emojiToken(text string, s, e int) token {
	norm, _ := normWord(firstRune(text[s:e]))
	return token{start: s, end: e, norm: norm, kind: tokEmoji}
}

func firstRune(s string) string {
	_, size := utf8.DecodeRuneInString(s)
	return s[:size]
}

// wordToken returns the word or punctuation token text[s:e].
func wordToken(text string, s, e int) token {
	var t token
	fillWordToken(&t, text, s, e)
	return t
}

// appendWordToken appends wordToken(text, s, e) to toks, building it in place.
func appendWordToken(toks []token, text string, s, e int) []token {
	toks = append(toks, token{})
	fillWordToken(&toks[len(toks)-1], text, s, e)
	return toks
}

// fillWordToken sets *t, which must be zero, to the word or punctuation token text[s:e].
func fillWordToken(t *token, text string, s, e int) {
	w := text[s:e]
	t.start, t.end, t.kind = s, e, tokPunct
	t.norm, t.alt = normWord(w)
	word, caps, ok := asciiShape(w)
	if !ok {
		word = hasLetterOrDigit(w)
		caps = word && isAllCaps(w)
	}
	if word {
		t.kind = tokWord
		t.caps = caps
	}
}

// asciiShape is hasLetterOrDigit and isAllCaps in one pass over w's bytes; ok is false,
// and the rest meaningless, when w is not all ASCII.
func asciiShape(w string) (word, caps, ok bool) {
	letters, lower := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return false, false, false
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= 'a' && c <= 'z':
			letters++
			lower = true
		case c >= '0' && c <= '9':
			word = true
		}
	}
	word = word || letters > 0
	return word, !lower && letters >= 2, true
}

func hasLetterOrDigit(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
