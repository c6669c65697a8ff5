package classifiers

import (
	"strings"

	"github.com/allystream/allystream/lexicons"
)

// Inflection. Lexicon authors list a cue in one form ("hurts my heart", "privilege"); real
// writers use others ("hurt my heart", "privileges", "hurting"). The compiler adds, for
// each word of a phrase or pattern alternative and of a word list a pattern uses, the
// regular inflections of that word (one word varied at a time), so every listed form also
// matches as a plural, third person, past or -ing form. Words that are not inflected:
// shorter than four letters, with anything but ASCII letters, or listed in
// uninflected.txt (function words: "this", "with", "would").

// inflectMin is the shortest word that is inflected.
const inflectMin = 4

// inflections returns the other forms of w: for a plural or third-person form ("hurts",
// "privileges", "cries") its base and the base's forms; for a base, its -s, past and -ing
// forms; for a past or -ing form nothing (its base is ambiguous: "hated" may be "hat").
// Nonsense forms ("angried") are harmless: no post has them.
func inflections(w string) []string {
	if len(w) < inflectMin || !isPlainLetters(w) {
		return nil
	}
	switch {
	case strings.HasSuffix(w, "ed"), strings.HasSuffix(w, "ing"), strings.HasSuffix(w, "ly"),
		strings.HasSuffix(w, "ous"), strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"),
		strings.HasSuffix(w, "is"), strings.HasSuffix(w, "ness"), strings.HasSuffix(w, "less"):
		return nil
	case strings.HasSuffix(w, "ies"):
		base := w[:len(w)-3] + "y"
		return append([]string{base}, baseForms(base)...)
	case hasSibilantEs(w):
		base := w[:len(w)-2]
		return append([]string{base}, baseForms(base)...)
	case strings.HasSuffix(w, "s"):
		base := w[:len(w)-1]
		return append([]string{base}, baseForms(base)...)
	}
	return append(baseForms(w), irregular(w)...)
}

func hasSibilantEs(w string) bool {
	for _, s := range [...]string{"sses", "shes", "ches", "xes", "zes"} {
		if strings.HasSuffix(w, s) {
			return true
		}
	}
	return false
}

// baseForms returns the -s, past and -ing forms of a base form.
func baseForms(b string) []string {
	n := len(b)
	if n < 2 {
		return nil
	}
	last, prev := b[n-1], b[n-2]
	var out []string
	switch {
	case last == 'y' && !isVowel(prev):
		stem := b[:n-1]
		out = append(out, stem+"ies", stem+"ied", b+"ing")
	case last == 'e':
		out = append(out, b+"s", b+"d")
		if prev == 'i' {
			out = append(out, b[:n-2]+"ying")
		} else if prev != 'e' {
			out = append(out, b[:n-1]+"ing")
		} else {
			out = append(out, b+"ing")
		}
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh"):
		out = append(out, b+"es", b+"ed", b+"ing")
	default:
		out = append(out, b+"s", b+"ed", b+"ing")
		if n >= 3 && !isVowel(last) && isVowel(prev) && !isVowel(b[n-3]) && last != 'w' && last != 'x' && last != 'y' {
			// consonant-vowel-consonant: "stop" gives "stopped", "stopping" as well
			out = append(out, b+string(last)+"ed", b+string(last)+"ing")
		}
	}
	return out
}

// irregular returns the past forms of the common irregular verbs that cues use.
func irregular(b string) []string {
	switch b {
	case "break":
		return []string{"broke", "broken"}
	case "feel":
		return []string{"felt"}
	case "make":
		return []string{"made"}
	case "tear":
		return []string{"tore", "torn"}
	case "keep":
		return []string{"kept"}
	case "lose":
		return []string{"lost"}
	case "take":
		return []string{"took", "taken"}
	case "give":
		return []string{"gave", "given"}
	case "stand":
		return []string{"stood"}
	case "speak":
		return []string{"spoke", "spoken"}
	case "hear":
		return []string{"heard"}
	case "tell":
		return []string{"told"}
	case "know":
		return []string{"knew", "known"}
	case "leave":
		return []string{"left"}
	case "bring":
		return []string{"brought"}
	case "think":
		return []string{"thought"}
	case "teach":
		return []string{"taught"}
	case "fight":
		return []string{"fought"}
	case "shake":
		return []string{"shook", "shaken"}
	case "drive":
		return []string{"drove", "driven"}
	}
	return nil
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func isPlainLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// inflectedSeqs adds to b seq and, for each word of seq that may be inflected, seq with
// that word in each of its other forms; seen holds the sequences already in b. whole says
// that seq is a whole cue (a list entry or a one-element pattern), not one word of a phrase.
func (c *compiler) inflectedSeqs(b seqBuilder, seen map[string]bool, seq []uint32, whole bool) {
	add := func(s []uint32) {
		k := seqKey(s)
		if !seen[k] {
			seen[k] = true
			b.add(s)
		}
	}
	add(seq)
	for k, id := range seq {
		w := c.vocab.words[id]
		if c.uninflected[w] {
			continue
		}
		for _, f := range inflections(w) {
			if whole && len(seq) == 1 && c.known[f] {
				// a one-word cue's other form that the lexicons name elsewhere keeps the
				// meaning they give it there: "asians" does not make "asian" a group
				continue
			}
			v := append([]uint32(nil), seq...)
			v[k] = c.vocab.intern(f)
			add(v)
		}
	}
}

// loadKnown collects every word the lexicons name: the one-word entries of the word
// lists (but the English-detection list, which gives words no meaning) and the words of
// every pattern alternative.
func (c *compiler) loadKnown() {
	c.known = map[string]bool{}
	for _, name := range c.set.ListNames() {
		if name == "english" {
			continue
		}
		for _, e := range c.set.List(name).Entries {
			if !strings.Contains(e.Text, " ") {
				c.known[e.Text] = true
			}
		}
	}
	for _, name := range labelOrder {
		l := c.set.Label(name)
		if l == nil {
			continue
		}
		for _, r := range l.Rules {
			for _, p := range append(append([]lexicons.Pattern(nil), r.Match...), r.With...) {
				for _, e := range p.Elems {
					for _, alt := range e.Alts {
						for _, w := range strings.FieldsFunc(strings.ToLower(alt), func(r rune) bool { return r == ' ' || r == '_' }) {
							c.known[w] = true
						}
					}
				}
			}
		}
	}
}

func seqKey(seq []uint32) string {
	b := make([]byte, 0, 4*len(seq))
	for _, id := range seq {
		b = append(b, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	}
	return string(b)
}
