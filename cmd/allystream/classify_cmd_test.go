package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// postsGood and postsBad describe testdata/posts.jsonl: the ids of the good lines in order,
// and the dead-letter reason of every bad line by line number.
var (
	postsGood = []string{"p1", "p2", "6", "p7"}
	postsBad  = map[int]string{3: "invalid_json", 4: "empty_text", 5: "invalid_utf8",
		6: "empty_value", 7: "missing_id", 9: "not_object"}
)

func decodeRecords(t *testing.T, jsonl string) []pipeline.Record {
	t.Helper()
	var recs []pipeline.Record
	sc := bufio.NewScanner(strings.NewReader(jsonl))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var rec pipeline.Record
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("output line is not a record: %v\n%s", err, sc.Text())
		}
		recs = append(recs, rec)
	}
	return recs
}

func readErrorFile(t *testing.T, path string) []lineError {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []lineError
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if line == "" {
			continue
		}
		var e lineError
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("error file line is not JSON: %v\n%s", err, line)
		}
		out = append(out, e)
	}
	return out
}

func TestClassifyJSONLToStdout(t *testing.T) {
	code, out, stderr := offlineRun(t, "", "classify", "--input", "testdata/posts.jsonl", "--workers", "3")
	if code != 1 {
		t.Errorf("exit %d, want 1 because some lines failed", code)
	}
	recs := decodeRecords(t, out)
	var ids []string
	for _, rec := range recs {
		ids = append(ids, rec.ID)
		if rec.Source.File != "testdata/posts.jsonl" || rec.Source.Line < 1 {
			t.Errorf("record %s source = %+v", rec.ID, rec.Source)
		}
		if rec.ClassifierVersion != classifiers.Version || rec.LexiconVersion == "" {
			t.Errorf("record %s versions = %q %q", rec.ID, rec.ClassifierVersion, rec.LexiconVersion)
		}
	}
	if !reflect.DeepEqual(ids, postsGood) {
		t.Errorf("ids = %v, want %v", ids, postsGood)
	}
	if len(recs) > 0 && !strings.Contains(string(recs[0].Post), `"lang":"en"`) {
		t.Errorf("input object not passed through as post: %s", recs[0].Post)
	}
	for line, reason := range postsBad {
		if want := fmt.Sprintf("testdata/posts.jsonl:%d: %s: ", line, reason); !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if !strings.Contains(stderr, "6 of 10 input lines failed") {
		t.Errorf("stderr lacks the failure count:\n%s", stderr)
	}
}

func TestClassifyRecordHasEveryLabelKey(t *testing.T) {
	_, out, _ := offlineRun(t, `{"id":"a","text":"hello there"}`+"\n", "classify")
	var rec map[string]map[string]any
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &raw); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw["labels"], &rec); err != nil {
		t.Fatal(err)
	}
	for _, name := range classifiers.LabelNames() {
		if _, ok := rec[name]; !ok {
			t.Errorf("labels lack %q: %s", name, raw["labels"])
		}
	}
	var src map[string]any
	if err := json.Unmarshal(raw["source"], &src); err != nil || src["file"] != "-" || src["line"] != 1.0 {
		t.Errorf("source = %s, want file - line 1", raw["source"])
	}
}

func TestClassifyCSVParsesBack(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "labels.csv")
	code, _, stderr := offlineRun(t, "", "classify", "--input", "testdata/posts.jsonl", "--output", out)
	if code != 1 || !strings.Contains(stderr, out+".errors.jsonl") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if !reflect.DeepEqual(rows[0], csvHeader()) {
		t.Fatalf("header = %v", rows[0])
	}
	if len(rows) != 1+len(postsGood) {
		t.Fatalf("%d rows, want header + %d", len(rows), len(postsGood))
	}
	for i, row := range rows[1:] {
		checkCSVRow(t, rows[0], row, postsGood[i])
	}
	errs := readErrorFile(t, out+".errors.jsonl")
	if len(errs) != len(postsBad) {
		t.Fatalf("error file has %d lines, want %d", len(errs), len(postsBad))
	}
	for _, e := range errs {
		if postsBad[e.Source.Line] != e.Reason {
			t.Errorf("error line %d reason %q, want %q", e.Source.Line, e.Reason, postsBad[e.Source.Line])
		}
	}
}

