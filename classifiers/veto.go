package classifiers

import "github.com/allystream/allystream/lexicons"

// applyVetoes drops the cues of each label that one of its vetoes covers. A speaker veto
// with a role drops only cues of that role.
func (e *Engine) applyVetoes(p *post, lc *labelCues) {
	for label := range lc.cues {
		if len(lc.vetoes[label]) == 0 {
			continue
		}
		kept := lc.cues[label][:0]
		for _, c := range lc.cues[label] {
			if !vetoed(p, c, lc.vetoes[label]) {
				kept = append(kept, c)
			}
		}
		lc.cues[label] = kept
	}
}

func vetoed(p *post, c cue, vetoes []cue) bool {
	for _, v := range vetoes {
		if v.rule.Role != "" && v.rule.Role != c.rule.Role {
			continue
		}
		if covers(p, v, c) {
			return true
		}
	}
	return false
}

// covers reports whether veto v's scope includes cue c.
func covers(p *post, v, c cue) bool {
	switch v.rule.Scope {
	case lexicons.ScopeMatch:
		return c.start < v.end && v.start < c.end
	case lexicons.ScopeClause:
		return p.toks[c.s].clause == p.toks[v.s].clause || p.toks[c.e-1].clause == p.toks[v.s].clause
	case lexicons.ScopeSentence:
		return p.toks[c.s].sent == p.toks[v.s].sent || p.toks[c.e-1].sent == p.toks[v.s].sent
	}
	return true
}
