package classifiers

import (
	"reflect"
	"testing"
)

func TestTokenize(t *testing.T) {
	a := testEngine(t).a
	tests := []struct {
		text string
		want []string // token norms
	}{
		{"because they can't.", []string{"because", "they", "ca", "n't", "."}},
		{"I don’t think so", []string{"i", "do", "n't", "think", "so"}},
		{"sooo angry😡😡", []string{"soo", "angry", "😡", "😡"}},
		{"#CheckYourPrivilege now", []string{"check", "your", "privilege", "now"}},
		{"absolutes.Fuck that", []string{"absolutes", ".", "fuck", "that"}},
		{"the U.S. is", []string{"the", "u.s.", "is"}},
		{"@bob see https://x.example/a", []string{"", "see", ""}},
	}
	for _, tt := range tests {
		toks, _ := a.tokenize(tt.text, nil, nil)
		var got []string
		for _, tok := range toks {
			got = append(got, tok.norm)
			if tok.start < 0 || tok.end > len(tt.text) || tok.start >= tok.end {
				t.Errorf("%q: bad span %d:%d", tt.text, tok.start, tok.end)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: tokens %q, want %q", tt.text, got, tt.want)
		}
	}
}
