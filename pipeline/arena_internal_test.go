package pipeline

import (
	"bytes"
	"strings"
	"testing"
)

// TestArenaEncode checks that records carved out of one slab are what MarshalRecord
// returns, do not overlap, and that only standard slabs go back to the pool.
func TestArenaEncode(t *testing.T) {
	pool := &slabPool{}
	a := &arena{pool: pool}
	var keys, values [][]byte
	for i := range 200 {
		r := &Record{ID: "id-" + itoa(i), Text: strings.Repeat("é<", i), Post: []byte(`{"a": 1}`)}
		if i == 150 {
			r.Text = strings.Repeat("x", slabSize) // too large to share a slab
		}
		key, value, err := a.encode(r)
		want, werr := MarshalRecord(r)
		if err != nil || werr != nil || !bytes.Equal(value, want) || string(key) != r.ID {
			t.Fatalf("record %d: encode = %q, %q, %v; want %q, %q", i, key, value, err, r.ID, want)
		}
		if cap(key) != len(key) || cap(value) != len(value) {
			t.Fatalf("record %d: room past the end of the key or value", i)
		}
		keys, values = append(keys, key), append(values, value)
	}
	if len(a.slabs) < 2 {
		t.Fatalf("%d slabs for 200 records", len(a.slabs))
	}
	for i := range values { // a later record never overwrote an earlier one
		if string(keys[i]) != "id-"+itoa(i) || !bytes.HasPrefix(values[i], []byte(`{"id":"id-`+itoa(i)+`"`)) {
			t.Fatalf("record %d was overwritten: %q %.40q", i, keys[i], values[i])
		}
	}
	big := &slab{buf: make([]byte, 0, 2*slabSize)}
	pool.put(append(a.slabs, big))
	for range len(a.slabs) + 1 {
		if s := pool.get(); s == big || len(s.buf) != 0 || cap(s.buf) != slabSize {
			t.Fatalf("pool returned a slab of len %d, cap %d", len(s.buf), cap(s.buf))
		}
	}
}

// TestKafkaSinkMessages checks the conversion to kafka-go messages: topics by kind, shared
// headers converted once, and the slice reused.
func TestKafkaSinkMessages(t *testing.T) {
	s := &KafkaSink{outputTopic: "out", dlqTopic: "dlq"}
	shared := recordHeaders()
	outs := []Output{
		{Key: []byte("a"), Value: []byte("1"), Headers: shared},
		{Key: []byte("b"), Value: []byte("2"), Headers: shared},
		{DeadLetter: true, Value: []byte("3"), Headers: []Header{{HeaderReason, []byte("empty_value")}}},
		{Key: []byte("c"), Value: []byte("4"), Headers: shared},
	}
	msgs := s.messages(outs)
	for i, want := range []string{"out", "out", "dlq", "out"} {
		if msgs[i].Topic != want || !bytes.Equal(msgs[i].Value, outs[i].Value) || !bytes.Equal(msgs[i].Key, outs[i].Key) {
			t.Errorf("message %d = %+v", i, msgs[i])
		}
		if len(msgs[i].Headers) != len(outs[i].Headers) || msgs[i].Headers[0].Key != outs[i].Headers[0].Key {
			t.Errorf("message %d headers = %+v", i, msgs[i].Headers)
		}
	}
	if &msgs[0].Headers[0] != &msgs[1].Headers[0] || &msgs[1].Headers[0] == &msgs[3].Headers[0] {
		t.Error("shared headers of consecutive outputs not converted exactly once")
	}
	clear(msgs)
	if again := s.messages(outs[:2]); &again[0] != &msgs[0] {
		t.Error("messages slice not reused")
	}
}
