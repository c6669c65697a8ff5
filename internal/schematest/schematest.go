// Package schematest compiles the record JSON Schema (docs/record.schema.json) and validates
// JSON documents against it, for the tests of every package that writes records.
package schematest

import (
	"bytes"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Compile reads and compiles the JSON Schema at path, with format assertions on, and fails
// tb on any error.
func Compile(tb testing.TB, path string) *jsonschema.Schema {
	tb.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		tb.Fatalf("parse schema %s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("record.schema.json", doc); err != nil {
		tb.Fatalf("add schema %s: %v", path, err)
	}
	s, err := c.Compile("record.schema.json")
	if err != nil {
		tb.Fatalf("compile schema %s: %v", path, err)
	}
	return s
}

// Validate reports whether the JSON document value satisfies s.
func Validate(s *jsonschema.Schema, value []byte) error {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(value))
	if err != nil {
		return err
	}
	return s.Validate(doc)
}
