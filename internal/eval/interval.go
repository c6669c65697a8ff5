package eval

import (
	"fmt"
	"math"
)

// Interval is a 95% confidence interval [low, high] for a proportion.
type Interval [2]float64

// z95 is the standard-normal quantile for a two-sided 95% interval.
const z95 = 1.959963984540054

// String formats the interval as "[0.123, 0.456]".
func (i Interval) String() string { return fmt.Sprintf("[%.3f, %.3f]", i[0], i[1]) }

// wilson returns the Wilson score interval for x successes in n trials: unlike the normal
// approximation it stays inside [0, 1] and is informative for the small supports that rare
// labels have. With no trials it is [0, 1].
func wilson(x, n int) Interval {
	if n == 0 {
		return Interval{0, 1}
	}
	p, nf, z2 := float64(x)/float64(n), float64(n), z95*z95
	denom := 1 + z2/nf
	center := (p + z2/(2*nf)) / denom
	half := z95 * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf)) / denom
	return Interval{math.Max(0, center-half), math.Min(1, center+half)}
}

// PrecisionCI is the 95% Wilson interval of the precision.
func (c Counts) PrecisionCI() Interval { return wilson(c.TP, c.TP+c.FP) }

// RecallCI is the 95% Wilson interval of the recall.
func (c Counts) RecallCI() Interval { return wilson(c.TP, c.TP+c.FN) }
