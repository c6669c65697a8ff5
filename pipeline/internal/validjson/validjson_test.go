package validjson

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestCheckAndCovers(t *testing.T) {
	raw := []byte(`{"id":"1","text":"a"}`)
	j, ok := Check(raw)
	if !ok || !j.Covers(raw) {
		t.Fatalf("Check(%s) = %v, %v; want a proof covering it", raw, j, ok)
	}
	if j.Covers(append([]byte(nil), raw...)) {
		t.Error("covers an equal copy")
	}
	if j.Covers(raw[:len(raw)-1]) || j.Covers(raw[1:]) {
		t.Error("covers a sub-slice")
	}
	for _, bad := range []string{``, `{`, `{"a":}`, `[1,]`} {
		if p, ok := Check([]byte(bad)); ok || p.Covers([]byte(bad)) {
			t.Errorf("Check(%q) accepted", bad)
		}
	}
	var zero JSON
	if zero.Covers(nil) || zero.Covers([]byte{}) || zero.Covers(raw) {
		t.Error("the zero JSON covers something")
	}
}

var validSeeds = []string{
	`{"id":"1","text":"a"}`, " {\t\"a\" : [ 1 , -2.5e+3 , true , false , null , { } , [ ] ] }\r\n", `[]`, `{}`,
	`"\u00e9\"\\\/\b\f\n\r\t"`, `0`, `-0`, `1.0`, `1e5`, `1E-5`, `""`, `[[[[{"a":[{}]}]]]]`,
	"\"\xff\xfe\"", `{"a":1,}`, `[1,]`, `01`, `1.`, `.5`, `-`, `1e`, `+1`, `tru`, `nul`, `[`, `{"a"}`,
	`{"a":1 "b":2}`, `{1:2}`, `"\x"`, `"\u12G4"`, "\"\x1f\"", `[1]]`, `{}}`, `{"a":[}`, `[1 2]`, ``, ` `,
	`"abc`, `{"a":"b"`, `1 2`, `true false`,
}

// FuzzValid checks that Check decides exactly as json.Valid does.
func FuzzValid(f *testing.F) {
	for _, s := range validSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := valid(b), json.Valid(b); got != want {
			t.Fatalf("valid(%q) = %v, json.Valid %v", b, got, want)
		}
	})
}

// TestValidDeep covers nesting past maxDepth, which is left to json.Valid, and past
// json.Valid's own limit.
func TestValidDeep(t *testing.T) {
	for _, n := range []int{maxDepth - 1, maxDepth, maxDepth + 1, 10000, 10001} {
		for _, s := range []string{strings.Repeat("[", n) + strings.Repeat("]", n), strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n)} {
			if got, want := valid([]byte(s)), json.Valid([]byte(s)); got != want {
				t.Errorf("depth %d: valid = %v, json.Valid %v", n, got, want)
			}
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	post := []byte(`{"author":"user42","created_at":"2026-06-01T12:00:00Z","id":"b-42","lang":"en","platform":"bench",` +
		`"text":"As a white person I benefit from a system built for people who look like me. We must be the voice for those who can't speak.",` +
		`"n":[1,2.5,-3e2,{"deep":[true,false,null]}]}`)
	b.Run("Check", func(b *testing.B) {
		for b.Loop() {
			Check(post)
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		for b.Loop() {
			json.Valid(post)
		}
	})
}
