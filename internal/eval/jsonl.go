package eval

import (
	"encoding/json"
	"io"
)

// newJSONLEncoder returns an encoder writing one compact object a line, without HTML escaping
// so that posts stay readable.
func newJSONLEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}
