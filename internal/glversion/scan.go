package glversion

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Form says how a version was written, which tells how strongly it names a
// GitLab release.
type Form uint8

const (
	// FormPlain is a bare number: "16.11.10", "16.11", "16.11.x".
	FormPlain Form = iota
	// FormPrefixed is a number with a "v" prefix: "v16.11.10".
	FormPrefixed
	// FormPackage is a Linux package name or pin: "gitlab-ee=16.11.10-ee.0",
	// "gitlab-ee-16.11.10-ee.0.el8.x86_64.rpm", "gitlab-ce_16.11.10-ce.0_amd64.deb".
	FormPackage
	// FormImage is a container image tag: "gitlab/gitlab-ee:16.11.10-ee.0".
	FormImage
)

// Mention is one version found in a text.
type Mention struct {
	Version Version
	// Start and End delimit the whole written version in bytes, including a
	// "v" prefix and an edition or package suffix, but not a package name
	// before it.
	Start, End int
	// NumStart and NumEnd delimit the digits of the number only.
	NumStart, NumEnd int
	// Edition is "ee" or "ce" when the writing says so.
	Edition string
	// Form is how the version was written.
	Form Form
	// Prerelease is true for release candidates ("16.11.0-rc42").
	Prerelease bool
	// Suffixed is true when an edition or package revision follows the number
	// ("-ee", "-ee.0", "+ce.0").
	Suffixed bool
}

// Strong reports whether the mention can only be a software version: three
// numbers, a "v" prefix, an edition suffix, or a package or image form. Two
// numbers alone ("16.11") may be anything and need context.
func (m Mention) Strong() bool {
	return m.Version.HasPatch || m.Version.Wildcard || m.Form != FormPlain || m.Suffixed
}

// Scan appends every version found in text to dst and returns it.
//
// It skips numbers that cannot be versions: four or more dotted parts (IP
// addresses), parts with leading zeros ("22.00"), numbers glued to letters
// ("x86_64", "2.5GB", "el8"), overlong parts (dates like "12.12.2026"), and
// days with months written the German way ("am 20.11.").
func Scan(text string, dst []Mention) []Mention {
	n := len(text)
	for i := 0; i < n; i++ {
		c := text[i]
		if !isDigit(c) {
			continue
		}
		// A version starts at a word boundary or after a "v" prefix.
		start := i
		prefixed := false
		if i > 0 {
			p := text[i-1]
			switch {
			case p == 'v' || p == 'V':
				if i >= 2 && (isAlnum(text[i-2]) || text[i-2] == '.') {
					i = skipRun(text, i)
					continue
				}
				prefixed = true
				start = i - 1
			case isAlnum(p) || p == '.' || p == ',' && i >= 2 && isDigit(text[i-2]) || p >= utf8.RuneSelf && letterBefore(text, i):
				i = skipRun(text, i)
				continue
			case p == '_' && !hasPackageBefore(text, i):
				i = skipRun(text, i)
				continue
			}
		}
		m, end, ok := lexNumber(text, i)
		if !ok {
			i = end - 1
			continue
		}
		if !prefixed && dayMonth(text, i, end, m.Version) {
			// "am 20.11. und 21.11.2026": a German date without its year.
			i = end
			continue
		}
		m.Start = start
		m.NumStart = i
		if prefixed {
			m.Form = FormPrefixed
		}
		end = lexSuffix(text, end, &m)
		if end >= 0 && !m.Suffixed && end+1 < len(text) && text[end] == '.' && isLetter(text[end+1]) {
			// "values-8.1.8.yaml": part of a file name.
			end = -1
		}
		if end < 0 {
			i = skipRun(text, i)
			continue
		}
		m.End = end
		classifyPrefix(text, start, &m)
		dst = append(dst, m)
		i = end - 1
	}
	return dst
}

// lexNumber reads major.minor[.patch|.x] at i. On failure end is where
// scanning resumes.
func lexNumber(s string, i int) (m Mention, end int, ok bool) {
	major, j, digits, lead := readInt(s, i)
	if digits > 2 || lead || j >= len(s) || s[j] != '.' {
		return m, skipRun(s, i), false
	}
	minor, k, digits, lead := readInt(s, j+1)
	if digits == 0 || digits > 2 || lead {
		return m, skipRun(s, i), false
	}
	v := Version{Major: major, Minor: minor}
	end = k
	if k+1 < len(s) && s[k] == '.' {
		switch c := s[k+1]; {
		case isDigit(c):
			patch, l, digits, lead := readInt(s, k+1)
			if digits > 3 || lead {
				return m, skipRun(s, i), false
			}
			v.Patch, v.HasPatch = patch, true
			end = l
		case (c == 'x' || c == 'X' || c == '*') && (k+2 >= len(s) || !isAlnum(s[k+2])):
			v.Wildcard = true
			end = k + 2
		}
	}
	// A fourth dotted number makes it an address or a date, not a version.
	if end+1 < len(s) && s[end] == '.' && isDigit(s[end+1]) {
		return m, skipRun(s, i), false
	}
	if major == 0 {
		return m, skipRun(s, i), false
	}
	m.Version = v
	m.NumEnd = end
	return m, end, true
}

