package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/allystream/allystream/classifiers"
	"github.com/allystream/allystream/pipeline"
)

// classifyUsage documents the command, including its error and exit-status contract.
const classifyUsage = `usage: allystream classify [--input FILE|-] [--output FILE|-] [--format jsonl|csv]
       [--errors FILE] [--lexicons DIR] [--max-text-bytes N] [--max-message-bytes N] [--workers N]

Labels a JSONL file offline, one post a line (at least {"id","text"}), with the same decoder
and classifier as the streaming worker. Output has one record per good input line, in input
order: JSONL records of the streaming output shape (source = {file, line}), or CSV with one
row per post for R, Stata or SPSS: id, source_line, speaker_role, speaker_score, then
<label>_present (0/1) and <label>_score for each style label, language, language_supported,
lexicon_version, classifier_version, and evidence as "label:cue@start-end" items joined by
";" (byte offsets into the cleaned text, which the JSONL records carry).

Bad lines (not JSON, no id, blank text, invalid UTF-8, over a size limit, ...) are never
skipped silently: each is reported on stderr as INPUT:LINE: reason: detail and written as one
JSON object to the error file, which defaults to OUTPUT.errors.jsonl when --output is a file
(stderr only when output goes to stdout) and is created, empty when all is well, on every run.
With an error file, stderr shows the first 100 bad lines only. A blank line is a bad line
(empty_value). The good lines are still written; the exit status is 1 when any line failed,
with the count on stderr, and 0 when every line was labeled.

flags:
`

// classifyConfig holds the flags of "allystream classify".
type classifyConfig struct {
	input, output, format, errorsPath, lexicons string
	limits                                      pipeline.Limits
	workers                                     int
}

// classifyCommand labels a JSONL file offline.
func classifyCommand(ctx context.Context, env *environment, args []string) error {
	cfg, err := parseClassifyFlags(env, args)
	if err != nil {
		return err
	}
	labeler, err := newOfflineLabeler(cfg.lexicons, "", cfg.limits, env.stderr)
	if err != nil {
		return err
	}
	files, err := openClassifyFiles(env, cfg)
	if err != nil {
		return err
	}
	stats, runErr := runClassify(ctx, cfg, labeler, files)
	return files.finish(env, cfg, stats, runErr)
}

func parseClassifyFlags(env *environment, args []string) (classifyConfig, error) {
	cfg := classifyConfig{limits: pipeline.DefaultLimits()}
	fs := flag.NewFlagSet("classify", flag.ContinueOnError)
	fs.StringVar(&cfg.input, "input", "-", "input JSONL `file`, - for stdin")
	fs.StringVar(&cfg.output, "output", "-", "output `file`, - for stdout")
	fs.StringVar(&cfg.format, "format", "", "output `format`: jsonl or csv (default: csv when --output ends in .csv, else jsonl)")
	fs.StringVar(&cfg.errorsPath, "errors", "", "error `file` for bad lines (default: OUTPUT.errors.jsonl; stderr only for stdout output)")
	fs.StringVar(&cfg.lexicons, "lexicons", "", "lexicon override `dir` (default: the embedded lexicons)")
	fs.IntVar(&cfg.limits.MaxTextBytes, "max-text-bytes", cfg.limits.MaxTextBytes, "largest post text accepted, in `bytes`")
	fs.IntVar(&cfg.limits.MaxMessageBytes, "max-message-bytes", cfg.limits.MaxMessageBytes, "largest input line accepted, in `bytes`")
	fs.IntVar(&cfg.workers, "workers", runtime.GOMAXPROCS(0), "classify `n` posts in parallel (output order is kept)")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), classifyUsage)
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, env, args); err != nil {
		return cfg, err
	}
	return cfg, validateClassifyConfig(fs, &cfg)
}

