package postag

import (
	"regexp"
	"strings"

	"github.com/mingrammer/commonregex"
)

// prose's none and keep patterns (tag.go).
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// fixedTag returns the tag of a word whose tag does not depend on its context, and whether
// it has one: prose's special cases, in prose's order, then the model's tag map.
func (t *Tagger) fixedTag(word string) (string, bool) {
	switch {
	case word == "-":
		return "-", true
	case emoticons[word]:
		return "SYM", true
	case isLinkOrAddress(word):
		return "NN", true
	case isNone(word):
		return "-NONE-", true
	case isKeep(word):
		return word, true
	}
	tag, ok := t.tagMap[word]
	return tag, ok
}

// isLinkOrAddress reports what prose tests as LinkRegex, EmailRegex or a leading "@". The
// link pattern cannot match without a ".", nor the e-mail pattern without an "@", so most
// words skip both.
func isLinkOrAddress(w string) bool {
	return strings.HasPrefix(w, "@") ||
		(strings.IndexByte(w, '.') >= 0 && commonregex.LinkRegex.MatchString(w)) ||
		(strings.IndexByte(w, '@') >= 0 && commonregex.EmailRegex.MatchString(w))
}

// isNone is noneRE's test; every word it matches is "0" or starts with "*".
func isNone(w string) bool {
	return w == "0" || (w != "" && w[0] == '*' && noneRE.MatchString(w))
}

// isKeep is keepRE's test; every word it matches is five bytes starting with "-".
func isKeep(w string) bool {
	return len(w) == 5 && w[0] == '-' && keepRE.MatchString(w)
}
