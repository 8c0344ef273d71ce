package lint

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// stringArena hands out strings carved from large byte chunks, so the
// text and lower-case text of a document's lines cost a few allocations
// instead of two per line. Bytes once handed out are never written again.
type stringArena struct {
	buf []byte
}

const arenaChunk = 16 << 10

// reserve returns the arena's buffer with room for n more bytes.
func (a *stringArena) reserve(n int) {
	if cap(a.buf)-len(a.buf) < n {
		a.buf = make([]byte, 0, max(n, arenaChunk))
	}
}

// since returns the bytes appended from start as a string.
func (a *stringArena) since(start int) string {
	if len(a.buf) == start {
		return ""
	}
	return unsafe.String(&a.buf[start], len(a.buf)-start)
}

// copy returns p as a string.
func (a *stringArena) copy(p []byte) string {
	a.reserve(len(p))
	start := len(a.buf)
	a.buf = append(a.buf, p...)
	return a.since(start)
}

// lower returns lowerSameLen(s), carved from the arena when s changes.
func (a *stringArena) lower(s string) string {
	i := lowerPrefix(s)
	if i == len(s) {
		return s
	}
	a.reserve(len(s))
	start := len(a.buf)
	a.buf = appendLower(append(a.buf, s[:i]...), s[i:])
	return a.since(start)
}

// lowerPrefix returns the length of the leading lower-case ASCII of s.
func lowerPrefix(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return i
		}
	}
	return len(s)
}

// appendLower appends s lower-cased to dst without changing any byte
// offset: runes whose lower case has another UTF-8 length stay as they
// are.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == n {
			dst = utf8.AppendRune(dst, l)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}
