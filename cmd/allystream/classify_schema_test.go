package main

import (
	"bufio"
	"strings"
	"testing"

	"github.com/allystream/allystream/internal/schematest"
)

// TestClassifyRecordsMatchSchema validates every record that "classify" writes against
// docs/record.schema.json, the contract shared with the streaming output.
func TestClassifyRecordsMatchSchema(t *testing.T) {
	schema := schematest.Compile(t, "../../docs/record.schema.json")
	in := `{"id":"1","text":"As a white person, my heart breaks. I am furious!","extra":{"a":[1,2]}}
{"id":2,"text":"<p>Women are still paid less for the same work &amp; it's disgusting 😡</p>"}
{"id":"3","text":"Je suis absolument furieux contre cette injustice, c'est honteux."}
{"id":"4","text":"` + strings.Repeat("ok ", 2000) + `"}
`
	code, out, stderr := offlineRun(t, in, "classify", "--input", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		n++
		if err := schematest.Validate(schema, sc.Bytes()); err != nil {
			t.Errorf("record %d does not match the schema: %v", n, err)
		}
	}
	if n != 4 {
		t.Fatalf("%d records, want 4", n)
	}
}
