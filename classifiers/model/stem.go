package model

import "bytes"

// stem strips one common English inflection from a normalized word, so that "privileges",
// "privileged" and "privilege" share a feature. The stem is always a prefix of the word
// (a crude, fast stemmer: "stories" becomes "stori"). Short words are left alone.
func stem(w []byte) []byte {
	n := len(w)
	if n < 4 {
		return w
	}
	for _, s := range suffixes {
		if n >= s.minLen && bytes.HasSuffix(w, s.suffix) && s.ok(w[:n-len(s.suffix)]) {
			w = w[:n-len(s.suffix)+s.keep]
			break
		}
	}
	// a final silent e goes too, so "privilege" meets "privileged"
	if len(w) >= 6 && w[len(w)-1] == 'e' {
		w = w[:len(w)-1]
	}
	return w
}

type suffixRule struct {
	suffix []byte
	keep   int // bytes of the suffix kept ("ies" keeps "i")
	minLen int // shortest word the rule applies to
	ok     func(rest []byte) bool
}

func always([]byte) bool { return true }

// sibilant reports whether rest ends like "class", "box", "church", "wish" (which take "es").
func sibilant(rest []byte) bool {
	return bytes.HasSuffix(rest, []byte("s")) || bytes.HasSuffix(rest, []byte("x")) ||
		bytes.HasSuffix(rest, []byte("ch")) || bytes.HasSuffix(rest, []byte("sh"))
}

// plainS reports whether a final s after rest is a plural, not "glass", "bus", "this".
func plainS(rest []byte) bool {
	last := rest[len(rest)-1]
	return last != 's' && last != 'u' && last != 'i' && last != '\''
}

var suffixes = []suffixRule{
	{[]byte("'s"), 0, 4, always},
	{[]byte("s'"), 0, 5, always},
	{[]byte("ies"), 1, 5, always},
	{[]byte("es"), 0, 5, sibilant},
	{[]byte("s"), 0, 4, plainS},
	{[]byte("ing"), 0, 6, always},
	{[]byte("ed"), 0, 5, always},
	{[]byte("ly"), 0, 5, always},
}
