package pipeline

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
)

// GCPolicy is the garbage-collector setting of a long-running worker: a GC percent higher than
// Go's default of 100, so the collector runs less often, bounded by a soft memory limit, so
// the heap stays small. Most of a labeling worker's live heap is the classifier's fixed data
// (lexicons and the tagger model); at GOGC=100 the collector runs each time the garbage
// reaches that size again, which costs a tenth of the worker's CPU. `allystream run` and
// allystream-bench apply the same policy.
type GCPolicy struct {
	// Percent is the GC target percentage, as GOGC: a collection starts when the heap has
	// grown by Percent% since the last one. Negative turns that trigger off, leaving only
	// MemoryLimit (which must then be set). Default: 400.
	Percent int
	// MemoryLimit is the soft memory limit in bytes, as GOMEMLIMIT: the collector runs as
	// often as needed to keep the Go runtime's memory under it (which counts the heap, stacks
	// and runtime metadata but not the executable's code). 0: none. Default: 160 MiB.
	MemoryLimit int64
}

// DefaultGCPolicy returns the documented defaults.
func DefaultGCPolicy() GCPolicy {
	return GCPolicy{Percent: 400, MemoryLimit: 160 << 20}
}

// RegisterFlags defines --gc-percent and --memory-limit on fs, with p's fields as defaults
// and destinations.
func (p *GCPolicy) RegisterFlags(fs *flag.FlagSet) {
	fs.IntVar(&p.Percent, "gc-percent", p.Percent,
		"GC target `percent`, as GOGC; negative: collect only to stay under --memory-limit. Ignored when GOGC is set")
	fs.Var((*byteSize)(&p.MemoryLimit), "memory-limit",
		"soft memory `limit` of the Go runtime, as GOMEMLIMIT (e.g. 160MiB, 1GiB; off: none); bounds --gc-percent. Ignored when GOMEMLIMIT is set")
}

// Apply puts p in force for the whole process. A part the user set through the GOGC or
// GOMEMLIMIT environment variable (looked up with getenv), which the Go runtime applied at
// start, is left alone: those win over p. restore puts back what Apply changed; a process
// that applies a policy for its whole life need not call it.
//
// It refuses a policy that would never collect: Percent negative (and no GOGC) without a
// memory limit from MemoryLimit or GOMEMLIMIT.
func (p GCPolicy) Apply(getenv func(string) string) (restore func(), err error) {
	if getenv("GOGC") == "" && p.Percent < 0 {
		limit := p.MemoryLimit
		if getenv("GOMEMLIMIT") != "" {
			limit = debug.SetMemoryLimit(-1)
		}
		if limit <= 0 || limit == math.MaxInt64 {
			return nil, errors.New("GC policy: a negative GC percent (off) needs a memory limit")
		}
	}
	prevPercent, prevLimit := -2, int64(-1)
	if getenv("GOGC") == "" {
		prevPercent = debug.SetGCPercent(p.Percent)
	}
	if getenv("GOMEMLIMIT") == "" {
		limit := p.MemoryLimit
		if limit <= 0 {
			limit = math.MaxInt64
		}
		prevLimit = debug.SetMemoryLimit(limit)
	}
	return func() {
		if prevPercent != -2 {
			debug.SetGCPercent(prevPercent)
		}
		if prevLimit >= 0 {
			debug.SetMemoryLimit(prevLimit)
		}
	}, nil
}

// CurrentGCPolicy returns the setting in force in the Go runtime, whoever made it.
func CurrentGCPolicy() GCPolicy {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	p := GCPolicy{Percent: -1}
	if s[0].Value.Kind() == metrics.KindUint64 {
		if v := s[0].Value.Uint64(); v <= math.MaxInt32 {
			p.Percent = int(v)
		}
	}
	if s[1].Value.Kind() == metrics.KindUint64 {
		if v := s[1].Value.Uint64(); v < math.MaxInt64 {
			p.MemoryLimit = int64(v)
		}
	}
	return p
}

// String describes p as GOGC and GOMEMLIMIT would: "gc-percent=400 memory-limit=160MiB".
func (p GCPolicy) String() string {
	percent := "off"
	if p.Percent >= 0 {
		percent = strconv.Itoa(p.Percent)
	}
	return "gc-percent=" + percent + " memory-limit=" + byteSize(p.MemoryLimit).String()
}

// byteSize is a flag.Value for a byte count in GOMEMLIMIT's syntax; 0 is "off".
type byteSize int64

var byteUnits = []struct {
	suffix string
	shift  uint
}{{"TiB", 40}, {"GiB", 30}, {"MiB", 20}, {"KiB", 10}, {"B", 0}}

// String formats b with the largest unit that divides it.
func (b byteSize) String() string {
	if b <= 0 {
		return "off"
	}
	for _, u := range byteUnits {
		if int64(b)%(1<<u.shift) == 0 {
			return strconv.FormatInt(int64(b)>>u.shift, 10) + u.suffix
		}
	}
	return strconv.FormatInt(int64(b), 10) + "B"
}

// Set parses "off", a number of bytes, or a number with a unit B, KiB, MiB, GiB or TiB.
func (b *byteSize) Set(s string) error {
	s = strings.TrimSpace(s)
	if s == "off" {
		*b = 0
		return nil
	}
	digits, shift := s, uint(0)
	for _, u := range byteUnits {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			digits, shift = rest, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64>>shift {
		return fmt.Errorf("invalid byte size %q: want off, or a whole number with an optional unit B, KiB, MiB, GiB or TiB", s)
	}
	*b = byteSize(n << shift)
	return nil
}