func checkCSVRow(t *testing.T, header, row []string, id string) {
	t.Helper()
	col := map[string]string{}
	for i, name := range header {
		col[name] = row[i]
	}
	if col["id"] != id {
		t.Errorf("row id %q, want %q", col["id"], id)
	}
	if id == "6" && !strings.Contains(row[0]+col["evidence"], "6") {
		t.Errorf("row for id 6 = %v", row)
	}
	for _, name := range classifiers.LabelNames() {
		if p := col[name+"_present"]; p != "0" && p != "1" {
			t.Errorf("%s %s_present = %q", id, name, p)
		}
		if s, err := strconv.ParseFloat(col[name+"_score"], 64); err != nil || s < 0 || s > 1 {
			t.Errorf("%s %s_score = %q", id, name, col[name+"_score"])
		}
	}
	switch col["speaker_role"] {
	case "ally", "member", "unknown":
	default:
		t.Errorf("%s speaker_role = %q", id, col["speaker_role"])
	}
}

func TestClassifyCSVQuoting(t *testing.T) {
	in := `{"id":"q,1","text":"she said \"enough\",\nthen left"}` + "\n"
	code, out, stderr := offlineRun(t, in, "classify", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][0] != "q,1" {
		t.Fatalf("rows = %q, err %v", rows, err)
	}
}

func TestClassifyKeepsOrderWithManyWorkers(t *testing.T) {
	var in strings.Builder
	const n = 3000
	for i := 1; i <= n; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&in, "{\"id\":%d,\"text\":\n", i) // broken
			continue
		}
		fmt.Fprintf(&in, "{\"id\":%d,\"text\":\"post number %d, I am furious\"}\n", i, i)
	}
	errPath := filepath.Join(t.TempDir(), "errors.jsonl")
	code, out, _ := offlineRun(t, in.String(), "classify", "--workers", "16", "--errors", errPath)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	recs := decodeRecords(t, out)
	want := 1
	for _, rec := range recs {
		if want%7 == 0 {
			want++
		}
		if rec.ID != strconv.Itoa(want) || rec.Source.Line != want {
			t.Fatalf("record %s (line %d) out of order, want %d", rec.ID, rec.Source.Line, want)
		}
		want++
	}
	if len(recs) != n-n/7 {
		t.Errorf("%d records, want %d", len(recs), n-n/7)
	}
	errs := readErrorFile(t, errPath)
	for i, e := range errs {
		if e.Source.Line != 7*(i+1) {
			t.Fatalf("error %d is line %d, want %d", i, e.Source.Line, 7*(i+1))
		}
	}
}

func TestClassifySizeLimits(t *testing.T) {
	huge := `{"id":"huge","text":"` + strings.Repeat("a", 3<<20) + `"}`
	long := `{"id":"long","text":"` + strings.Repeat("b", 100) + `"}`
	ok := `{"id":"ok","text":"fine"}`
	tests := []struct {
		name    string
		args    []string
		reasons map[int]string
	}{
		{"line over the default message limit", nil, map[int]string{1: "message_too_large"}},
		{"text over --max-text-bytes", []string{"--max-text-bytes", "50"}, map[int]string{1: "message_too_large", 2: "text_too_long"}},
		{"line over --max-message-bytes", []string{"--max-message-bytes", "64"}, map[int]string{1: "message_too_large", 2: "message_too_large"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errPath := filepath.Join(t.TempDir(), "errors.jsonl")
			args := append([]string{"classify", "--errors", errPath}, tt.args...)
			_, out, _ := offlineRun(t, huge+"\n"+long+"\n"+ok+"\n", args...)
			recs := decodeRecords(t, out)
			if len(recs) == 0 || recs[len(recs)-1].ID != "ok" {
				t.Errorf("the line after the bad ones was not labeled: %d records", len(recs))
			}
			got := map[int]string{}
			for _, e := range readErrorFile(t, errPath) {
				got[e.Source.Line] = e.Reason
				if e.Source.Line == 1 && (!e.Truncated || e.OriginalBytes != len(huge) || len(e.Value) > maxErrorValueBytes) {
					t.Errorf("huge line error = truncated %v, %d bytes, value %d bytes", e.Truncated, e.OriginalBytes, len(e.Value))
				}
			}
			if !reflect.DeepEqual(got, tt.reasons) {
				t.Errorf("reasons = %v, want %v", got, tt.reasons)
			}
		})
	}
}

func TestClassifyUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"--format", "xml"}, "--format must be jsonl or csv"},
		{"no workers", []string{"--workers", "0"}, "--workers must be at least 1"},
		{"stray argument", []string{"posts.jsonl"}, "unexpected arguments"},
		{"output over input", []string{"--input", "testdata/posts.jsonl", "--output", "testdata/posts.jsonl"}, "would overwrite"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := offlineRun(t, "", append([]string{"classify"}, tt.args...)...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant 2 and %q", code, stderr, tt.want)
			}
		})
	}
}

