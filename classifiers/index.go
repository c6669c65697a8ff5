package classifiers

// firstIndex holds the patterns that can start at one token, split by the token that must
// follow it, so a common first word ("i", "we") does not try every pattern that starts with it.
type firstIndex struct {
	any      []*cpattern            // patterns whose second token is not fixed
	bySecond map[string][]*cpattern // second token -> patterns
}

// indexPattern files cp under each token it can start with.
func (e *Engine) indexPattern(cp *cpattern) {
	for first := range cp.elems[0].set.byFirst {
		fi := e.index[first]
		if fi == nil {
			fi = &firstIndex{bySecond: map[string][]*cpattern{}}
			e.index[first] = fi
		}
		seconds, fixed := secondTokens(cp, first)
		if !fixed {
			fi.any = append(fi.any, cp)
			continue
		}
		for _, s := range seconds {
			if !containsPattern(fi.bySecond[s], cp) {
				fi.bySecond[s] = append(fi.bySecond[s], cp)
			}
		}
	}
}

// secondTokens lists the tokens that can follow first in a match of cp, or reports that
// any token can (the next element is a wildcard, a tag or absent).
func secondTokens(cp *cpattern, first string) ([]string, bool) {
	var out []string
	needNext := false
	for _, seq := range cp.elems[0].set.byFirst[first] {
		if len(seq) >= 2 {
			out = append(out, seq[1])
		} else {
			needNext = true
		}
	}
	if !needNext {
		return out, true
	}
	if len(cp.elems) < 2 || cp.elems[1].set == nil {
		return nil, false
	}
	for k := range cp.elems[1].set.byFirst {
		out = append(out, k)
	}
	return out, true
}

func containsPattern(list []*cpattern, cp *cpattern) bool {
	for _, x := range list {
		if x == cp {
			return true
		}
	}
	return false
}

// tryIndexed runs the patterns filed under key that can start at token i.
func (e *Engine) tryIndexed(p *post, key string, i int) {
	fi := e.index[key]
	if fi == nil {
		return
	}
	e.tryAll(p, fi.any, i)
	if i+1 >= len(p.toks) {
		return
	}
	next := &p.toks[i+1]
	e.tryAll(p, fi.bySecond[next.norm], i)
	if next.alt != "" {
		e.tryAll(p, fi.bySecond[next.alt], i)
	}
}
