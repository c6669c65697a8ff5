// Package validjson carries the proof that bytes are valid JSON, so that input checked once
// (by the decoder) need not be checked again (by the record encoder).
//
// The proof is a type: the only way to obtain a JSON holding bytes is Check, which
// validates them exactly as json.Valid does (only faster). What it cannot prevent is a later write into the checked bytes; the
// pipeline never writes into an input message's value.
package validjson

// JSON is bytes that json.Valid accepts. The zero value holds none and covers nothing.
type JSON struct {
	b []byte
}

// Check returns the proof that raw is valid JSON, as json.Valid decides, or false if it is
// not.
func Check(raw []byte) (JSON, bool) {
	if !valid(raw) {
		return JSON{}, false
	}
	return JSON{b: raw}, true
}

// Covers reports whether raw is exactly the checked bytes: the same memory, not merely equal
// contents, so a slice replaced after the check is never taken for checked.
func (j JSON) Covers(raw []byte) bool {
	return len(raw) > 0 && len(raw) == len(j.b) && &raw[0] == &j.b[0]
}
