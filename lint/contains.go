package lint

import "strings"

// gramSet is a 512-bit set of the byte pairs of a line's lower-case text.
// Rules ask hundreds of "does the line say ...?" questions of every line;
// a phrase whose first, middle or last pair the line does not have cannot
// be in it, and most questions end there without a search.
type gramSet [8]uint64

func gramHash(a, b byte) uint32 {
	return (uint32(a)<<8 | uint32(b)) * 2654435761 >> 23
}

// addText adds the byte pairs of s and reports whether s has a digit.
func (g *gramSet) addText(s string) bool {
	digit := false
	for i := 0; i+1 < len(s); i++ {
		h := gramHash(s[i], s[i+1])
		g[h>>6] |= 1 << (h & 63)
		digit = digit || s[i]-'0' < 10
	}
	return digit || len(s) > 0 && s[len(s)-1]-'0' < 10
}

func (g *gramSet) has(a, b byte) bool {
	h := gramHash(a, b)
	return g[h>>6]&(1<<(h&63)) != 0
}

// setLower sets the line's lower-case text, the pairs it holds and
// whether it has a digit.
func (l *Line) setLower(lower string) {
	l.Lower = lower
	l.grams = gramSet{}
	l.digit = l.grams.addText(lower)
	l.gramsSet = true
}

// hasDigit reports whether the line's text has an ASCII digit: dates,
// clock times and versions all do.
func (l *Line) hasDigit() bool {
	if !l.gramsSet {
		return hasDigit(l.Text)
	}
	return l.digit
}

// Contains reports whether the line's lower-case text contains s, which
// must be lower-case.
func (l *Line) Contains(s string) bool {
	return l.mayContain(s) && strings.Contains(l.Lower, s)
}

// mayContain reports whether the line has the first, middle and last
// byte pairs of s; when it does not, s is not in the line.
func (l *Line) mayContain(s string) bool {
	if n := len(s); l.gramsSet && n >= 2 {
		g := &l.grams
		if !g.has(s[0], s[1]) || !g.has(s[n-2], s[n-1]) || n >= 6 && !g.has(s[n/2-1], s[n/2]) {
			return false
		}
	}
	return true
}

// ContainsAny reports whether the line's lower-case text contains one of
// the lower-case phrases.
func (l *Line) ContainsAny(phrases ...string) bool {
	for _, p := range phrases {
		if l.Contains(p) {
			return true
		}
	}
	return false
}

// IndexOf returns the offset of the lower-case s in the line's lower-case
// text, or -1.
func (l *Line) IndexOf(s string) int {
	if !l.mayContain(s) {
		return -1
	}
	return strings.Index(l.Lower, s)
}

// wordBit places a word in the 256-bit set of a line's tokens by its
// length and first, second and last bytes: a key that costs the same for
// any word, where a hash of all its bytes would be paid on every
// question asked.
func wordBit(w string) (int, uint64) {
	n := len(w)
	if n == 0 {
		return 0, 1
	}
	h := (uint32(w[0])<<16 | uint32(w[n/2])<<8 | uint32(w[n-1])) ^ uint32(n)<<24
	h *= 2654435761
	return int(h >> 30), 1 << (h >> 24 & 63)
}

// maskWords records the keys of the line's tokens for HasWord.
func (l *Line) maskWords() {
	l.words = [4]uint64{}
	for _, t := range l.Tokens {
		i, b := wordBit(t.Word)
		l.words[i] |= b
	}
	l.wordsSet = true
}

// mayHaveWord reports whether w may be a token of the line; when it
// reports false, w is not.
func (l *Line) mayHaveWord(w string) bool {
	i, b := wordBit(w)
	return l.words[i]&b != 0
}

// hasToken reports whether w is a token of the line.
func (l *Line) hasToken(w string) bool {
	for _, t := range l.Tokens {
		if t.Word == w {
			return true
		}
	}
	return false
}

// ContainsIn reports whether sub, a part of the line's lower-case text,
// contains the lower-case s.
func (l *Line) ContainsIn(sub, s string) bool {
	return l.mayContain(s) && strings.Contains(sub, s)
}

// ContainsAnyIn reports whether sub, a part of the line's lower-case
// text, contains one of the lower-case phrases.
func (l *Line) ContainsAnyIn(sub string, phrases ...string) bool {
	for _, p := range phrases {
		if l.ContainsIn(sub, p) {
			return true
		}
	}
	return false
}
