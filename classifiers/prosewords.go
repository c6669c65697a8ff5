package classifiers

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// prose's tokenizer splits text at runs of white space (unicode.IsSpace) and hands each run
// of other characters to a splitter that peels off prefixes such as "$" or "(", suffixes
// such as "," or ".", and contractions. A run with none of the characters that splitter
// looks at, and none that prose's sanitizer rewrites (curly quotes, "&rsquo;"), comes out
// as one token equal to the run. proseWords emits such runs itself and hands only the other
// runs to prose, all in one call; TestProseWordsMatchesProse and FuzzProseWords check the
// result token for token against prose on the whole text.

// wordScratch holds reusable buffers for proseWords.
type wordScratch struct {
	words  []string
	runs   []span // runs[k] is the white-space-delimited run that gave words[k]
	items  []wordItem
	joined []byte
}

// wordItem is one non-space run: a word emitted as is, or (word == "") a run that prose
// splits.
type wordItem struct {
	word string
	run  span // the run in text
}

// runMarker separates the runs handed to prose; prose keeps it as a token of its own.
const runMarker = "\x00"

// proseWords returns the texts of the tokens prose's tokenizer gives for text. Unless the
// text holds runMarker, sc.runs receives each word's run.
func (a *analyzer) proseWords(text string, sc *wordScratch) []string {
	words, items, runs := sc.words[:0], sc.items[:0], sc.runs[:0]
	sc.joined = sc.joined[:0]
	nComplex := 0
	for i := 0; i < len(text); {
		// skip white space
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); unicode.IsSpace(r) {
			i += size
			continue
		}
		start, simple := i, true
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				if proseSpecial[c] {
					simple = false
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				break
			}
			if r == '\u2018' || r == '\u2019' || r == '\u201c' || r == '\u201d' {
				simple = false
			}
			i += size
		}
		run := text[start:i]
		if simple {
			items = append(items, wordItem{word: run, run: span{start, i}})
			continue
		}
		if nComplex > 0 {
			sc.joined = append(sc.joined, " "+runMarker+" "...)
		}
		sc.joined = append(sc.joined, run...)
		items = append(items, wordItem{run: span{start, i}})
		nComplex++
	}
	sc.items = items
	if nComplex == 0 {
		for _, it := range items {
			words, runs = append(words, it.word), append(runs, it.run)
		}
		sc.runs = runs
		return words
	}
	if strings.Contains(text, runMarker) {
		// the marker would be ambiguous: let prose tokenize the whole text
		for _, pt := range a.proseTokens(text, false) {
			words = append(words, pt.Text)
		}
		sc.runs = runs[:0]
		return words
	}
	pts := a.proseTokens(string(sc.joined), false)
	k := 0 // next prose token
	for _, it := range items {
		if it.word != "" {
			words, runs = append(words, it.word), append(runs, it.run)
			continue
		}
		for k < len(pts) && pts[k].Text != runMarker {
			words, runs = append(words, pts[k].Text), append(runs, it.run)
			k++
		}
		k++ // the marker after this run
	}
	sc.runs = runs
	return words
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// proseSpecial marks the ASCII bytes prose's splitter or sanitizer may act on.
var proseSpecial = func() (t [utf8.RuneSelf]bool) {
	for _, c := range []byte("$([\"',)]!;.?:&") {
		t[c] = true
	}
	return t
}()
