package classifiers

import "strings"

// markClauses numbers sentences and clauses. A sentence ends after . ! ? …, at a line break
// or at the stray n of a stripped one (glued.go);
// a clause also ends after , ; : and before "but".
func markClauses(toks []token, text string) {
	var sent, clause int32
	for i := range toks {
		t := &toks[i]
		if i > 0 {
			prev := &toks[i-1]
			switch {
			case (endsSentence(prev) && !endsSentence(t)) || strings.ContainsRune(text[prev.end:t.start], '\n'):
				sent++
				clause++
			case endsClause(prev) || t.norm == "but":
				clause++
			}
		}
		t.sent, t.clause = sent, clause
	}
}

// splitRunOnSentences starts a new sentence where a run-on post leaves out the period: at
// a capitalized sentence opener (sentence_openers: "We", "They", "The") right after a
// lower-case word, as in "this is wrong We need to act". Windows and matches then stop
// there, as at a period. It renumbers the sentences and clauses markClauses gave, after
// flagWords.
func splitRunOnSentences(toks []token, text string) {
	var shift int32
	for i := 1; i < len(toks); i++ {
		t, prev := &toks[i], &toks[i-1]
		if t.flags&fSentOpener != 0 && t.kind == tokWord && prev.kind == tokWord && t.sent == prev.sent &&
			t.hashtag == 0 && prev.hashtag == 0 && isTitleWord(text[t.start:t.end]) && isLowerWord(text[prev.start:prev.end]) {
			shift++
		}
		t.sent += shift
		t.clause += shift
	}
}

// isTitleWord reports an ASCII word of two or more letters with only its first capitalized.
func isTitleWord(w string) bool {
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// isLowerWord reports an ASCII word of lower-case letters (and apostrophes).
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '\'' {
			return false
		}
	}
	return w != ""
}

func endsSentence(t *token) bool {
	return t.kind == tokPunct && strings.ContainsAny(t.norm, ".!?\n\u2026")
}

func endsClause(t *token) bool {
	return t.kind == tokPunct && strings.ContainsAny(t.norm, ",;:()\u2014\u2013")
}
