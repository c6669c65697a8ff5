package postag

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// readWeights builds a Tagger from prose's weights.gob, the gob encoding of a
// map[string]map[string]float64 (feature -> class -> weight), read straight from gob's wire
// format instead of through encoding/gob's reflection and 75,000 inner maps. The stream
// is type definitions (messages with negative type ids, skipped) and then one value
// message: a zero field delta, the feature count, and per feature its key, its class
// count, and per class its name and weight. TestReadWeightsMatchesGob checks the result
// against encoding/gob's.
func readWeights(b []byte, classes []string, tags map[string]string) (*Tagger, error) {
	in := gobReader{b: b}
	for len(in.b) > 0 {
		msg := gobReader{b: in.bytes()}
		id := msg.int()
		if err := errors.Join(in.err, msg.err); err != nil {
			return nil, err
		}
		if id < 0 {
			continue // a type definition
		}
		t, err := readWeightMap(&msg, classes, tags)
		if err != nil {
			return nil, err
		}
		if len(in.b) > 0 {
			return nil, errors.New("data after the weights")
		}
		return t, nil
	}
	return nil, errors.New("no weights in the stream")
}

// readWeightMap reads the value message's body.
func readWeightMap(msg *gobReader, classes []string, tags map[string]string) (*Tagger, error) {
	if delta := msg.uint(); delta != 0 {
		return nil, fmt.Errorf("value starts with field delta %d, want 0", delta)
	}
	n := msg.count()
	bld, err := newBuilder(classes, tags, n)
	if err != nil {
		return nil, err
	}
	for range n {
		r := bld.addRow(string(msg.bytes()))
		for range msg.count() {
			class, w := msg.bytes(), msg.float()
			if msg.err != nil {
				break
			}
			if err := bld.set(r, class, w); err != nil {
				return nil, err
			}
		}
	}
	if msg.err == nil && len(msg.b) > 0 {
		msg.err = errors.New("data after the weight map")
	}
	if msg.err != nil {
		return nil, msg.err
	}
	return bld.done(), nil
}

// gobReader reads gob's primitive encodings; after an error it reads zeros and keeps the
// first error.
type gobReader struct {
	b   []byte
	err error
}

func (r *gobReader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("truncated or malformed gob: bad %s", what)
	}
	r.b = nil
}

// uint reads an unsigned integer: one byte below 0x80, else a byte holding minus the
// number of big-endian bytes that follow.
func (r *gobReader) uint() uint64 {
	if len(r.b) == 0 {
		r.fail("unsigned integer")
		return 0
	}
	c := r.b[0]
	if c < 0x80 {
		r.b = r.b[1:]
		return uint64(c)
	}
	n := int(-int8(c))
	if n < 1 || n > 8 || len(r.b) < 1+n {
		r.fail("unsigned integer")
		return 0
	}
	var u uint64
	for _, x := range r.b[1 : 1+n] {
		u = u<<8 | uint64(x)
	}
	r.b = r.b[1+n:]
	return u
}

// int reads a signed integer: the sign in the low bit, complemented when negative.
func (r *gobReader) int() int64 {
	u := r.uint()
	if u&1 != 0 {
		return ^int64(u >> 1)
	}
	return int64(u >> 1)
}

// count reads a length, which must fit in what is left (every item takes a byte at least).
func (r *gobReader) count() int {
	u := r.uint()
	if u > uint64(len(r.b)) {
		r.fail("count")
		return 0
	}
	return int(u)
}

// bytes reads a length-prefixed byte string (a gob string, or a message).
func (r *gobReader) bytes() []byte {
	n := r.count()
	s := r.b[:n:n]
	r.b = r.b[n:]
	return s
}

// float reads a float64: an unsigned integer holding its bits byte-reversed.
func (r *gobReader) float() float64 {
	return math.Float64frombits(bits.ReverseBytes64(r.uint()))
}
