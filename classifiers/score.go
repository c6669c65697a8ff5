package classifiers

import (
	"math"
	"slices"
	"strings"

	"github.com/allystream/allystream/lexicons"
)

// score turns a post's hits into label results and the speaker role.
//
// A label's score is the noisy-OR of the weights of its distinct rules that fired:
// score = 1 - Π(1 - w_rule), where a rule that fires several times counts once with its
// weight per distinct cue text. Overlapping cues of one label count once (the heavier wins). The score only grows
// as cues are added; the label is present when the score reaches the label's threshold.
func (e *Engine) score(p *post, r *Result) {
	lc := e.collect(p)
	e.applyVetoes(p, lc)
	for i := 0; i < speakerIdx; i++ {
		lr := labelResult(r, i)
		kept := dedupe(lc.cues[i])
		lr.Score = noisyOR(p, kept)
		lr.Present = lr.Score >= e.thresholds[i]
		lr.Evidence = evidence(p, kept)
	}
	e.speaker(p, lc.cues[speakerIdx], r)
}

// dedupe keeps the heaviest of overlapping cues, then orders cues by position. It works in
// place: the kept cues are a prefix of cs.
func dedupe(cs []cue) []cue {
	if len(cs) < 2 {
		return cs
	}
	sortHeaviest(cs)
	kept := cs[:0] // never overtakes the loop, which has read each cue before it is overwritten
	for _, c := range cs {
		if !overlapsAny(c, kept) {
			kept = append(kept, c)
		}
	}
	// kept cues do not overlap, so their starts differ and any sort gives one order
	sortByStart(kept)
	return kept
}

// smallSort is the length up to which cues are sorted by insertion: a label rarely has more.
const smallSort = 24

// sortHeaviest sorts cs heaviest first (heavierCue), keeping the order of equally heavy cues.
func sortHeaviest(cs []cue) {
	if len(cs) > smallSort {
		slices.SortStableFunc(cs, func(a, b cue) int {
			switch {
			case heavierCue(a, b):
				return -1
			case heavierCue(b, a):
				return 1
			}
			return 0
		})
		return
	}
	for i := 1; i < len(cs); i++ {
		c, j := cs[i], i
		for ; j > 0 && heavierCue(c, cs[j-1]); j-- {
			cs[j] = cs[j-1]
		}
		cs[j] = c
	}
}

// sortByStart sorts cs by start byte, keeping the order of cues that start together.
func sortByStart(cs []cue) {
	if len(cs) > smallSort {
		slices.SortStableFunc(cs, func(a, b cue) int { return a.start - b.start })
		return
	}
	for i := 1; i < len(cs); i++ {
		c, j := cs[i], i
		for ; j > 0 && c.start < cs[j-1].start; j-- {
			cs[j] = cs[j-1]
		}
		cs[j] = c
	}
}

// heavierCue orders cues by weight, then by length, heaviest first.
func heavierCue(a, b cue) bool {
	if a.rule.Weight != b.rule.Weight {
		return a.rule.Weight > b.rule.Weight
	}
	return a.end-a.start > b.end-b.start
}

func overlapsAny(c cue, cs []cue) bool {
	for _, o := range cs {
		if c.start < o.end && o.start < c.end {
			return true
		}
	}
	return false
}

// noisyOR combines the weights of the distinct cues among cs: a rule that fires on the
// same words twice counts once, on different words once for each.
func noisyOR(p *post, cs []cue) float64 {
	miss := 1.0
	for i, c := range cs {
		if !repeated(p, cs, i) {
			miss *= 1 - c.rule.Weight
		}
	}
	return round3(1 - miss)
}

// repeated reports whether an earlier cue of the same rule has the same words as cs[i].
func repeated(p *post, cs []cue, i int) bool {
	for j := 0; j < i; j++ {
		if cs[j].rule == cs[i].rule && strings.EqualFold(p.text[cs[j].start:cs[j].end], p.text[cs[i].start:cs[i].end]) {
			return true
		}
	}
	return false
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// evidence renders cues; every span indexes the cleaned text.
func evidence(p *post, cs []cue) []Evidence {
	out := make([]Evidence, 0, len(cs))
	for _, c := range cs {
		out = append(out, Evidence{Cue: p.text[c.start:c.end], Start: c.start, End: c.end, Rule: c.ref})
	}
	return out
}

// speaker decides the speaker role: ally needs an ally self-position plus solidarity (a
// solidarity cue or a present empathy, privilege_framed or disadvantage_framed label, each
// counted with labelSolidarityWeight); member needs a member self-position.
func (e *Engine) speaker(p *post, cs []cue, r *Result) {
	buf := appendRole(p.roleCues[:0], cs, lexicons.RoleAlly)
	nAlly := len(buf)
	buf = appendRole(buf, cs, lexicons.RoleSolidarity)
	nAllySolidarity := len(buf)
	buf = appendRole(buf, cs, lexicons.RoleMember)
	p.roleCues = buf
	allySolidarity, member := buf[:nAllySolidarity], buf[nAllySolidarity:]
	allyScore := 0.0
	if nAlly > 0 {
		allyScore = 1 - (1-noisyOR(p, allySolidarity))*labelSolidarityMiss(r)
	}
	memberScore := noisyOR(p, member)
	th := e.thresholds[speakerIdx]
	switch {
	case allyScore >= th && allyScore > memberScore:
		r.Speaker = SpeakerResult{Role: RoleAlly, Score: round3(allyScore), Evidence: evidence(p, allySolidarity)}
	case memberScore >= th:
		r.Speaker = SpeakerResult{Role: RoleMember, Score: memberScore, Evidence: evidence(p, member)}
	default:
		r.Speaker.Score = round3(1 - math.Max(allyScore, memberScore))
	}
	sortEvidence(r.Speaker.Evidence)
}

// labelSolidarityWeight is what each present empathy, privilege_framed,
// disadvantage_framed or spokesperson label adds to an ally self-position as solidarity
// (dependency-oriented help is still help offered to the group).
const labelSolidarityWeight = 0.3

func labelSolidarityMiss(r *Result) float64 {
	miss := 1.0
	for _, l := range []*LabelResult{&r.Labels.Empathy, &r.Labels.PrivilegeFramed, &r.Labels.DisadvantageFramed, &r.Labels.Spokesperson} {
		if l.Present {
			miss *= 1 - labelSolidarityWeight
		}
	}
	return miss
}

// appendRole appends to dst the cues of cs that have role, without those that overlap a
// heavier one of them, in position order.
func appendRole(dst, cs []cue, role string) []cue {
	n := len(dst)
	for _, c := range cs {
		if c.rule.Role == role {
			dst = append(dst, c)
		}
	}
	return dst[:n+len(dedupe(dst[n:]))]
}

func sortEvidence(ev []Evidence) {
	slices.SortStableFunc(ev, func(a, b Evidence) int { return a.Start - b.Start })
}