func TestClassifyMissingInputFile(t *testing.T) {
	code, _, stderr := offlineRun(t, "", "classify", "--input", "testdata/absent.jsonl")
	if code != 1 || !strings.Contains(stderr, "open input") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestClassifyFormatFromEnvironment(t *testing.T) {
	code, out, stderr := offlineRunEnv(t, map[string]string{"ALLYSTREAM_FORMAT": "csv"}, `{"id":"a","text":"hi"}`+"\n", "classify")
	if code != 0 || !strings.HasPrefix(out, "id,source_line,") {
		t.Fatalf("exit %d, out %q, stderr %s", code, out, stderr)
	}
}

func TestLineReader(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		max   int
		lines []string
		sizes []int
		big   []bool
	}{
		{"plain lines", "a\nbb\n", 10, []string{"a", "bb"}, []int{1, 2}, []bool{false, false}},
		{"no final newline", "a\nbb", 10, []string{"a", "bb"}, []int{1, 2}, []bool{false, false}},
		{"CRLF", "a\r\nbb\r\n", 10, []string{"a", "bb"}, []int{1, 2}, []bool{false, false}},
		{"blank line kept", "a\n\nb\n", 10, []string{"a", "", "b"}, []int{1, 0, 1}, []bool{false, false, false}},
		{"CRLF split across buffer reads", strings.Repeat("y", 15) + "\r\nz\n", 20, []string{strings.Repeat("y", 15), "z"}, []int{15, 1}, []bool{false, false}},
		{"exactly the limit", "abcd\n", 4, []string{"abcd"}, []int{4}, []bool{false}},
		{"over the limit, longer than the buffer", strings.Repeat("x", 100) + "\nok\n", 20,
			[]string{strings.Repeat("x", 20), "ok"}, []int{100, 2}, []bool{true, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader(tt.in), 16), max: tt.max}
			for i := range tt.lines {
				line, size, err := lr.next()
				_, big := pipeline.AsInputError(err)
				if string(line) != tt.lines[i] || size != tt.sizes[i] || big != tt.big[i] || (err != nil && !big) {
					t.Fatalf("line %d = %q, %d, %v", i+1, line, size, err)
				}
			}
			if _, _, err := lr.next(); err != io.EOF {
				t.Fatalf("after the last line: %v, want EOF", err)
			}
		})
	}
}

// FuzzLineReader checks that lineReader splits any input as strings.Split on "\n" would
// (after dropping a final empty piece and each line's trailing "\r"), never keeping more than
// max bytes of a line.
func FuzzLineReader(f *testing.F) {
	f.Add([]byte("a\nbb\r\n\nccc"), 2)
	f.Add([]byte(strings.Repeat("z", 40)+"\r"), 16)
	f.Fuzz(func(t *testing.T, data []byte, max int) {
		max = 1 + abs(max)%64
		want := strings.Split(string(data), "\n")
		if want[len(want)-1] == "" {
			want = want[:len(want)-1]
		}
		lr := &lineReader{r: bufio.NewReaderSize(strings.NewReader(string(data)), 16), max: max}
		for i, w := range want {
			w = strings.TrimSuffix(w, "\r")
			line, size, err := lr.next()
			_, tooBig := pipeline.AsInputError(err)
			if size != len(w) || tooBig != (len(w) > max) || (err != nil && !tooBig) {
				t.Fatalf("line %d: size %d err %v, want %d bytes (max %d)", i+1, size, err, len(w), max)
			}
			if string(line) != w[:min(len(w), max)] {
				t.Fatalf("line %d = %q, want %q", i+1, line, w[:min(len(w), max)])
			}
		}
		if _, _, err := lr.next(); err != io.EOF {
			t.Fatalf("after %d lines: %v, want EOF", len(want), err)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func TestProgressOnlyWhenEnabled(t *testing.T) {
	for _, on := range []bool{false, true} {
		var buf strings.Builder
		p := &progress{w: &buf, on: on}
		p.tick(classifyStats{lines: 10, failed: 1})
		p.done(classifyStats{lines: 20, failed: 2})
		got := buf.String()
		if on && !strings.HasSuffix(got, "\rclassified 20 lines, 2 failed\n") {
			t.Errorf("enabled progress wrote %q", got)
		}
		if !on && got != "" {
			t.Errorf("disabled progress wrote %q", got)
		}
	}
	if isTerminal(&strings.Builder{}) {
		t.Error("a strings.Builder is not a terminal")
	}
}
