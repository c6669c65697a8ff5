package lexicons

import (
	"bufio"
	"bytes"
	"strings"
)

// listLine is one parsed line of a word list file.
type listLine struct {
	text   string
	remove bool // "!entry" in an override file removes entry
	pos    Pos
}

// parseWordList reads a plain list: one entry a line, "#" starts a comment, blank lines are
// skipped, "!entry" removes an entry (overrides only). Entries are lower-cased.
func (r *nodeReader) parseWordList(src []byte, override bool) []listLine {
	var out []listLine
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for line := 1; sc.Scan(); line++ {
		raw := sc.Text()
		text, col := trimEntry(raw)
		if text == "" {
			continue
		}
		l := listLine{pos: Pos{File: r.file, Line: line, Col: col}}
		l.remove = strings.HasPrefix(text, "!")
		l.text = normEntry(strings.TrimPrefix(text, "!"))
		r.checkEntry(l, override, seen)
		out = append(out, l)
	}
	if err := sc.Err(); err != nil {
		r.errs.add(Pos{File: r.file, Line: 1, Col: 1}, "read word list: %v", err)
	}
	return out
}

func (r *nodeReader) checkEntry(l listLine, override bool, seen map[string]bool) {
	switch {
	case l.remove && !override:
		r.errs.add(l.pos, "\"!\" removes an entry and is allowed only in an override directory")
	case l.text == "":
		r.errs.add(l.pos, "empty entry")
	case strings.ContainsAny(l.text, "{}<>|"):
		r.errs.add(l.pos, "word list entries are plain words; %q contains pattern syntax", l.text)
	case seen[l.text]:
		r.errs.add(l.pos, "duplicate entry %q", l.text)
	}
	seen[l.text] = true
}

// trimEntry strips a comment and surrounding space, returning the 1-based column of the text.
func trimEntry(raw string) (string, int) {
	if i := strings.Index(raw, "#"); i >= 0 && !isHashtagEntry(raw, i) {
		raw = raw[:i]
	}
	trimmed := strings.TrimLeft(raw, " \t")
	col := len(raw) - len(trimmed) + 1
	return strings.TrimSpace(trimmed), col
}

// isHashtagEntry tells a hashtag entry ("#ally") from a comment: a comment's "#" is at the
// start of the line's text or follows a space, and is followed by a space or the line end.
func isHashtagEntry(raw string, i int) bool {
	return i+1 < len(raw) && raw[i+1] != ' ' && raw[i+1] != '\t'
}

func normEntry(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
