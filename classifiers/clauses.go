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

func endsSentence(t *token) bool {
	return t.kind == tokPunct && strings.ContainsAny(t.norm, ".!?\n\u2026")
}

func endsClause(t *token) bool {
	return t.kind == tokPunct && strings.ContainsAny(t.norm, ",;:()\u2014\u2013")
}
