package model

import (
	"math"
)

// sparseVec is a post's features as (column, value) pairs over the training vocabulary.
type sparseVec struct {
	idx []int32
	val []float32
}

// lrConfig configures one logistic-regression fit.
type lrConfig struct {
	l2    []float64 // by column: L2 penalty on the weight (the bias has none)
	iters int       // L-BFGS iterations at most
}

// lrFit is a fitted logistic regression.
type lrFit struct {
	w    []float64
	bias float64
}

// fitLR minimises the weighted mean log loss plus Σ l2[c]/2·w[c]² with L-BFGS. ys are 0/1, ws
// the example weights (class balance, auxiliary data); dims is the vocabulary size.
func fitLR(xs []*sparseVec, ys []float64, ws []float64, dims int, cfg lrConfig) lrFit {
	obj := &lrObjective{xs: xs, ys: ys, ws: ws, dims: dims, l2: cfg.l2}
	for _, w := range ws {
		obj.total += w
	}
	theta := minimizeLBFGS(obj, dims+1, cfg.iters)
	return lrFit{w: theta[:dims], bias: theta[dims]}
}

// lrObjective is the penalized log loss; theta is the weights then the bias.
type lrObjective struct {
	xs    []*sparseVec
	ys    []float64
	ws    []float64
	dims  int
	l2    []float64
	total float64
}

// eval returns the objective at theta and writes its gradient into grad.
func (o *lrObjective) eval(theta, grad []float64) float64 {
	clear(grad)
	w, bias := theta[:o.dims], theta[o.dims]
	var loss float64
	for k, x := range o.xs {
		z := bias
		for j, c := range x.idx {
			z += w[c] * float64(x.val[j])
		}
		loss += o.ws[k] * logLoss(z, o.ys[k])
		g := o.ws[k] * (sigmoid(z) - o.ys[k]) / o.total
		for j, c := range x.idx {
			grad[c] += g * float64(x.val[j])
		}
		grad[o.dims] += g
	}
	loss /= o.total
	for c, v := range w {
		loss += o.l2[c] / 2 * v * v
		grad[c] += o.l2[c] * v
	}
	return loss
}

// logLoss is -[y log σ(z) + (1-y) log(1-σ(z))], computed stably.
func logLoss(z, y float64) float64 {
	if z >= 0 {
		return math.Log1p(math.Exp(-z)) + (1-y)*z
	}
	return math.Log1p(math.Exp(z)) - y*z
}

// logit scores one example.
func (f *lrFit) logit(x *sparseVec) float64 {
	z := f.bias
	for j, c := range x.idx {
		z += f.w[c] * float64(x.val[j])
	}
	return z
}

// fitPlatt fits a, b so that 1/(1+exp(a*z+b)) matches the labels ys (Platt 1999, with his
// smoothed targets), by Newton's method with backtracking (Lin, Lin & Weng 2007).
func fitPlatt(zs, ys []float64) (a, b float64) {
	var npos, nneg float64
	for _, y := range ys {
		if y > 0.5 {
			npos++
		} else {
			nneg++
		}
	}
	hi, lo := (npos+1)/(npos+2), 1/(nneg+2)
	ts := make([]float64, len(ys))
	for i, y := range ys {
		ts[i] = lo
		if y > 0.5 {
			ts[i] = hi
		}
	}
	a, b = 0, math.Log((nneg+1)/(npos+1))
	loss := plattLoss(zs, ts, a, b)
	for it := 0; it < 100; it++ {
		ga, gb, haa, hab, hbb := plattGrad(zs, ts, a, b)
		if math.Abs(ga) < 1e-6 && math.Abs(gb) < 1e-6 {
			break
		}
		det := haa*hbb - hab*hab
		da := -(hbb*ga - hab*gb) / det
		db := -(haa*gb - hab*ga) / det
		step := 1.0
		for ; step >= 1e-10; step /= 2 {
			na, nb := a+step*da, b+step*db
			if nl := plattLoss(zs, ts, na, nb); nl < loss+1e-4*step*(ga*da+gb*db) {
				a, b, loss = na, nb, nl
				break
			}
		}
		if step < 1e-10 {
			break
		}
	}
	return a, b
}

// plattLoss is the negative log-likelihood of targets ts under 1/(1+exp(a*z+b)).
func plattLoss(zs, ts []float64, a, b float64) float64 {
	var l float64
	for i, z := range zs {
		u := a*z + b
		// -[t log p + (1-t) log(1-p)] with p = 1/(1+e^u), computed stably
		if u >= 0 {
			l += ts[i]*u + math.Log1p(math.Exp(-u))
		} else {
			l += (ts[i]-1)*u + math.Log1p(math.Exp(u))
		}
	}
	return l
}

// plattGrad is the loss's gradient and Hessian in (a, b), the Hessian slightly ridged.
func plattGrad(zs, ts []float64, a, b float64) (ga, gb, haa, hab, hbb float64) {
	for i, z := range zs {
		p := sigmoid(-(a*z + b))
		d := ts[i] - p
		v := p * (1 - p)
		ga += d * z
		gb += d
		haa += v * z * z
		hab += v * z
		hbb += v
	}
	return ga, gb, haa + 1e-12, hab, hbb + 1e-12
}
