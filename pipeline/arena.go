package pipeline

import "sync"

// slabSize is the capacity of the buffers labeled records are encoded into: room for a few
// dozen typical records.
const slabSize = 64 << 10

// slab is one encode buffer. Records are carved out of it one after another.
type slab struct {
	buf []byte
}

// slabPool recycles slabs from batch to batch. The Worker returns a batch's slabs once the
// Sink has acknowledged the batch: a Sink keeps no reference to an output after Write
// returns, and nothing else reads the encoded records.
type slabPool struct {
	pool sync.Pool
}

func (p *slabPool) get() *slab {
	if s, ok := p.pool.Get().(*slab); ok {
		return s
	}
	return &slab{buf: make([]byte, 0, slabSize)}
}

// put takes back slabs whose records are no longer referenced. A slab whose buffer grew
// past slabSize (a record larger than its estimate) is left to the garbage collector.
func (p *slabPool) put(slabs []*slab) {
	for _, s := range slabs {
		if cap(s.buf) == slabSize {
			s.buf = s.buf[:0]
			p.pool.Put(s)
		}
	}
}

// arena encodes one labeling goroutine's records into slabs from a pool, so a batch costs
// a few allocations instead of one per record. It is not safe for concurrent use.
type arena struct {
	pool  *slabPool
	cur   *slab
	slabs []*slab // every slab taken, to give back with the batch
}

// encode appends r's JSON and its key (r.ID) to the current slab and returns both. Each
// has its capacity cut at its length, so an append to one never writes into the next. A
// record too large to share a slab gets a buffer of its own.
func (a *arena) encode(r *Record) (key, value []byte, err error) {
	need := recordSizeHint(r) + len(r.ID)
	if need > slabSize/4 {
		value, err = MarshalRecord(r)
		key = []byte(r.ID)
		return key[:len(key):len(key)], value[:len(value):len(value)], err
	}
	if a.cur == nil || cap(a.cur.buf)-len(a.cur.buf) < need {
		a.cur = a.pool.get()
		a.slabs = append(a.slabs, a.cur)
	}
	buf := a.cur.buf
	start := len(buf)
	if buf, err = AppendRecord(buf, r); err != nil {
		return nil, nil, err
	}
	mid := len(buf)
	buf = append(buf, r.ID...)
	a.cur.buf = buf
	return buf[mid:len(buf):len(buf)], buf[start:mid:mid], nil
}
