package model

import "math"

// objective is a smooth function to minimise: eval returns f(x) and writes ∇f(x) to grad.
type objective interface {
	eval(x, grad []float64) float64
}

// lbfgsMemory is how many past steps L-BFGS keeps.
const lbfgsMemory = 8

// minimizeLBFGS minimises f from x = 0 with limited-memory BFGS and a backtracking
// (Armijo) line search, for at most iters iterations or until the gradient is tiny.
func minimizeLBFGS(f objective, n, iters int) []float64 {
	x := make([]float64, n)
	g := make([]float64, n)
	fx := f.eval(x, g)
	var ss, ys [][]float64
	var rhos []float64
	d := make([]float64, n)
	xn := make([]float64, n)
	gn := make([]float64, n)
	for it := 0; it < iters && norm(g) > 1e-6; it++ {
		direction(d, g, ss, ys, rhos)
		slope := dot(d, g)
		if slope >= 0 { // not a descent direction: restart from steepest descent
			ss, ys, rhos = nil, nil, nil
			for i := range d {
				d[i] = -g[i]
			}
			slope = dot(d, g)
		}
		step, fn := 1.0, 0.0
		for ; step > 1e-12; step /= 2 {
			for i := range x {
				xn[i] = x[i] + step*d[i]
			}
			if fn = f.eval(xn, gn); fn <= fx+1e-4*step*slope {
				break
			}
		}
		if step <= 1e-12 {
			break
		}
		s, y := make([]float64, n), make([]float64, n)
		for i := range x {
			s[i], y[i] = xn[i]-x[i], gn[i]-g[i]
		}
		if sy := dot(s, y); sy > 1e-12 {
			ss, ys, rhos = appendMemory(ss, s), appendMemory(ys, y), append(rhos, 1/sy)
			if len(rhos) > lbfgsMemory {
				rhos = rhos[1:]
			}
		}
		copy(x, xn)
		copy(g, gn)
		if math.Abs(fx-fn) < 1e-10*math.Max(1, math.Abs(fx)) {
			fx = fn
			break
		}
		fx = fn
	}
	return x
}

func appendMemory(m [][]float64, v []float64) [][]float64 {
	m = append(m, v)
	if len(m) > lbfgsMemory {
		m = m[1:]
	}
	return m
}

// direction writes the L-BFGS search direction -H·g into d (two-loop recursion).
func direction(d, g []float64, ss, ys [][]float64, rhos []float64) {
	copy(d, g)
	alpha := make([]float64, len(ss))
	for i := len(ss) - 1; i >= 0; i-- {
		alpha[i] = rhos[i] * dot(ss[i], d)
		axpy(-alpha[i], ys[i], d)
	}
	if k := len(ss) - 1; k >= 0 {
		scale(d, dot(ss[k], ys[k])/dot(ys[k], ys[k]))
	}
	for i := range ss {
		beta := rhos[i] * dot(ys[i], d)
		axpy(alpha[i]-beta, ss[i], d)
	}
	scale(d, -1)
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func norm(a []float64) float64 { return math.Sqrt(dot(a, a)) }

func axpy(k float64, x, y []float64) {
	for i := range x {
		y[i] += k * x[i]
	}
}

func scale(x []float64, k float64) {
	for i := range x {
		x[i] *= k
	}
}
