package pipeline

import (
	"bytes"
	"encoding/json"
)

// topLevelIDText returns the raw values of the top-level "id" and "text" members of value,
// which must be valid JSON (json.Valid) whose first non-space byte is '{'. A missing member
// is nil; of duplicate members the last wins, as with json.Unmarshal into a map. ok is false
// if value is not shaped as expected (the caller then takes the map path).
func topLevelIDText(value []byte) (id, text json.RawMessage, ok bool) {
	i := skipSpace(value, 0)
	if i >= len(value) || value[i] != '{' {
		return nil, nil, false
	}
	i = skipSpace(value, i+1)
	if i < len(value) && value[i] == '}' {
		return nil, nil, true
	}
	for i < len(value) {
		if value[i] != '"' {
			return nil, nil, false
		}
		kEnd, escaped := skipString(value, i)
		if kEnd < 0 {
			return nil, nil, false
		}
		key := value[i:kEnd]
		i = skipSpace(value, kEnd)
		if i >= len(value) || value[i] != ':' {
			return nil, nil, false
		}
		i = skipSpace(value, i+1)
		vEnd := skipValue(value, i)
		if vEnd < 0 {
			return nil, nil, false
		}
		switch keyName(key, escaped) {
		case "id":
			id = value[i:vEnd:vEnd]
		case "text":
			text = value[i:vEnd:vEnd]
		}
		i = skipSpace(value, vEnd)
		if i >= len(value) {
			return nil, nil, false
		}
		switch value[i] {
		case ',':
			i = skipSpace(value, i+1)
		case '}':
			return id, text, true
		default:
			return nil, nil, false
		}
	}
	return nil, nil, false
}

// keyName returns the member name of a quoted key; only names that could be "id" or "text"
// are decoded.
func keyName(quoted []byte, escaped bool) string {
	if !escaped {
		switch string(quoted) {
		case `"id"`:
			return "id"
		case `"text"`:
			return "text"
		}
		return ""
	}
	var s string
	if json.Unmarshal(quoted, &s) != nil {
		return ""
	}
	return s
}

func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the index after the string starting at b[i] == '"', whether it contains
// a backslash escape, or -1.
func skipString(b []byte, i int) (end int, escaped bool) {
	for j := i + 1; j < len(b); {
		k := bytes.IndexAny(b[j:], "\"\\")
		if k < 0 {
			return -1, escaped
		}
		j += k
		if b[j] == '"' {
			return j + 1, escaped
		}
		escaped = true
		j += 2 // a backslash escapes the next byte; \uXXXX's hex digits hold no quote
	}
	return -1, escaped
}

// skipValue returns the index after the JSON value starting at b[i], or -1. b is valid JSON.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		end, _ := skipString(b, i)
		return end
	case '{', '[':
		depth := 0
		for j := i; j < len(b); {
			switch b[j] {
			case '"':
				end, _ := skipString(b, j)
				if end < 0 {
					return -1
				}
				j = end
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
			j++
		}
		return -1
	default: // number, true, false, null
		j := i
		for j < len(b) {
			switch b[j] {
			case ',', '}', ']', ' ', '\t', '\n', '\r':
				return j
			}
			j++
		}
		return j
	}
}

// plainString returns the contents of a JSON string literal without escapes, which decode to
// themselves. raw must come from valid JSON.
func plainString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || bytes.IndexByte(raw[1:len(raw)-1], '\\') >= 0 {
		return "", false
	}
	return string(raw[1 : len(raw)-1]), true
}
