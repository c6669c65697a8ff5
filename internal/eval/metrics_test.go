package eval

import (
	"math"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCountsMetrics(t *testing.T) {
	tests := []struct {
		name                  string
		c                     Counts
		precision, recall, f1 float64
		kappa                 float64
	}{
		{"all negative agree perfectly", Counts{TN: 10}, 0, 0, 0, 1},
		{"perfect agreement", Counts{TP: 3, TN: 7}, 1, 1, 1, 1},
		{"all positive agree perfectly", Counts{TP: 4}, 1, 1, 1, 1},
		// po = .7, pe = .4*.3 + .6*.7 = .54, kappa = .16/.46
		{"mixed", Counts{TP: 2, FP: 1, FN: 2, TN: 5}, 2.0 / 3, 0.5, 4.0 / 7, 0.16 / 0.46},
		// gold all negative, two false positives: po = pe = .8
		{"gold all negative with false positives", Counts{FP: 2, TN: 8}, 0, 0, 0, 0},
		// gold positives never predicted: po = .9, pe = .9
		{"nothing predicted", Counts{FN: 1, TN: 9}, 0, 0, 0, 0},
		// po = 0, pe = .5
		{"always wrong", Counts{FP: 5, FN: 5}, 0, 0, 0, -1},
		{"no posts", Counts{}, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := []float64{tt.c.Precision(), tt.c.Recall(), tt.c.F1(), tt.c.Kappa()}
			want := []float64{tt.precision, tt.recall, tt.f1, tt.kappa}
			for i, name := range []string{"precision", "recall", "F1", "kappa"} {
				if !near(got[i], want[i]) {
					t.Errorf("%s = %v, want %v", name, got[i], want[i])
				}
			}
		})
	}
}

func TestCountsAdd(t *testing.T) {
	var c Counts
	for _, p := range [][2]bool{{true, true}, {false, true}, {true, false}, {false, false}, {false, false}} {
		c.Add(p[0], p[1])
	}
	if want := (Counts{TP: 1, FP: 1, FN: 1, TN: 2}); c != want {
		t.Fatalf("counts = %+v, want %+v", c, want)
	}
	if c.N() != 5 {
		t.Fatalf("N = %d, want 5", c.N())
	}
}

func TestSpeakerStats(t *testing.T) {
	tally := newSpeakerTally()
	// gold rows ally, member, unknown; predicted columns in the same order.
	m := [][]int{{2, 0, 1}, {0, 1, 1}, {1, 0, 4}}
	for g, row := range m {
		for p, n := range row {
			for range n {
				tally.add(Roles()[g], Roles()[p])
			}
		}
	}
	s := tally.stats()
	if s.N != 10 || !near(s.Accuracy, 0.7) {
		t.Errorf("n, accuracy = %d, %v; want 10, 0.7", s.N, s.Accuracy)
	}
	// pe = (3*3 + 2*1 + 5*6) / 100 = .41
	if want := 0.29 / 0.59; !near(s.Kappa, want) {
		t.Errorf("kappa = %v, want %v", s.Kappa, want)
	}
	want := []struct {
		role              string
		support, pred     int
		precision, recall float64
		f1                float64
	}{
		{"ally", 3, 3, 2.0 / 3, 2.0 / 3, 2.0 / 3},
		{"member", 2, 1, 1, 0.5, 2.0 / 3},
		{"unknown", 5, 6, 4.0 / 6, 0.8, 16.0 / 22},
	}
	for i, w := range want {
		got := s.Roles[i]
		if got.Role != w.role || got.Support != w.support || got.Predicted != w.pred ||
			!near(got.Precision, w.precision) || !near(got.Recall, w.recall) || !near(got.F1, w.f1) {
			t.Errorf("role %d = %+v, want %+v", i, got, w)
		}
		if got.N() != 10 {
			t.Errorf("role %s counts cover %d posts, want 10", got.Role, got.N())
		}
	}
}

func TestSpeakerUnexpectedRoleCountsAsUnknown(t *testing.T) {
	tally := newSpeakerTally()
	tally.add("unknown", "")
	tally.add("ally", "bogus")
	s := tally.stats()
	if s.Confusion[2][2] != 1 || s.Confusion[0][2] != 1 {
		t.Fatalf("confusion = %v", s.Confusion)
	}
}

func TestWilsonInterval(t *testing.T) {
	tests := []struct {
		name     string
		x, n     int
		low, hig float64
	}{
		{"half of ten", 5, 10, 0.2366, 0.7634},
		{"none of four", 0, 4, 0, 0.4899},
		{"all of four", 4, 4, 0.5101, 1},
		{"no trials", 0, 0, 0, 1},
		{"nine of ten", 9, 10, 0.5958, 0.9821},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := wilson(tt.x, tt.n)
			if math.Abs(got[0]-tt.low) > 5e-5 || math.Abs(got[1]-tt.hig) > 5e-5 {
				t.Errorf("wilson(%d, %d) = %v, want [%v %v]", tt.x, tt.n, got, tt.low, tt.hig)
			}
		})
	}
	c := Counts{TP: 9, FP: 1, FN: 5, TN: 100}
	if c.PrecisionCI() != wilson(9, 10) || c.RecallCI() != wilson(9, 14) {
		t.Errorf("Counts intervals = %v %v", c.PrecisionCI(), c.RecallCI())
	}
}