func validateClassifyConfig(fs *flag.FlagSet, cfg *classifyConfig) error {
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected arguments %q", errUsage, fs.Args())
	}
	if cfg.format == "" {
		cfg.format = "jsonl"
		if strings.EqualFold(filepath.Ext(cfg.output), ".csv") {
			cfg.format = "csv"
		}
	}
	switch {
	case cfg.format != "jsonl" && cfg.format != "csv":
		return fmt.Errorf("%w: --format must be jsonl or csv, got %q", errUsage, cfg.format)
	case cfg.workers < 1:
		return fmt.Errorf("%w: --workers must be at least 1", errUsage)
	case cfg.limits.MaxTextBytes < 1 || cfg.limits.MaxMessageBytes < 1:
		return fmt.Errorf("%w: --max-text-bytes and --max-message-bytes must be positive", errUsage)
	case cfg.output != "-" && sameFile(cfg.input, cfg.output):
		return fmt.Errorf("%w: --output would overwrite --input %s", errUsage, cfg.input)
	}
	if cfg.errorsPath == "" && cfg.output != "-" {
		cfg.errorsPath = cfg.output + ".errors.jsonl"
	}
	return nil
}

func sameFile(a, b string) bool {
	if a == "-" || b == "-" {
		return false
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// classifyFiles are the open streams of one run.
type classifyFiles struct {
	inputName string
	in        io.Reader
	out       *bufio.Writer
	closers   []io.Closer
	records   recordWriter
	errs      *errorReporter
	progress  *progress
}

func openClassifyFiles(env *environment, cfg classifyConfig) (*classifyFiles, error) {
	f := &classifyFiles{inputName: cfg.input, in: env.stdin}
	if cfg.input != "-" {
		in, err := os.Open(cfg.input)
		if err != nil {
			return nil, fmt.Errorf("open input: %w", err)
		}
		f.in, f.closers = in, append(f.closers, in)
	}
	if err := f.openOutputs(env, cfg); err != nil {
		f.closeAll()
		return nil, err
	}
	return f, nil
}

func (f *classifyFiles) openOutputs(env *environment, cfg classifyConfig) error {
	out, err := createOrStdout(cfg.output, env.stdout, "output")
	if err != nil {
		return err
	}
	f.addCloser(out)
	f.out = bufio.NewWriterSize(out, 1<<16)
	var errOut io.Writer
	if cfg.errorsPath != "" {
		if errOut, err = createOrStdout(cfg.errorsPath, env.stdout, "error file"); err != nil {
			return err
		}
		f.addCloser(errOut)
	}
	f.errs = newErrorReporter(cfg.input, errOut, env.stderr)
	f.progress = newProgress(env.stderr)
	if cfg.format == "csv" {
		f.records, err = newCSVRecordWriter(f.out)
	} else {
		f.records = newJSONLRecordWriter(f.out)
	}
	return err
}

func createOrStdout(path string, stdout io.Writer, what string) (io.Writer, error) {
	if path == "-" {
		return stdout, nil
	}
	file, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", what, err)
	}
	return file, nil
}

func (f *classifyFiles) addCloser(w io.Writer) {
	if c, ok := w.(*os.File); ok && c != os.Stdout && c != os.Stderr {
		f.closers = append(f.closers, c)
	}
}

func (f *classifyFiles) closeAll() error {
	var errs []error
	for _, c := range f.closers {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// finish flushes and closes everything and turns the run's outcome into the command's error.
func (f *classifyFiles) finish(env *environment, cfg classifyConfig, s classifyStats, runErr error) error {
	f.progress.done(s)
	errs := []error{runErr, f.records.Flush(), f.out.Flush(), f.errs.flush(), f.closeAll()}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("classify %s: %w", cfg.input, err)
	}
	fmt.Fprintf(env.stderr, "allystream classify: %d lines, %d labeled, %d failed\n", s.lines, s.labeled, s.failed)
	if s.failed > 0 {
		where := "stderr"
		if cfg.errorsPath != "" {
			where = cfg.errorsPath
		}
		return fmt.Errorf("%d of %d input lines failed (details in %s)", s.failed, s.lines, where)
	}
	return nil
}

// classifyStats counts the lines of one run.
type classifyStats struct {
	lines, labeled, failed int
}

// classifyJob is one input line on its way through the workers. done receives its outcome;
// the writer reads jobs in input order and waits on each done, which keeps the output ordered.
type classifyJob struct {
	line  int
	value []byte
	size  int   // the line's length, which value may be cut short of
	err   error // set by the reader for a line it could not pass to the decoder
	done  chan classifyOutcome
}

type classifyOutcome struct {
	rec pipeline.Record
	err error
}

// runClassify reads, labels (in parallel) and writes every line, in order.
func runClassify(ctx context.Context, cfg classifyConfig, l *pipeline.Labeler, f *classifyFiles) (classifyStats, error) {
	readCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *classifyJob, cfg.workers)
	order := make(chan *classifyJob, cfg.workers*64)
	readDone := make(chan error, 1)
	go func() { readDone <- readJobs(readCtx, f.in, cfg.limits.MaxMessageBytes, jobs, order) }()
	var wg sync.WaitGroup
	for range cfg.workers {
		wg.Add(1)
		go func() { defer wg.Done(); labelJobs(l, f.inputName, jobs) }()
	}
	stats, writeErr := writeOutcomes(order, f)
	if writeErr != nil {
		cancel()
		for range order { // let the reader finish
		}
	}
	readErr := <-readDone
	wg.Wait()
	switch {
	case writeErr != nil:
		return stats, writeErr
	case readErr != nil:
		return stats, readErr
	case ctx.Err() != nil:
		return stats, fmt.Errorf("interrupted after %d lines: %w", stats.lines, ctx.Err())
	}
	return stats, nil
}

// readJobs sends every line to both channels and closes them at the end of input.
func readJobs(ctx context.Context, r io.Reader, maxBytes int, jobs, order chan<- *classifyJob) error {
	defer close(order)
	defer close(jobs)
	lr := &lineReader{r: bufio.NewReaderSize(r, 1<<16), max: maxBytes}
	for line := 1; ; line++ {
		value, size, err := lr.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		job := &classifyJob{line: line, value: value, size: size, done: make(chan classifyOutcome, 1)}
		if ie, ok := pipeline.AsInputError(err); ok {
			job.err = ie
		} else if err != nil {
			return fmt.Errorf("read input line %d: %w", line, err)
		}
		for _, ch := range []chan<- *classifyJob{jobs, order} {
			select {
			case ch <- job:
			case <-ctx.Done():
				return nil
			}
		}
	}
}

func labelJobs(l *pipeline.Labeler, file string, jobs <-chan *classifyJob) {
	for job := range jobs {
		if job.err != nil {
			job.done <- classifyOutcome{err: job.err}
			continue
		}
		rec, err := l.Label(job.value, pipeline.Origin{File: file, Line: job.line})
		job.done <- classifyOutcome{rec: rec, err: err}
	}
}

// writeOutcomes writes each job's outcome in input order.
func writeOutcomes(order <-chan *classifyJob, f *classifyFiles) (classifyStats, error) {
	var s classifyStats
	for job := range order {
		out := <-job.done
		s.lines++
		if out.err != nil {
			s.failed++
			if err := f.errs.report(job, out.err); err != nil {
				return s, err
			}
		} else {
			s.labeled++
			if err := f.records.Write(out.rec); err != nil {
				return s, fmt.Errorf("write line %d: %w", job.line, err)
			}
		}
		f.progress.tick(s)
	}
	return s, nil
}

// lineReader reads lines of any length without holding more than max bytes of one.
type lineReader struct {
	r   *bufio.Reader
	max int
}

// next returns the next line without its line ending ("\n", "\r\n", or a final "\r") and the
// line's length; io.EOF at the end of input; and an *pipeline.InputError, with the first max
// bytes, for a line longer than max.
func (lr *lineReader) next() ([]byte, int, error) {
	var buf, tail []byte
	total := 0
	for {
		chunk, err := lr.r.ReadSlice('\n')
		total += len(chunk)
		tail = lastTwo(tail, chunk)
		if keep := lr.max - len(buf); keep > 0 {
			buf = append(buf, chunk[:min(keep, len(chunk))]...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF) && total == 0:
			return nil, 0, io.EOF
		case err != nil && !errors.Is(err, io.EOF):
			return nil, total, err
		}
		return lr.finish(buf, total, tail)
	}
}

// lastTwo returns the last two bytes of tail followed by chunk: enough to see a "\r\n" that
// spans two reads.
func lastTwo(tail, chunk []byte) []byte {
	t := append(tail, chunk[max(0, len(chunk)-2):]...)
	return append([]byte(nil), t[max(0, len(t)-2):]...)
}

// finish drops the line ending found in tail and checks the line's length against max.
func (lr *lineReader) finish(buf []byte, total int, tail []byte) ([]byte, int, error) {
	n := 0
	if bytes.HasSuffix(tail, []byte("\n")) {
		n = 1
	}
	if bytes.HasSuffix(tail[:len(tail)-n], []byte("\r")) {
		n++
	}
	total -= n
	buf = buf[:min(len(buf), total)]
	if total > lr.max {
		return buf, total, &pipeline.InputError{Reason: pipeline.ReasonTooLarge,
			Detail: fmt.Sprintf("line is %d bytes, limit %d", total, lr.max)}
	}
	return buf, total, nil
}

// recordWriter writes labeled records in one output format.
type recordWriter interface {
	Write(rec pipeline.Record) error
	Flush() error
}

// jsonlRecordWriter writes records as JSONL, one record a line, with the same encoder as
// the streaming worker, so offline and streamed records are byte-for-byte alike.
type jsonlRecordWriter struct{ w io.Writer }

func newJSONLRecordWriter(w io.Writer) *jsonlRecordWriter { return &jsonlRecordWriter{w: w} }

func (j *jsonlRecordWriter) Write(rec pipeline.Record) error {
	b, err := pipeline.MarshalRecord(&rec)
	if err != nil {
		return fmt.Errorf("encode record %s: %w", rec.ID, err)
	}
	_, err = j.w.Write(append(b, '\n'))
	return err
}

func (j *jsonlRecordWriter) Flush() error { return nil }

// csvRecordWriter writes one row per record under a header row; see csvHeader.
type csvRecordWriter struct{ w *csv.Writer }

func newCSVRecordWriter(w io.Writer) (*csvRecordWriter, error) {
	c := &csvRecordWriter{w: csv.NewWriter(w)}
	if err := c.w.Write(csvHeader()); err != nil {
		return nil, fmt.Errorf("write CSV header: %w", err)
	}
	return c, nil
}

func (c *csvRecordWriter) Write(rec pipeline.Record) error { return c.w.Write(csvRow(rec)) }

func (c *csvRecordWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// csvHeader names the CSV columns: id, source_line, speaker, then <label>_present (0/1) and
// <label>_score for every style label, then language and versions, then evidence as
// "label:cue@start-end" items separated by ";" (byte offsets into the cleaned text).
func csvHeader() []string {
	h := []string{"id", "source_line", "speaker_role", "speaker_score"}
	for _, name := range classifiers.LabelNames() {
		h = append(h, name+"_present", name+"_score")
	}
	return append(h, "language", "language_supported", "lexicon_version", "classifier_version", "evidence")
}

func csvRow(rec pipeline.Record) []string {
	row := []string{rec.ID, strconv.Itoa(rec.Source.Line), rec.Speaker.Role, formatScore(rec.Speaker.Score)}
	ev := evidenceItems(nil, "speaker", rec.Speaker.Evidence)
	for _, name := range classifiers.LabelNames() {
		res, _ := rec.Labels.Get(name)
		row = append(row, boolDigit(res.Present), formatScore(res.Score))
		ev = evidenceItems(ev, name, res.Evidence)
	}
	return append(row, rec.Language.Code, boolDigit(rec.Language.Supported), rec.LexiconVersion,
		rec.ClassifierVersion, strings.Join(ev, ";"))
}

func evidenceItems(items []string, label string, ev []classifiers.Evidence) []string {
	for _, e := range ev {
		items = append(items, fmt.Sprintf("%s:%s@%d-%d", label, e.Cue, e.Start, e.End))
	}
	return items
}

func formatScore(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func boolDigit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

// errorReporter reports bad lines on stderr and, when it has one, as JSONL to an error file.
// With an error file, stderr gets the first maxStderrErrors only; the file has every one.
type errorReporter struct {
	input   string
	file    *bufio.Writer
	enc     *json.Encoder
	stderr  io.Writer
	printed int
}

const maxStderrErrors = 100

// maxErrorValueBytes caps how much of a bad line the error file keeps.
const maxErrorValueBytes = 4096

// lineError is one line of the error file.
type lineError struct {
	Source        lineOrigin `json:"source"`
	Reason        string     `json:"reason"`
	Detail        string     `json:"detail"`
	OriginalBytes int        `json:"original_bytes"`
	Truncated     bool       `json:"truncated"`
	Value         string     `json:"value"`
}

// lineOrigin is where a bad line is: the input file ("-" for stdin) and its 1-based line.
type lineOrigin struct {
	File string `json:"file"`
	Line int    `json:"line"`
}

func newErrorReporter(input string, file, stderr io.Writer) *errorReporter {
	r := &errorReporter{input: input, stderr: stderr}
	if file != nil {
		r.file = bufio.NewWriter(file)
		r.enc = json.NewEncoder(r.file)
		r.enc.SetEscapeHTML(false)
	}
	return r
}

func (r *errorReporter) report(job *classifyJob, err error) error {
	reason, detail := "error", err.Error()
	if ie, ok := pipeline.AsInputError(err); ok {
		reason, detail = string(ie.Reason), ie.Detail
	}
	if r.enc == nil || r.printed < maxStderrErrors {
		fmt.Fprintf(r.stderr, "%s:%d: %s: %s\n", r.input, job.line, reason, detail)
		r.printed++
	} else if r.printed == maxStderrErrors {
		fmt.Fprintf(r.stderr, "(more bad lines: see the error file)\n")
		r.printed++
	}
	if r.enc == nil {
		return nil
	}
	return r.write(job, reason, detail)
}

func (r *errorReporter) write(job *classifyJob, reason, detail string) error {
	value := job.value[:min(len(job.value), maxErrorValueBytes)]
	e := lineError{Source: lineOrigin{File: r.input, Line: job.line}, Reason: reason,
		Detail: detail, OriginalBytes: job.size, Value: string(value), Truncated: len(value) < job.size}
	if werr := r.enc.Encode(e); werr != nil {
		return fmt.Errorf("write error file: %w", werr)
	}
	return nil
}

func (r *errorReporter) flush() error {
	if r.file == nil {
		return nil
	}
	return r.file.Flush()
}

// progress prints a line counter on stderr, only when stderr is a terminal.
type progress struct {
	w    io.Writer
	on   bool
	last time.Time
}

func newProgress(stderr io.Writer) *progress {
	return &progress{w: stderr, on: isTerminal(stderr)}
}

func (p *progress) tick(s classifyStats) {
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\rclassified %d lines, %d failed", s.lines, s.failed)
}

func (p *progress) done(s classifyStats) {
	if p.on && !p.last.IsZero() {
		fmt.Fprintf(p.w, "\rclassified %d lines, %d failed\n", s.lines, s.failed)
	}
}
