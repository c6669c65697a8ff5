package pipeline_test

import (
	"testing"
	"unicode/utf8"

	"github.com/allystream/allystream/pipeline"
)

// FuzzJSONDecoder checks that the decoder never panics, that every error is an
// *InputError with a known reason, and that accepted posts satisfy the limits.
func FuzzJSONDecoder(f *testing.F) {
	for _, seed := range []string{
		`{"id":"1","text":"hello"}`, `{"id":2,"text":"x","extra":[1,{"a":null}]}`, `[]`, `""`, ``, `{`,
		`{"id":"1","text":12}`, `{"id":{},"text":"t"}`, "{\"id\":\"1\",\"text\":\"\xff\"}", `{"id":"1","text":"\udc00"}`,
		`{"id":"1","text":"   "}`, `  {"id":"1","text":"a"}  `, `null`, `{"id":1e999,"text":"a"}`,
	} {
		f.Add([]byte(seed))
	}
	dec := pipeline.JSONDecoder{Limits: pipeline.Limits{MaxMessageBytes: 4096, MaxTextBytes: 512}}
	known := map[pipeline.Reason]bool{}
	for _, r := range pipeline.Reasons() {
		known[r] = true
	}
	f.Fuzz(func(t *testing.T, value []byte) {
		post, err := dec.Decode(value)
		if err != nil {
			ie, ok := pipeline.AsInputError(err)
			if !ok || !known[ie.Reason] {
				t.Fatalf("Decode(%q) error %v is not an *InputError with a known reason", value, err)
			}
			return
		}
		if post.ID == "" || len(post.Text) > 512 || !utf8.ValidString(post.Text) || len(post.Raw) != len(value) {
			t.Fatalf("Decode(%q) accepted %+v", value, post)
		}
	})
}
