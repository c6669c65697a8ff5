package lexicons

import (
	"fmt"
	"strings"
)

// pennTags are the part-of-speech tags prose produces (Penn Treebank). A <TAG> element
// matches a tag that starts with TAG, so <VB> matches VB, VBD, VBG, VBN, VBP and VBZ.
var pennTags = []string{"CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD",
	"NN", "NNS", "NNP", "NNPS", "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM",
	"TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB"}

func knownTagPrefix(t string) bool {
	for _, k := range pennTags {
		if strings.HasPrefix(k, t) {
			return true
		}
	}
	return false
}

// parsePattern parses one match entry. literalOnly restricts it to words (phrase rules).
func parsePattern(src string, literalOnly bool) ([]Elem, error) {
	pieces := strings.Fields(src)
	if len(pieces) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	elems := make([]Elem, 0, len(pieces))
	for _, p := range pieces {
		e, err := parseElem(p, literalOnly)
		if err != nil {
			return nil, err
		}
		elems = append(elems, e)
	}
	return elems, checkShape(elems)
}

func parseElem(p string, literalOnly bool) (Elem, error) {
	special := p == "..." || p == "*" || isWrapped(p, '<', '>') || isWrapped(p, '{', '}')
	if special && literalOnly {
		return Elem{}, fmt.Errorf("%q is pattern syntax; use kind: pattern, or write plain words", p)
	}
	switch {
	case p == "...":
		return Elem{Kind: ElemGap}, nil
	case p == "*":
		return Elem{Kind: ElemAny}, nil
	case isWrapped(p, '<', '>'):
		return parseTag(p)
	case isWrapped(p, '{', '}'):
		return parseListRef(p)
	}
	return parseWords(p)
}

func isWrapped(p string, open, close byte) bool {
	return len(p) >= 2 && p[0] == open && p[len(p)-1] == close
}

func parseTag(p string) (Elem, error) {
	tag := p[1 : len(p)-1]
	if !knownTagPrefix(tag) {
		return Elem{}, fmt.Errorf("unknown part-of-speech tag %q (allowed: %s)", tag, strings.Join(pennTags, ", "))
	}
	return Elem{Kind: ElemTag, Tag: tag}, nil
}

func parseListRef(p string) (Elem, error) {
	name := p[1 : len(p)-1]
	if !validName(name) {
		return Elem{}, fmt.Errorf("bad word list reference %q: use {name} with letters, digits and _", p)
	}
	return Elem{Kind: ElemList, List: name}, nil
}

func parseWords(p string) (Elem, error) {
	if strings.ContainsAny(p, "{}<>") {
		return Elem{}, fmt.Errorf("stray bracket in %q: write {list} or <TAG> as a separate word", p)
	}
	alts := strings.Split(strings.ToLower(p), "|")
	for _, a := range alts {
		if a == "" {
			return Elem{}, fmt.Errorf("empty alternative in %q", p)
		}
	}
	for i, a := range alts {
		alts[i] = strings.ReplaceAll(a, "_", " ")
	}
	return Elem{Kind: ElemWords, Alts: alts}, nil
}

// checkShape enforces where wildcards may stand: a pattern starts with words or a list,
// and a gap is neither last nor next to another gap.
func checkShape(elems []Elem) error {
	if k := elems[0].Kind; k != ElemWords && k != ElemList {
		return fmt.Errorf("a pattern must start with a word or a {list}, not a wildcard or <TAG>")
	}
	last := elems[len(elems)-1].Kind
	if last == ElemGap {
		return fmt.Errorf("a pattern must not end with a ... gap")
	}
	for i := 1; i < len(elems); i++ {
		if elems[i].Kind == ElemGap && elems[i-1].Kind == ElemGap {
			return fmt.Errorf("two ... in a row")
		}
	}
	return nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		ok := r == '_' || r == '-' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
		if !ok {
			return false
		}
	}
	return true
}
