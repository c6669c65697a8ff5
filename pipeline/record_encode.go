package pipeline

import (
	"encoding/json"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline/internal/validjson"
)

// MarshalRecord encodes r as JSON. It returns exactly the bytes json.Marshal(r) would (HTML
// escaping, float formatting, null for nil slices and compacted Post included), without
// reflection and with a single allocation in the common case; anything it cannot reproduce
// (a non-finite score, a year outside 0-9999, an invalid Post) is left to json.Marshal,
// errors included. A Post that JSONDecoder accepted is not validated again.
func MarshalRecord(r *Record) ([]byte, error) {
	return AppendRecord(make([]byte, 0, recordSizeHint(r)), r)
}

// AppendRecord appends r's JSON, exactly as MarshalRecord returns it, to b and returns the
// extended buffer; on error it returns b unchanged.
func AppendRecord(b []byte, r *Record) ([]byte, error) {
	out, ok := appendRecord(b, r)
	if ok {
		return out, nil
	}
	rc := *r // a copy, so that r does not escape to the heap on the common path
	enc, err := json.Marshal(&rc)
	if err != nil {
		return b, err
	}
	return append(b, enc...), nil
}

func recordSizeHint(r *Record) int {
	n := 640 + len(r.ID) + len(r.Text) + len(r.Post) + len(r.LexiconVersion) + len(r.ModelVersion) + len(r.Source.Topic) + len(r.Source.File)
	n += evidenceSize(r.Speaker.Evidence)
	l := &r.Labels
	for _, lr := range [...]*classifiers.LabelResult{&l.Empathy, &l.Anger, &l.PrivilegeFramed, &l.DisadvantageFramed, &l.Spokesperson} {
		n += evidenceSize(lr.Evidence)
	}
	return n + n/16
}

func evidenceSize(ev []classifiers.Evidence) int {
	n := 0
	for i := range ev {
		n += 48 + len(ev[i].Cue) + len(ev[i].Rule)
	}
	return n
}

// appendRecord appends r's JSON to b; ok is false if json.Marshal must handle r.
func appendRecord(b []byte, r *Record) (_ []byte, ok bool) {
	b = append(b, `{"id":`...)
	b = appendString(b, r.ID)
	b = append(b, `,"text":`...)
	b = appendString(b, r.Text)
	b = append(b, `,"language":{"code":`...)
	b = appendString(b, r.Language.Code)
	b = append(b, `,"supported":`...)
	b = strconv.AppendBool(b, r.Language.Supported)
	b = append(b, `},"speaker":{"role":`...)
	b = appendString(b, r.Speaker.Role)
	b = append(b, `,"score":`...)
	if b, ok = appendFloat(b, r.Speaker.Score); !ok {
		return b, false
	}
	b = append(b, `,"evidence":`...)
	b = appendEvidence(b, r.Speaker.Evidence)
	l := &r.Labels
	for _, f := range [...]struct {
		key string
		lr  *classifiers.LabelResult
	}{
		{`},"labels":{"empathy":`, &l.Empathy},
		{`,"anger":`, &l.Anger},
		{`,"privilege_framed":`, &l.PrivilegeFramed},
		{`,"disadvantage_framed":`, &l.DisadvantageFramed},
		{`,"spokesperson":`, &l.Spokesperson},
	} {
		b = append(b, f.key...)
		b = append(b, `{"present":`...)
		b = strconv.AppendBool(b, f.lr.Present)
		b = append(b, `,"score":`...)
		if b, ok = appendFloat(b, f.lr.Score); !ok {
			return b, false
		}
		b = append(b, `,"evidence":`...)
		b = appendEvidence(b, f.lr.Evidence)
		b = append(b, '}')
	}
	b = append(b, `},"lexicon_version":`...)
	b = appendString(b, r.LexiconVersion)
	b = append(b, `,"model_version":`...)
	b = appendString(b, r.ModelVersion)
	b = append(b, `,"classifier_version":`...)
	b = appendString(b, r.ClassifierVersion)
	b = append(b, `,"processed_at":`...)
	if y := r.ProcessedAt.Year(); y < 0 || y > 9999 {
		return b, false
	}
	b = append(b, '"')
	b = r.ProcessedAt.AppendFormat(b, time.RFC3339Nano)
	b = append(b, `","source":{`...)
	if r.Source.Topic != "" {
		b = append(b, `"topic":`...)
		b = appendString(b, r.Source.Topic)
		b = append(b, ',')
	}
	b = append(b, `"partition":`...)
	b = strconv.AppendInt(b, int64(r.Source.Partition), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, r.Source.Offset, 10)
	if r.Source.File != "" {
		b = append(b, `,"file":`...)
		b = appendString(b, r.Source.File)
	}
	if r.Source.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(r.Source.Line), 10)
	}
	b = append(b, `},"post":`...)
	if b, ok = appendRaw(b, r.Post, r.postChecked); !ok {
		return b, false
	}
	return append(b, '}'), true
}

func appendEvidence(b []byte, ev []classifiers.Evidence) []byte {
	if ev == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range ev {
		e := &ev[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"cue":`...)
		b = appendString(b, e.Cue)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(e.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(e.End), 10)
		b = append(b, `,"rule":`...)
		b = appendString(b, e.Rule)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendFloat formats f as encoding/json does for a float64.
func appendFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendRaw appends a json.RawMessage as encoding/json does: null when nil, otherwise
// validated (unless checked proves it valid), compacted and HTML-escaped.
func appendRaw(b []byte, raw json.RawMessage, checked validjson.JSON) ([]byte, bool) {
	if raw == nil {
		return append(b, "null"...), true
	}
	if !checked.Covers(raw) {
		if _, ok := validjson.Check(raw); !ok {
			return b, false
		}
	}
	return appendCompact(b, raw), true
}

// appendCompact appends valid JSON raw as encoding/json's compact with HTML escaping does:
// without whitespace outside strings, with <, >, & as \u003c, \u003e, \u0026 and U+2028,
// U+2029 as \u2028, \u2029. Runs of other bytes are copied whole.
func appendCompact(b, raw []byte) []byte {
	start, inString := 0, false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c > ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != 0xE2 {
			continue
		}
		switch c {
		case '"':
			inString = !inString
		case '\\':
			i++ // the escaped byte (for \uXXXX, a hex digit) is neither a quote nor special
		case '<', '>', '&':
			b = append(b, raw[start:i]...)
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			start = i + 1
		case 0xE2:
			if i+2 < len(raw) && raw[i+1] == 0x80 && raw[i+2]&^1 == 0xA8 {
				b = append(b, raw[start:i]...)
				b = append(b, '\\', 'u', '2', '0', '2', hexDigits[raw[i+2]&0xF])
				i += 2
				start = i + 1
			}
		default: // whitespace; valid JSON has no other bytes below '!'
			if !inString {
				b = append(b, raw[start:i]...)
				start = i + 1
			}
		}
	}
	return append(b, raw[start:]...)
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string exactly as encoding/json does with HTML escaping:
// invalid UTF-8 becomes \ufffd, and <, >, &, U+2028 and U+2029 are escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
