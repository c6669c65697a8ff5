package classifiers

import "strings"

// Context windows, in word tokens.
const (
	negWindow     = 3 // a negator this close before a cue cancels it
	subjectWindow = 6 // how far back the subject of a feeling is looked for
)

// negated reports whether a negator stands within negWindow words before token s, in the
// same clause, and is not part of a fixed phrase such as "not only". A word that opens a
// new clause (clause_openers: "and", "because", "how") ends the search: in "I can't
// believe how outrageous this is" and "I don't know why, and I'm furious" nothing negates
// the cue.
func (e *Engine) negated(p *post, s int) bool {
	clause := p.toks[s].clause
	words := 0
	for i := s - 1; i >= 0 && words < negWindow; i-- {
		t := &p.toks[i]
		if t.clause != clause {
			break
		}
		if t.kind != tokWord {
			continue
		}
		if t.flags&fOpener != 0 {
			return false
		}
		words++
		if e.isNegator(t) && !(i+1 < len(p.toks) && p.toks[i+1].flags&fNegException != 0) {
			return true
		}
	}
	return false
}

func (e *Engine) isNegator(t *token) bool {
	return (t.flags|t.altFlags)&fNegator != 0
}

// ownVoice reports whether a cue at tokens [s,e) is in the writer's own voice: not inside
// quotation marks and not after a third party's reporting verb. Outside quotes, a cue that
// starts with a first-person word ("I'm Hispanic") is the writer's.
func (e *Engine) ownVoice(p *post, s, end int) bool {
	if p.inQuotes(p.toks[s].start, p.toks[end-1].end) {
		return false
	}
	return p.toks[s].flags&fFirst != 0 || !e.reported(p, s)
}

// reported looks back through the cue's clause for a reporting verb ("said", "claims")
// whose subject is not the writer. A first-person subject pronoun (fSubject) met first means
// the writer speaks; only a subject ends a report: in "she told me she was heartbroken",
// "me" does not.
// The clause bounds the search: in "I don't care what anyone says, this is outrageous" the
// verb's clause has ended.
func (e *Engine) reported(p *post, s int) bool {
	clause := p.toks[s].clause
	for i := s - 1; i >= 0 && p.toks[i].clause == clause; i-- {
		t := &p.toks[i]
		if t.flags&fSubject != 0 {
			return false
		}
		if t.flags&fReporting != 0 && !notReport(p, i) {
			return !e.firstPersonBefore(p, i)
		}
	}
	return false
}

// notReport reports whether the reporting verb at token i reports no speech: after a
// determiner it is an adjective ("the reported hate crimes"), after a passive auxiliary it
// names the act of reporting someone ("he was reported to HR"), unless "that" follows
// ("it was reported that…").
func notReport(p *post, i int) bool {
	prev := prevWord(p, i)
	if prev < 0 || p.toks[prev].flags&fNotReport == 0 {
		return false
	}
	next := nextWord(p, i)
	return next < 0 || !p.toks[next].reads("that")
}

// nextWord returns the word token after i in the same clause, or -1.
func nextWord(p *post, i int) int {
	for j := i + 1; j < len(p.toks) && p.toks[j].clause == p.toks[i].clause; j++ {
		if p.toks[j].kind == tokWord {
			return j
		}
	}
	return -1
}

// firstPersonBefore reports whether the word just before token i is first person ("I said").
func (e *Engine) firstPersonBefore(p *post, i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if p.toks[j].kind == tokWord {
			return p.toks[j].flags&fFirst != 0
		}
	}
	return false
}

// writerSubject reports whether the feeling or act at tokens [s,end) is the writer's. A
// first-person word in the cue itself ("I hate") decides at once. Otherwise, looking back
// through the clause, a first-person word makes it the writer's and a third-person word
// someone else's. When no pronoun decides and a linking verb stands just before the cue
// ("the neighbours seemed furious"), the part-of-speech tagger is asked whether the word
// before that verb is a noun; only such posts pay for tagging.
func (e *Engine) writerSubject(p *post, s, end int) bool {
	for i := s; i < end; i++ {
		if p.toks[i].flags&fFirst != 0 {
			return true
		}
	}
	if decided, mine := e.pronounSubject(p, s); decided {
		return mine
	}
	return !e.nounSubject(p, s)
}

func (e *Engine) pronounSubject(p *post, s int) (decided, mine bool) {
	clause, words := p.toks[s].clause, 0
	for i := s - 1; i >= 0 && words < subjectWindow && p.toks[i].clause == clause; i-- {
		t := &p.toks[i]
		if t.kind != tokWord {
			continue
		}
		words++
		switch {
		case t.flags&fPossessive != 0 && i+1 < s:
			// "my sister was furious": a possessive before a noun names someone else, but
			// "my heart is so angry", "my blood is boiling": a part of the writer's self
			next := nextWord(p, i)
			return true, next >= 0 && p.toks[next].flags&fSelfPart != 0
		case t.flags&fFirst != 0:
			return true, true
		case t.flags&fThird != 0:
			return true, false
		}
	}
	return false, false
}

// nounSubject reports a noun subject before a linking verb that stands at most two words
// before token s: "protesters were (really) angry".
func (e *Engine) nounSubject(p *post, s int) bool {
	link := e.linkingBefore(p, s)
	if link < 0 {
		return false
	}
	prev := prevWord(p, link)
	return prev >= 0 && strings.HasPrefix(p.tag(prev), "NN")
}

// linkingBefore returns the index of a linking verb within three words before token s in
// its clause, or -1.
func (e *Engine) linkingBefore(p *post, s int) int {
	clause := p.toks[s].clause
	words := 0
	for i := s - 1; i >= 0 && words < 3 && p.toks[i].clause == clause; i-- {
		if p.toks[i].kind != tokWord {
			continue
		}
		words++
		if p.toks[i].flags&fLinking != 0 {
			return i
		}
	}
	return -1
}

// prevWord returns the word token before i in the same clause, or -1.
func prevWord(p *post, i int) int {
	for j := i - 1; j >= 0 && p.toks[j].clause == p.toks[i].clause; j-- {
		if p.toks[j].kind == tokWord {
			return j
		}
	}
	return -1
}

// inQuotes reports whether bytes [start,end) lie inside a pair of double quotation marks.
func (p *post) inQuotes(start, end int) bool {
	if p.quotes == nil {
		p.quotes = findQuotes(p)
	}
	for _, q := range p.quotes {
		if start >= q.start && end <= q.end {
			return true
		}
	}
	return false
}

// findQuotes pairs double quotation marks in order. It returns a non-nil slice.
func findQuotes(p *post) []span {
	out := []span{}
	open := -1
	for i := range p.toks {
		t := &p.toks[i]
		if t.kind != tokPunct || !isDoubleQuote(p.text[t.start:t.end]) {
			continue
		}
		if open < 0 {
			open = t.end
			continue
		}
		out = append(out, span{open, t.start})
		open = -1
	}
	return out
}

func isDoubleQuote(s string) bool { return s == "\"" || s == "\u201c" || s == "\u201d" }
