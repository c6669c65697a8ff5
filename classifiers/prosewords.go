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
// as one token equal to the run: proseWords emits such runs itself. It splits the other
// runs with appendSplit, a re-implementation of prose's splitter (prosesplit.go), and hands
// prose only the rare runs appendSplit cannot take (exoticRune), all in one call.
// TestProseWordsMatchesProse and FuzzProseWords check the result token for token against
// prose on the whole text.

// wordScratch holds reusable buffers for proseWords.
type wordScratch struct {
	words  []string
	runs   []span // runs[k] is the white-space-delimited run that gave words[k]
	items  []wordItem
	joined []byte // the runs handed to prose, separated by runMarker
	san    []byte // the sanitized runs
}

// runKind says how proseWords turns a run into words.
type runKind uint8

const (
	runWhole   runKind = iota // the run is one word
	runSplit                  // appendSplit splits the run (sanitized when san.end > 0)
	runByProse                // prose splits the run
)

// wordItem is one non-space run of the text.
type wordItem struct {
	run  span // the run in text
	san  span // for runSplit, the sanitized run in wordScratch.san, if sanitizing changed it
	kind runKind
}

// runMarker separates the runs handed to prose; prose keeps it as a token of its own.
const runMarker = "\x00"

// proseWords returns the texts of the tokens prose's tokenizer gives for text, also kept in
// sc.words. Unless the text holds runMarker and a run that only prose splits, sc.runs
// receives each word's run. The words are substrings of text, except those of runs that
// prose's sanitizer changes, which are substrings of one string holding those runs
// sanitized.
func (a *analyzer) proseWords(text string, sc *wordScratch) []string {
	nProse := sc.scanRuns(text)
	var pts []string
	if nProse > 0 {
		if strings.Contains(text, runMarker) {
			// the marker would be ambiguous: let prose tokenize the whole text
			words := sc.words[:0]
			for _, pt := range a.proseTokens(text) {
				words = append(words, pt.Text)
			}
			sc.words, sc.runs = words, sc.runs[:0]
			return words
		}
		for _, pt := range a.proseTokens(string(sc.joined)) {
			pts = append(pts, pt.Text)
		}
	}
	san := ""
	if len(sc.san) > 0 {
		san = string(sc.san)
	}
	return sc.emit(text, san, pts)
}

// scanRuns fills sc.items with the runs of text, sc.san with the runs sanitizing changes and
// sc.joined with the runs prose splits, and returns how many runs prose splits.
func (sc *wordScratch) scanRuns(text string) int {
	items := sc.items[:0]
	sc.joined, sc.san = sc.joined[:0], sc.san[:0]
	nProse := 0
	for i := skipSpace(text, 0); i < len(text); i = skipSpace(text, i) {
		end, f := scanRun(text, i)
		it := wordItem{run: span{i, end}}
		switch {
		case f&runSpecial == 0:
			it.kind = runWhole
		case f&(runExotic|runApostrophe) == runExotic|runApostrophe:
			it.kind = runByProse
			if nProse > 0 {
				sc.joined = append(sc.joined, " "+runMarker+" "...)
			}
			sc.joined = append(sc.joined, text[i:end]...)
			nProse++
		default:
			it.kind = runSplit
			if f&runSanitize != 0 {
				it.san = sc.sanitize(text[i:end])
			}
		}
		items = append(items, it)
		i = end
	}
	sc.items = items
	return nProse
}

// sanitize appends run, sanitized, to sc.san and returns where it is there, or the zero
// span when sanitizing leaves run as it is.
func (sc *wordScratch) sanitize(run string) span {
	start := len(sc.san)
	sc.san = appendSanitized(sc.san, run)
	if string(sc.san[start:]) == run {
		sc.san = sc.san[:start]
		return span{}
	}
	return span{start, len(sc.san)}
}

// emit returns the words of sc.items: san holds the sanitized runs and pts prose's tokens
// for the runs it splits, each followed by runMarker.
func (sc *wordScratch) emit(text, san string, pts []string) []string {
	words, runs := sc.words[:0], sc.runs[:0]
	k := 0 // next prose token
	for _, it := range sc.items {
		n := len(words)
		switch it.kind {
		case runWhole:
			words = append(words, text[it.run.start:it.run.end])
		case runSplit:
			run := text[it.run.start:it.run.end]
			if it.san.end > 0 {
				run = san[it.san.start:it.san.end]
			}
			words = appendSplit(words, run)
		case runByProse:
			for k < len(pts) && pts[k] != runMarker {
				words = append(words, pts[k])
				k++
			}
			k++ // the marker after this run
		}
		for range len(words) - n {
			runs = append(runs, it.run)
		}
	}
	sc.words, sc.runs = words, runs
	return words
}

// runFlags describe a run.
type runFlags uint8

const (
	runSpecial    runFlags = 1 << iota // prose's splitter or sanitizer may act on the run
	runSanitize                        // prose's sanitizer may change the run
	runExotic                          // the run holds an exotic rune
	runApostrophe                      // the run may hold an apostrophe once sanitized
)

// skipSpace returns the index of the first byte at or after i that does not start white
// space, or len(text).
func skipSpace(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// scanRun returns the end of the run that starts at i, and its flags.
func scanRun(text string, i int) (int, runFlags) {
	var f runFlags
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			f |= proseSpecial[c]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		switch r {
		case '\u2018', '\u2019':
			f |= runSpecial | runSanitize | runApostrophe
		case '\u201c', '\u201d':
			f |= runSpecial | runSanitize
		}
		if exoticRune(r, size) {
			f |= runExotic
		}
		i += size
	}
	return i, f
}

// asciiSpace marks the ASCII bytes unicode.IsSpace accepts.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// proseSpecial flags the ASCII bytes prose's splitter or sanitizer may act on.
var proseSpecial = func() (t [utf8.RuneSelf]runFlags) {
	for _, c := range []byte("$([\"',)]!;.?:") {
		t[c] = runSpecial
	}
	t['\''] = runSpecial | runApostrophe
	t['&'] = runSpecial | runSanitize | runApostrophe // "&rsquo;"
	return t
}()
