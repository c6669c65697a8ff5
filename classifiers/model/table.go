package model

// table maps feature hashes to rows of weights (one column per model-mode decision) with
// open addressing: lookups do not allocate and touch one or two cache lines.
type table struct {
	keys    []uint64 // 0 = empty slot
	rows    []int32
	mask    uint64
	weights []float32 // row-major, width columns
	width   int
	names   []string // by row: the feature's name, for evidence
}

// newTable makes a table for n rows of width columns.
func newTable(n, width int) table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return table{keys: make([]uint64, size), rows: make([]int32, size), mask: uint64(size - 1),
		weights: make([]float32, 0, n*width), width: width}
}

// nonZero keeps 0 free as the empty-slot marker.
func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// insert adds a row for the named feature; it reports false if it is already there.
func (t *table) insert(name string, ws []float32) bool {
	h := nonZero(hashString(name))
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i] = h
			t.rows[i] = int32(len(t.weights) / t.width)
			t.weights = append(t.weights, ws...)
			t.names = append(t.names, name)
			return true
		case h:
			return false
		}
	}
}

// lookup returns h's row, or -1.
func (t *table) lookup(h uint64) int {
	if len(t.keys) == 0 {
		return -1
	}
	h = nonZero(h)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			return -1
		case h:
			return int(t.rows[i])
		}
	}
}