// lexSuffix reads what follows the number and returns the end of the
// mention, or -1 when the number is glued to something that makes it not a
// version.
func lexSuffix(s string, end int, m *Mention) int {
	if end >= len(s) {
		return end
	}
	c := s[end]
	switch {
	case c == '-' || c == '+':
		rest := s[end+1:]
		switch {
		case hasFoldPrefix(rest, "ee") && boundaryAfter(rest, 2), hasFoldPrefix(rest, "ce") && boundaryAfter(rest, 2):
			m.Edition = lower2(rest[:2])
			m.Suffixed = true
			e := end + 3
			return consumePackageTail(s, e)
		case hasFoldPrefix(rest, "rc") || hasFoldPrefix(rest, "pre"):
			m.Prerelease = true
			e := end + 1
			for e < len(s) && isAlnum(s[e]) {
				e++
			}
			return e
		}
		return end
	case letterAt(s, end) || c == '_' && !m.Version.HasPatch:
		return -1
	case c == '_':
		// "16.11.10_amd64" style package tails.
		return consumePackageTail(s, end)
	}
	return end
}

// consumePackageTail skips a package revision and file-name tail such as
// ".0", ".0.el8.x86_64.rpm" or ".0_amd64.deb".
func consumePackageTail(s string, e int) int {
	for e < len(s) {
		c := s[e]
		if c == '.' || c == '_' {
			if e+1 < len(s) && (isAlnum(s[e+1])) {
				e++
				for e < len(s) && (isAlnum(s[e]) || s[e] == '_') {
					e++
				}
				continue
			}
		}
		break
	}
	return e
}

// classifyPrefix looks at the text before the mention for a package or
// image name.
func classifyPrefix(s string, start int, m *Mention) {
	if start == 0 {
		return
	}
	sep := s[start-1]
	if sep != '=' && sep != '-' && sep != '_' && sep != ':' {
		return
	}
	// Find the word the separator belongs to.
	w := start - 1
	for w > 0 && !isSpaceOrQuote(s[w-1]) {
		w--
	}
	word := s[w : start-1]
	ed := ""
	switch {
	case hasFoldSuffix(word, "gitlab-ee"), hasFoldSuffix(word, "-ee") && containsFold(word, "gitlab"):
		ed = "ee"
	case hasFoldSuffix(word, "gitlab-ce"), hasFoldSuffix(word, "-ce") && containsFold(word, "gitlab"):
		ed = "ce"
	default:
		if sep == ':' && containsFold(word, "gitlab") {
			m.Form = FormImage
		}
		return
	}
	if m.Edition == "" {
		m.Edition = ed
	}
	if sep == ':' || containsFold(word, "/") {
		m.Form = FormImage
	} else {
		m.Form = FormPackage
	}
}

func hasPackageBefore(s string, i int) bool {
	return hasFoldSuffix(s[:i-1], "gitlab-ee") || hasFoldSuffix(s[:i-1], "gitlab-ce")
}

func readInt(s string, i int) (val, end, digits int, leadingZero bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		if j-i < 6 {
			val = val*10 + int(s[j]-'0')
		}
		j++
	}
	digits = j - i
	return val, j, digits, digits > 1 && s[i] == '0'
}

func skipRun(s string, i int) int {
	for i < len(s) && (isAlnum(s[i]) || s[i] == '.' && i+1 < len(s) && isAlnum(s[i+1])) {
		i++
	}
	return i
}

func boundaryAfter(s string, n int) bool {
	return n >= len(s) || !isLetter(s[n])
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isAlnum(c byte) bool  { return isDigit(c) || isLetter(c) }

// letterBefore reports whether the rune ending at byte i is a letter,
// including non-ASCII letters ("é"), but not symbols such as "→".
func letterBefore(s string, i int) bool {
	if i <= 0 {
		return false
	}
	if s[i-1] < utf8.RuneSelf {
		return isLetter(s[i-1])
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r)
}

// letterAt reports whether the rune starting at byte i is a letter.
func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		return isLetter(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

func isSpaceOrQuote(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '`', '(', '[', '{', ',', ';', '|', '>', '<':
		return true
	}
	return false
}

func lower2(s string) string {
	b := []byte{s[0] | 0x20, s[1] | 0x20}
	return string(b)
}

func hasFoldPrefix(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s[i]|0x20 != p[i]|0x20 {
			return false
		}
	}
	return true
}

func hasFoldSuffix(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	return equalFoldASCII(s[len(s)-len(p):], p)
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if equalFoldASCII(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// dayMonth reports whether the number at text[start:end] is a day and month
// written the German way, with a closing dot and no year: after "am", "vom"
// or "den" ("am 20.11."), or before a conjunction and a further date
// ("20.11. und 21.11.2026", "20.11. bis 22.11.").
func dayMonth(text string, start, end int, v Version) bool {
	if v.HasPatch || v.Wildcard || v.Major > 31 || v.Minor < 1 || v.Minor > 12 || end >= len(text) || text[end] != '.' || end+1 < len(text) && text[end+1] != ' ' {
		return false
	}
	before := strings.TrimRight(text[:start], " ")
	word := strings.ToLower(before[strings.LastIndexByte(before, ' ')+1:])
	switch word {
	case "am", "vom", "den":
		return true
	case "und", "bis", "-", "–", "oder":
		// The second of two: "20.11. bis 22.11.".
		prev := strings.TrimRight(before[:len(before)-len(word)], " ")
		if d := strings.LastIndexByte(prev, ' '); strings.HasSuffix(prev, ".") && isShortDate(prev[d+1:len(prev)-1]) {
			return true
		}
	}
	after := strings.Fields(text[end+1:])
	if len(after) < 2 || after[1] == "" || !isDigit(after[1][0]) {
		return false
	}
	switch strings.ToLower(after[0]) {
	case "und", "bis", "-", "–", "oder":
		return true
	}
	return false
}

// isShortDate reports whether s is a day and a month, "20.11".
func isShortDate(s string) bool {
	d, m, ok := strings.Cut(s, ".")
	return ok && len(d) >= 1 && len(d) <= 2 && len(m) >= 1 && len(m) <= 2 && allDigits(d) && allDigits(m)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
