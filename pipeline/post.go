package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/allystream/allystream/pipeline/internal/validjson"
)

// Reason names why an input message could not be labeled. It is written to the dead-letter
// record's headers and used as a metric label, so the set is closed and stable.
type Reason string

// Dead-letter reasons.
const (
	ReasonEmptyValue  Reason = "empty_value"
	ReasonTooLarge    Reason = "message_too_large"
	ReasonInvalidUTF8 Reason = "invalid_utf8"
	ReasonInvalidJSON Reason = "invalid_json"
	ReasonNotObject   Reason = "not_object"
	ReasonMissingID   Reason = "missing_id"
	ReasonInvalidID   Reason = "invalid_id"
	ReasonMissingText Reason = "missing_text"
	ReasonTextNotStr  Reason = "text_not_string"
	ReasonTextTooLong Reason = "text_too_long"
	ReasonEmptyText   Reason = "empty_text"
	// ReasonRecordTooLarge is set by the worker, not the decoder: the labeled record would
	// exceed the largest message the output accepts.
	ReasonRecordTooLarge Reason = "record_too_large"
)

// Reasons lists every dead-letter reason, for metrics pre-registration and docs.
func Reasons() []Reason {
	return []Reason{ReasonEmptyValue, ReasonTooLarge, ReasonInvalidUTF8, ReasonInvalidJSON,
		ReasonNotObject, ReasonMissingID, ReasonInvalidID, ReasonMissingText, ReasonTextNotStr,
		ReasonTextTooLong, ReasonEmptyText, ReasonRecordTooLarge}
}

// InputError is a problem with one input message. It is permanent: retrying the same bytes
// fails the same way, so the message goes to the dead-letter topic.
type InputError struct {
	Reason Reason
	Detail string
}

func (e *InputError) Error() string { return fmt.Sprintf("%s: %s", e.Reason, e.Detail) }

func inputErr(r Reason, format string, args ...any) error {
	return &InputError{Reason: r, Detail: fmt.Sprintf(format, args...)}
}

// AsInputError reports whether err is (or wraps) an *InputError and returns it.
func AsInputError(err error) (*InputError, bool) {
	var ie *InputError
	ok := errors.As(err, &ie)
	return ie, ok
}

// Post is one decoded input post.
type Post struct {
	ID   string
	Text string
	// Raw is the whole input object, passed through unchanged as the record's "post" field.
	Raw json.RawMessage
	// checked, set by JSONDecoder, proves Raw valid JSON, so the record encoder need not
	// validate it again. A Post built elsewhere has none, and its Raw is validated.
	checked validjson.JSON
}

// Limits bound what a decoder accepts.
type Limits struct {
	// MaxMessageBytes is the largest message value accepted. Default: 1 MiB.
	MaxMessageBytes int
	// MaxTextBytes is the largest "text" accepted, in bytes of UTF-8. Default: 64 KiB.
	MaxTextBytes int
}

// DefaultLimits returns the documented defaults.
func DefaultLimits() Limits {
	return Limits{MaxMessageBytes: 1 << 20, MaxTextBytes: 64 << 10}
}

// Decoder turns one message value into a Post. Implementations must return an *InputError
// (possibly wrapped) for every problem with the bytes, and must never panic. Platform-native
// payload adapters implement this interface.
type Decoder interface {
	Decode(value []byte) (Post, error)
}

// JSONDecoder decodes the native allystream input: one JSON object with at least a string (or
// numeric) "id" and a string "text"; every other field is kept in Post.Raw.
type JSONDecoder struct {
	Limits Limits
}

// Decode implements Decoder.
//
// The fast path validates the value once (validjson.Check, which decides as json.Valid
// does; the Post carries its proof on to MarshalRecord) and then picks the top-level "id" and
// "text" out of it without building a map; anything it does not handle goes to decodeMap,
// which has the original semantics and error messages (the last of duplicate keys wins,
// escaped keys are unescaped).
func (d JSONDecoder) Decode(value []byte) (Post, error) {
	if err := d.checkEnvelope(value); err != nil {
		return Post{}, err
	}
	checked, ok := validjson.Check(value)
	if !ok {
		return d.decodeMap(value, checked) // fails, with json.Unmarshal's message
	}
	idRaw, textRaw, ok := topLevelIDText(value)
	if !ok {
		return d.decodeMap(value, checked)
	}
	return d.decodeFields(checked, value, idRaw, textRaw)
}

// decodeMap decodes value through a map of its top-level fields.
func (d JSONDecoder) decodeMap(value []byte, checked validjson.JSON) (Post, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(value, &fields); err != nil {
		return Post{}, inputErr(ReasonInvalidJSON, "decode post: %v", err)
	}
	return d.decodeFields(checked, value, fields["id"], fields["text"])
}

func (d JSONDecoder) decodeFields(checked validjson.JSON, value []byte, idRaw, textRaw json.RawMessage) (Post, error) {
	id, err := decodeID(idRaw)
	if err != nil {
		return Post{}, err
	}
	text, err := d.decodeText(textRaw)
	if err != nil {
		return Post{}, err
	}
	return Post{ID: id, Text: text, Raw: json.RawMessage(value), checked: checked}, nil
}

func (d JSONDecoder) checkEnvelope(value []byte) error {
	trimmed := bytes.TrimSpace(value)
	switch {
	case len(trimmed) == 0:
		return inputErr(ReasonEmptyValue, "message value is empty")
	case d.Limits.MaxMessageBytes > 0 && len(value) > d.Limits.MaxMessageBytes:
		return inputErr(ReasonTooLarge, "message is %d bytes, limit %d", len(value), d.Limits.MaxMessageBytes)
	case !utf8.Valid(value):
		return inputErr(ReasonInvalidUTF8, "message value is not valid UTF-8")
	case trimmed[0] != '{':
		// Objects are validated once, by Unmarshal in Decode; anything else is checked here.
		if !json.Valid(trimmed) {
			var probe any
			err := json.Unmarshal(trimmed, &probe)
			return inputErr(ReasonInvalidJSON, "decode post: %v", err)
		}
		return inputErr(ReasonNotObject, "post must be a JSON object, got %s", jsonKind(trimmed[0]))
	}
	return nil
}

func decodeID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", inputErr(ReasonMissingID, `post has no "id"`)
	}
	s, plain := plainString(raw)
	if plain || json.Unmarshal(raw, &s) == nil {
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

func (d JSONDecoder) decodeText(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", inputErr(ReasonMissingText, `post has no "text"`)
	}
	text, plain := plainString(raw)
	if !plain && json.Unmarshal(raw, &text) != nil {
		return "", inputErr(ReasonTextNotStr, `post "text" must be a string, got %s`, jsonKind(raw[0]))
	}
	if !utf8.ValidString(text) {
		// JSON escapes such as "\udc00" decode to U+FFFD, so this only guards other decoders.
		return "", inputErr(ReasonInvalidUTF8, `post "text" is not valid UTF-8`)
	}
	if d.Limits.MaxTextBytes > 0 && len(text) > d.Limits.MaxTextBytes {
		return "", inputErr(ReasonTextTooLong, "text is %d bytes, limit %d", len(text), d.Limits.MaxTextBytes)
	}
	if strings.TrimSpace(text) == "" {
		return "", inputErr(ReasonEmptyText, `post "text" is blank`)
	}
	return text, nil
}

func jsonKind(first byte) string {
	switch first {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	default:
		return "a number"
	}
}
