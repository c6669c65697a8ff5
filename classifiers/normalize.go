package classifiers

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// internTable maps lower-case ASCII words to a string equal to them, so that normalizing a
// capitalized word the engines know ("The", "I") does not allocate. Any equal string is a
// correct result, so the table only ever grows: New adds its vocabulary.
var (
	internTable atomic.Pointer[map[string]string]
	internMu    sync.Mutex
)

// maxInterned is the longest word looked up in internTable.
const maxInterned = 32

// addInterned adds words to internTable.
func addInterned(words map[string]bool) {
	internMu.Lock()
	defer internMu.Unlock()
	old := internTable.Load()
	var m map[string]string
	if old != nil {
		m = make(map[string]string, len(*old)+len(words))
		for k, v := range *old {
			m[k] = v
		}
	} else {
		m = make(map[string]string, len(words))
	}
	for w := range words {
		if len(w) <= maxInterned && isPlainLower(w) {
			m[w] = w
		}
	}
	internTable.Store(&m)
}

// lowerASCII returns the lower-case form of an ASCII word from internTable, if it is there.
func lowerASCII(w string) (string, bool) {
	if len(w) > maxInterned {
		return "", false
	}
	tab := internTable.Load()
	if tab == nil {
		return "", false
	}
	var buf [maxInterned]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return "", false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	s, ok := (*tab)[string(buf[:len(w)])]
	return s, ok
}

// normWord lower-cases w, straightens curly apostrophes and removes emoji variation
// selectors. It returns the form with runs of three or more identical letters cut to two and,
// when different, the form with them cut to one: "sooo" gives "soo" and "so".
func normWord(w string) (norm, alt string) {
	if isPlainLower(w) {
		if !hasRun3(w) {
			return w, ""
		}
		return cutRuns(w, 2), cutRuns(w, 1)
	}
	if s, ok := lowerASCII(w); ok {
		if !hasRun3(s) {
			return s, ""
		}
		return cutRuns(s, 2), cutRuns(s, 1)
	}
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch r {
		case '\u2019', '\u2018', '\u02bc':
			r = '\''
		case '\ufe0f', '\ufe0e':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	if !hasRun3(s) {
		return s, ""
	}
	return cutRuns(s, 2), cutRuns(s, 1)
}

func isPlainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// hasRun3 reports a letter repeated three or more times in a row.
func hasRun3(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return hasRun3Runes(s)
		}
		if i > 0 && c == s[i-1] && isASCIILetter(c) {
			n++
			if n >= 3 {
				return true
			}
			continue
		}
		n = 1
	}
	return false
}

// hasRun3Runes is hasRun3 for text that is not all ASCII.
func hasRun3Runes(s string) bool {
	var prev rune
	n := 0
	for _, r := range s {
		if r == prev && unicode.IsLetter(r) {
			n++
			if n >= 3 {
				return true
			}
			continue
		}
		prev, n = r, 1
	}
	return false
}

// cutRuns shortens every run of three or more identical letters to max letters; shorter
// runs are kept ("bullshiiit" gives "bullshit" with max 1).
func cutRuns(s string, max int) string {
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && rs[j] == rs[i] {
			j++
		}
		n := j - i
		if n >= 3 && unicode.IsLetter(rs[i]) {
			n = max
		}
		for k := 0; k < n; k++ {
			b.WriteRune(rs[i])
		}
		i = j
	}
	return b.String()
}

// isAllCaps reports a word of at least two letters, all of them upper case.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}
