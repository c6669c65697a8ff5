package model

import (
	"unicode"
	"unicode/utf8"
)

// token is one word, hashtag or emoji of a post, as the model sees it: its byte span in the
// text and its normalized form (lower case, straight apostrophes, runs of three or more of a
// letter cut to two), stored in a shared buffer.
type token struct {
	start, end int32 // span in the text
	off, n     int32 // normalized form: norm[off:off+n]
	hashtag    bool  // written as #tag
	emoji      bool  // a symbol such as an emoji: a token of its own
}

// textStats are the context facts a tokenizer sees on the way.
type textStats struct {
	question, exclaim, exclaim2, quote, url, mention bool
	capsWords                                        int
}

// tokenizer splits a text into tokens. It is reused across posts (not safe for concurrent
// use); its slices grow to the longest post seen.
type tokenizer struct {
	toks  []token
	norm  []byte
	stats textStats
}

// tokenize fills t.toks and t.norm for text.
func (t *tokenizer) tokenize(text string) {
	t.toks, t.norm, t.stats = t.toks[:0], t.norm[:0], textStats{}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '?':
			t.stats.question = true
		case c == '!':
			t.stats.exclaim = true
			t.stats.exclaim2 = t.stats.exclaim2 || (i+1 < len(text) && text[i+1] == '!')
		case c == '"':
			t.stats.quote = true
		}
		if skip := t.skipLinkOrMention(text, i); skip > i {
			i = skip
			continue
		}
		if c == '#' && i+1 < len(text) {
			if j := t.word(text, i+1, true); j > i+1 {
				i = j
				continue
			}
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case isWordRune(r):
			i = t.word(text, i, false)
		case r == '“' || r == '”':
			t.stats.quote = true
			i += size
		case r >= utf8.RuneSelf && (unicode.Is(unicode.So, r) || unicode.Is(unicode.Sk, r)):
			t.symbol(text, i, size)
			i += size
		default:
			i += size
		}
	}
}

// skipLinkOrMention returns the end of a link or @mention starting at i, or i when none
// starts there. Links and mentions are never features (only their presence is).
func (t *tokenizer) skipLinkOrMention(text string, i int) int {
	rest := text[i:]
	switch {
	case rest[0] == '@' && len(rest) > 1 && isASCIIWordByte(rest[1]):
		t.stats.mention = true
	case hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www."):
		t.stats.url = true
	default:
		return i
	}
	j := i + 1
	for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
		j++
	}
	return j
}

// word reads a word starting at i (after the # of a hashtag) and returns where it ends.
// Apostrophes and stars between letters ("don't", "f*ck") stay inside the word.
func (t *tokenizer) word(text string, i int, hashtag bool) int {
	start, off := i, len(t.norm)
	upper, letters := 0, 0
	var last rune
	run := 0
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordRune(r) {
			if (r == '\'' || r == '’' || r == '*') && i+size < len(text) && letters > 0 {
				if n, _ := utf8.DecodeRuneInString(text[i+size:]); isWordRune(n) {
					t.norm = append(t.norm, normApostrophe(r))
					i += size
					last, run = r, 0
					continue
				}
			}
			break
		}
		letters++
		if unicode.IsUpper(r) {
			upper++
		}
		lr := unicode.ToLower(r)
		if lr == last {
			run++
		} else {
			last, run = lr, 1
		}
		if run <= 2 {
			t.norm = utf8.AppendRune(t.norm, lr)
		}
		i += size
	}
	if i == start {
		return i
	}
	if upper >= 3 && upper == letters {
		t.stats.capsWords++
	}
	t.toks = append(t.toks, token{start: int32(start), end: int32(i), off: int32(off),
		n: int32(len(t.norm) - off), hashtag: hashtag})
	if hashtag {
		t.toks[len(t.toks)-1].start-- // the span includes the #
	}
	return i
}

// symbol adds an emoji or other symbol as a token of its own.
func (t *tokenizer) symbol(text string, i, size int) {
	off := len(t.norm)
	t.norm = append(t.norm, text[i:i+size]...)
	t.toks = append(t.toks, token{start: int32(i), end: int32(i + size), off: int32(off),
		n: int32(size), emoji: true})
}

// form returns a token's normalized form.
func (t *tokenizer) form(k int) []byte {
	tk := t.toks[k]
	return t.norm[tk.off : tk.off+tk.n]
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIWordByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isASCIIWordByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '_'
}

func normApostrophe(r rune) byte {
	if r == '*' {
		return '*'
	}
	return '\''
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix p, ignoring case.
func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s[i]|0x20 != p[i] {
			return false
		}
	}
	return true
}
