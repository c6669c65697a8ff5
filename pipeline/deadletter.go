package pipeline

import (
	"strconv"
	"unicode/utf8"
)

// Dead-letter header keys. Every dead letter carries all of them; its value is the original
// message value, truncated when needed so that the dead letter fits MaxRecordBytes.
const (
	HeaderReason          = "dlq-reason"
	HeaderDetail          = "dlq-detail"
	HeaderSourceTopic     = "dlq-source-topic"
	HeaderSourcePartition = "dlq-source-partition"
	HeaderSourceOffset    = "dlq-source-offset"
	HeaderOriginalBytes   = "dlq-original-bytes"
	HeaderTruncated       = "dlq-truncated"
	// HeaderSourceFile and HeaderSourceLine are added for inputs read from a file.
	HeaderSourceFile = "dlq-source-file"
	HeaderSourceLine = "dlq-source-line"
)

// Labeled-record header keys.
const (
	HeaderSchemaVersion = "schema-version"
	HeaderContentType   = "content-type"
)

// maxDetailBytes caps the detail header so a hostile input cannot bloat it.
const maxDetailBytes = 1024

// deadLetterOverhead is room left for headers and Kafka framing.
const deadLetterOverhead = 4096

// DeadLetter builds the dead-letter output for a message that failed with ie. The value is
// the original bytes, cut to at most maxBytes minus room for the headers.
func DeadLetter(m Message, ie *InputError, maxBytes int) Output {
	value := m.Value
	truncated := false
	if limit := max(maxBytes-deadLetterOverhead, 0); len(value) > limit {
		value, truncated = value[:limit], true
	}
	headers := []Header{
		{HeaderReason, []byte(ie.Reason)},
		{HeaderDetail, []byte(truncateUTF8(ie.Detail, maxDetailBytes))},
		{HeaderSourceTopic, []byte(m.Origin.Topic)},
		{HeaderSourcePartition, []byte(strconv.Itoa(m.Origin.Partition))},
		{HeaderSourceOffset, []byte(strconv.FormatInt(m.Origin.Offset, 10))},
		{HeaderOriginalBytes, []byte(strconv.Itoa(len(m.Value)))},
		{HeaderTruncated, []byte(strconv.FormatBool(truncated))},
	}
	if m.Origin.File != "" {
		headers = append(headers, Header{HeaderSourceFile, []byte(m.Origin.File)}, Header{HeaderSourceLine, []byte(strconv.Itoa(m.Origin.Line))})
	}
	return Output{DeadLetter: true, Key: m.Key, Value: value, Headers: headers}
}

func truncateUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// recordHeaders are the headers of every labeled record.
func recordHeaders() []Header {
	return []Header{
		{HeaderSchemaVersion, []byte(SchemaVersion)},
		{HeaderContentType, []byte(ContentType)},
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
