package pipeline

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/allystream/allystream/pipeline/internal/validjson"
)

// legacyDecode is JSONDecoder.Decode as it was before the map-free fast path (commit
// da65e09), kept verbatim as the oracle for FuzzJSONDecoderDifferential.
func legacyDecode(d JSONDecoder, value []byte) (Post, error) {
	if err := d.checkEnvelope(value); err != nil {
		return Post{}, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(value, &fields); err != nil {
		return Post{}, inputErr(ReasonInvalidJSON, "decode post: %v", err)
	}
	id, err := legacyDecodeID(fields["id"])
	if err != nil {
		return Post{}, err
	}
	text, err := legacyDecodeText(d, fields["text"])
	if err != nil {
		return Post{}, err
	}
	return Post{ID: id, Text: text, Raw: json.RawMessage(value)}, nil
}

func legacyDecodeID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", inputErr(ReasonMissingID, `post has no "id"`)
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		if s == "" {
			return "", inputErr(ReasonMissingID, `post "id" is empty`)
		}
		return s, nil
	}
	var n json.Number
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&n); err == nil {
		if _, perr := strconv.ParseFloat(n.String(), 64); perr == nil {
			return n.String(), nil
		}
	}
	return "", inputErr(ReasonInvalidID, `post "id" must be a string or a number, got %s`, jsonKind(raw[0]))
}

func legacyDecodeText(d JSONDecoder, raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", inputErr(ReasonMissingText, `post has no "text"`)
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return "", inputErr(ReasonTextNotStr, `post "text" must be a string, got %s`, jsonKind(raw[0]))
	}
	if !utf8.ValidString(text) {
		return "", inputErr(ReasonInvalidUTF8, `post "text" is not valid UTF-8`)
	}
	if d.Limits.MaxTextBytes > 0 && len(text) > d.Limits.MaxTextBytes {
		return "", inputErr(ReasonTextTooLong, "text is %d bytes, limit %d", len(text), d.Limits.MaxTextBytes)
	}
	if len(bytes.TrimSpace([]byte(text))) == 0 {
		return "", inputErr(ReasonEmptyText, `post "text" is blank`)
	}
	return text, nil
}

var differentialSeeds = []string{
	`{"id":"1","text":"hello"}`, `{"id":2,"text":"x","extra":[1,{"a":null}]}`, `[]`, `""`, ``, `{`,
	`{"id":"1","text":12}`, `{"id":{},"text":"t"}`, "{\"id\":\"1\",\"text\":\"\xff\"}", `{"id":"1","text":"\udc00"}`,
	`{"id":"1","text":"   "}`, `  {"id":"1","text":"a"}  `, `null`, `{"id":1e999,"text":"a"}`,
	`{"id":"1","text":"a","id":"2"}`, `{"\u0069d":"x","te\u0078t":"y"}`, `{"id":"1","text":"a","text":null}`,
	`{ "id" : "a\"b" , "text" : "c\\d\u00e9\n" , "n":{"id":"inner","text":"[}"} }`,
	`{"id":-1.5e3,"text":"\t\u2028 x"}`, `{"id":"","text":"a"}`, `{"id":true,"text":"a"}`,
	`{"id":"1","text":"a"} x`, `{"id":"1","text":"a"}{}`, `{}`, `{"a":[[[]]],"id":[1],"text":"z"}`,
	`{"id":"1","text":"` + strings.Repeat("é", 300) + `"}`, "{\"id\":\"1\",\"text\":\"\u00a0\u3000\"}",
	`{"id":"1","text":"<b>&amp;</b>"}`, `{"ID":"1","Text":"a"}`, `{"id":null,"text":"a"}`,
}

// FuzzJSONDecoderDifferential checks that Decode returns exactly what the map-based decoder
// did: the same post, or an error with the same reason and detail.
func FuzzJSONDecoderDifferential(f *testing.F) {
	for _, s := range differentialSeeds {
		f.Add([]byte(s))
	}
	dec := JSONDecoder{Limits: Limits{MaxMessageBytes: 4096, MaxTextBytes: 512}}
	f.Fuzz(func(t *testing.T, value []byte) {
		got, gerr := dec.Decode(value)
		want, werr := legacyDecode(dec, value)
		if (gerr == nil) != (werr == nil) || (gerr != nil && gerr.Error() != werr.Error()) {
			t.Fatalf("Decode(%q) error %v, legacy %v", value, gerr, werr)
		}
		if gerr == nil {
			if !got.checked.Covers(got.Raw) {
				t.Fatalf("Decode(%q) returned a post without the proof that Raw is valid JSON", value)
			}
			got.checked = validjson.JSON{} // legacyDecode predates the proof
		} else {
			ge, ok1 := AsInputError(gerr)
			we, ok2 := AsInputError(werr)
			if !ok1 || !ok2 || *ge != *we {
				t.Fatalf("Decode(%q) error %#v, legacy %#v", value, ge, we)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Decode(%q) = %#v, legacy %#v", value, got, want)
		}
	})
}
