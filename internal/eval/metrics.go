package eval

// Counts is a binary confusion table: gold against predicted.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
}

// Add records one post.
func (c *Counts) Add(gold, predicted bool) {
	switch {
	case gold && predicted:
		c.TP++
	case predicted:
		c.FP++
	case gold:
		c.FN++
	default:
		c.TN++
	}
}

// N is the number of posts counted.
func (c Counts) N() int { return c.TP + c.FP + c.FN + c.TN }

// Precision is TP/(TP+FP), or 0 when nothing was predicted positive.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 0 when there are no gold positives.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 { return f1(c.Precision(), c.Recall()) }

// Kappa is Cohen's kappa between gold and predicted (see the package doc for the degenerate
// case).
func (c Counts) Kappa() float64 {
	return kappa([][]int{{c.TP, c.FN}, {c.FP, c.TN}})
}

func ratio(num, den int) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// kappa computes Cohen's kappa from a square confusion matrix m[gold][predicted].
// It is 1 when every post is on the diagonal, even if expected agreement is also 1.
func kappa(m [][]int) float64 {
	n, diag := 0, 0
	rows := make([]int, len(m))
	cols := make([]int, len(m))
	for i := range m {
		for j, v := range m[i] {
			n += v
			rows[i] += v
			cols[j] += v
		}
		diag += m[i][i]
	}
	if n == 0 || diag == n {
		return boolFloat(diag == n && n > 0)
	}
	po := float64(diag) / float64(n)
	pe := 0.0
	for i := range rows {
		pe += float64(rows[i]) * float64(cols[i]) / (float64(n) * float64(n))
	}
	return (po - pe) / (1 - pe)
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
