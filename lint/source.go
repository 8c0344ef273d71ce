package lint

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// MaxFileSize is the largest plan planlint reads. Upgrade plans are a few
// kilobytes; anything this large is not a plan.
const MaxFileSize = 10 << 20

// InputError is a problem with a file that stops planlint from reading it
// at all. Its message names the file and the problem on one line.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Errors returned inside InputError.
var (
	ErrEmpty    = errors.New("file is empty: expected a markdown upgrade plan")
	ErrBinary   = errors.New("file is binary, not markdown text")
	ErrTooLarge = fmt.Errorf("file is larger than %d MB, too large for an upgrade plan", MaxFileSize>>20)
)

// normalize checks raw file content and returns the text planlint reads: a
// UTF-8 byte-order mark is dropped and CRLF or CR line endings become LF,
// so the same plan saved by different editors yields the same lines,
// columns and findings.
func normalize(src []byte) ([]byte, error) {
	if len(src) > MaxFileSize {
		return nil, ErrTooLarge
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, ErrBinary
	}
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:invalidAt(src)], []byte("\n"))
		return nil, fmt.Errorf("line %d: invalid UTF-8: save the plan as UTF-8 text", line)
	}
	if bytes.IndexByte(src, '\r') >= 0 {
		out := make([]byte, 0, len(src))
		for i := 0; i < len(src); i++ {
			c := src[i]
			if c == '\r' {
				if i+1 < len(src) && src[i+1] == '\n' {
					continue
				}
				c = '\n'
			}
			out = append(out, c)
		}
		src = out
	}
	return src, nil
}

func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineIndex maps byte offsets to 1-based lines and columns.
type lineIndex struct {
	src    []byte
	starts []int
}

func newLineIndex(src []byte) lineIndex {
	starts := make([]int, 1, bytes.Count(src, []byte("\n"))+1)
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{src: src, starts: starts}
}

// lineOf returns the 1-based line holding offset off.
func (x lineIndex) lineOf(off int) int {
	lo, hi := 0, len(x.starts)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if x.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// position returns the 1-based line and column (in characters) of offset off.
func (x lineIndex) position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	line = x.lineOf(off)
	start := x.starts[line-1]
	return line, utf8.RuneCount(x.src[start:off]) + 1
}

// text returns source line n (1-based) without its newline.
func (x lineIndex) text(n int) string {
	if n < 1 || n > len(x.starts) {
		return ""
	}
	start := x.starts[n-1]
	end := len(x.src)
	if n < len(x.starts) {
		end = x.starts[n] - 1
	}
	return string(x.src[start:end])
}

func (x lineIndex) count() int { return len(x.starts) }
