package eval

import "github.com/allystream/allystream/classifiers"

// Roles lists the speaker roles in the order used by the confusion matrix.
func Roles() []string {
	return []string{classifiers.RoleAlly, classifiers.RoleMember, classifiers.RoleUnknown}
}

// SpeakerStats scores the speaker role over the posts whose gold codes it.
type SpeakerStats struct {
	N        int     `json:"n"`
	Accuracy float64 `json:"accuracy"`
	Kappa    float64 `json:"kappa"`
	// Roles holds one-vs-rest scores for ally, member and unknown, in that order.
	Roles []RoleStats `json:"roles"`
	// Order names the rows and columns of Confusion.
	Order []string `json:"order"`
	// Confusion[g][p] counts posts coded Order[g] and predicted Order[p].
	Confusion [][]int `json:"confusion"`
}

// RoleStats is one role scored one-vs-rest.
type RoleStats struct {
	Role      string  `json:"role"`
	Support   int     `json:"support"`
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// PrecisionCI and RecallCI are 95% Wilson intervals.
	PrecisionCI Interval `json:"precision_ci95"`
	RecallCI    Interval `json:"recall_ci95"`
	Counts
}

// speakerTally accumulates the 3×3 matrix.
type speakerTally struct {
	m [][]int
}

func newSpeakerTally() *speakerTally {
	m := make([][]int, len(Roles()))
	for i := range m {
		m[i] = make([]int, len(Roles()))
	}
	return &speakerTally{m: m}
}

// add records one post. A predicted role outside the three is counted as unknown.
func (t *speakerTally) add(gold, predicted string) {
	t.m[roleIndex(gold)][roleIndex(predicted)]++
}

func roleIndex(role string) int {
	for i, r := range Roles() {
		if r == role {
			return i
		}
	}
	return len(Roles()) - 1
}

func (t *speakerTally) stats() *SpeakerStats {
	s := &SpeakerStats{Order: Roles(), Confusion: t.m}
	diag := 0
	for i := range t.m {
		for _, v := range t.m[i] {
			s.N += v
		}
		diag += t.m[i][i]
	}
	s.Accuracy = ratio(diag, s.N)
	s.Kappa = kappa(t.m)
	for i, role := range Roles() {
		s.Roles = append(s.Roles, t.roleStats(i, role))
	}
	return s
}

func (t *speakerTally) roleStats(k int, role string) RoleStats {
	n, row, col := 0, 0, 0
	for g := range t.m {
		for p, v := range t.m[g] {
			n += v
			if g == k {
				row += v
			}
			if p == k {
				col += v
			}
		}
	}
	tp := t.m[k][k]
	c := Counts{TP: tp, FN: row - tp, FP: col - tp, TN: n - row - col + tp}
	return RoleStats{Role: role, Support: row, Predicted: col,
		Precision: c.Precision(), Recall: c.Recall(), F1: c.F1(),
		PrecisionCI: c.PrecisionCI(), RecallCI: c.RecallCI(), Counts: c}
}
