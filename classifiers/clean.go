package classifiers

import (
	"html"
	"strings"
	"unicode/utf8"
)

// cleanText makes the text that is classified and that evidence offsets index into:
// invalid UTF-8 is replaced, HTML tags are removed (block tags become line breaks) and
// HTML entities are decoded. Plain text passes through unchanged.
func cleanText(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if looksLikeHTML(s) {
		s = stripTags(s)
	}
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return s
}

// looksLikeHTML reports whether s contains an HTML tag, as Mastodon posts do.
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				return true
			}
		}
		k := strings.IndexByte(s[i+1:], '<')
		if k < 0 {
			return false
		}
		i += 1 + k
	}
	return false
}

// stripTags removes tags; p, br, div and li tags become a newline so words do not merge.
func stripTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		j := strings.IndexByte(s[i:], '>')
		if j < 0 || !isTagStart(s[i:]) {
			b.WriteByte('<')
			s = s[i+1:]
			continue
		}
		if isBlockTag(s[i : i+j+1]) {
			b.WriteByte('\n')
		}
		s = s[i+j+1:]
	}
	return b.String()
}

func isTagStart(s string) bool {
	if len(s) < 2 {
		return false
	}
	c := s[1]
	return c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func isBlockTag(tag string) bool {
	t := strings.ToLower(strings.TrimLeft(tag, "</"))
	for _, name := range []string{"p", "br", "div", "li", "blockquote", "h1", "h2", "h3"} {
		if strings.HasPrefix(t, name) && len(t) > len(name) {
			c := t[len(name)]
			if c == '>' || c == ' ' || c == '/' {
				return true
			}
		}
	}
	return false
}
