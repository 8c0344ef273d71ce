package gfm

import (
	"bytes"

	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// autolinkParser recognises bare URLs ("http://", "https://", "ftp://"),
// "www." addresses and e-mail addresses in text, like goldmark's Linkify
// with its default patterns. It is triggered at white space, at the start of
// a line and at '*', '_', '~' and '('; a triggering ' ', '*', '_', '~' or
// '(' is emitted as text before the link.
type autolinkParser struct{}

func (autolinkParser) Trigger() []byte { return []byte{' ', '*', '_', '~', '('} }

var httpProtocol = []byte("http")

func (autolinkParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	if pc.IsInLinkLabel() {
		return nil
	}
	line, seg := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	lead := 0
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		lead = 1
		line = line[1:]
	}
	start := seg.Start + lead

	kind := gast.AutoLinkURL
	var protocol []byte
	end := -1
	if hasPrefix(line, "http:") || hasPrefix(line, "https:") || hasPrefix(line, "ftp:") {
		end = matchURL(line)
	}
	if end < 0 && hasPrefix(line, "www.") {
		end = matchWWW(line)
		// goldmark sets the protocol as soon as the text starts with
		// "www.", even when it then turns out to be an e-mail address.
		protocol = httpProtocol
	}
	if end < 0 {
		if len(line) > 0 && util.IsPunct(line[0]) {
			return nil
		}
		kind = gast.AutoLinkEmail
		end = emailEnd(line)
		if end < 0 {
			return nil
		}
	}

	if lead != 0 {
		gast.MergeOrAppendTextSegment(parent, seg.WithStop(seg.Start+1))
	}
	end = trimLinkEnd(line, end)
	block.Advance(lead + end)
	link := gast.NewAutoLink(kind, gast.NewTextSegment(text.NewSegment(start, start+end)))
	link.Protocol = protocol
	return link
}

// emailEnd returns where the e-mail address at the start of line ends, or
// -1. The domain must contain a dot, and the address must not be followed
// by '-' or '_'.
func emailEnd(line []byte) int {
	stop := util.FindEmailIndex(line)
	if stop < 0 {
		return -1
	}
	at := bytes.IndexByte(line, '@')
	if bytes.IndexByte(line[at:stop-1], '.') < 0 {
		return -1
	}
	if line[stop-1] == '.' {
		stop--
	}
	if stop < len(line) && (line[stop] == '-' || line[stop] == '_') {
		return -1
	}
	return stop
}

// trimLinkEnd drops trailing punctuation that is more likely part of the
// sentence than of the link: ? ! . , : * _ ~, a ')' without a matching '('
// in the link, and an entity-like "&name;" at the end. A link keeps at least
// one byte.
func trimLinkEnd(line []byte, end int) int {
	opens := bytes.Count(line[:end], []byte{'('})
	closes := bytes.Count(line[:end], []byte{')'})
	for end > 1 {
		switch line[end-1] {
		case '?', '!', '.', ',', ':', '*', '_', '~':
			end--
		case ')':
			if closes <= opens {
				return end
			}
			closes--
			end--
		case ';':
			j := end - 2
			for j > 0 && util.IsAlphaNumeric(line[j]) {
				j--
			}
			if j == end-2 || line[j] != '&' {
				return end
			}
			end = j
		default:
			return end
		}
	}
	return end
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

// Byte classes of goldmark's default linkify patterns.
const (
	classHost     = 1 << iota // [-a-zA-Z0-9@:%._+~#=]
	classPath                 // [-a-zA-Z0-9@:%_+.~#$!?&/=();,'">^{}[]`]
	classWWWPath              // the same without '$'
	classLower                // [a-z]
	classDigit                // [0-9]
	classPathHead             // [/#?]
)

var linkClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] |= classHost | classPath | classWWWPath | classLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] |= classHost | classPath | classWWWPath
	}
	for c := '0'; c <= '9'; c++ {
		t[c] |= classHost | classPath | classWWWPath | classDigit
	}
	for _, c := range []byte("-@:%._+~#=") {
		t[c] |= classHost
	}
	for _, c := range []byte("-@:%_+.~#!?&/=();,'\">^{}[]`") {
		t[c] |= classPath | classWWWPath
	}
	t['$'] |= classPath
	for _, c := range []byte("/#?") {
		t[c] |= classPathHead
	}
	return t
}()

func is(c byte, class uint8) bool { return linkClass[c]&class != 0 }

// matchURL matches, at the start of line,
//
//	(http|https|ftp)://HOST.TLD(:PORT)?([/#?]PATH*)?
//
// where HOST is 1 to 256 host bytes (dots included), TLD is lower-case
// letters and the host part is taken as long as possible (the last dot
// followed by a lower-case letter within reach). It returns the end of the
// match or -1.
func matchURL(line []byte) int {
	var i int
	switch {
	case hasPrefix(line, "http://"):
		i = len("http://")
	case hasPrefix(line, "https://"):
		i = len("https://")
	case hasPrefix(line, "ftp://"):
		i = len("ftp://")
	default:
		return -1
	}
	i = matchHostTLD(line, i)
	if i < 0 {
		return -1
	}
	if i+1 < len(line) && line[i] == ':' && is(line[i+1], classDigit) {
		i += 2
		for i < len(line) && is(line[i], classDigit) {
			i++
		}
	}
	return matchPath(line, i, classPath)
}

// matchWWW matches "www.HOST.TLD([/#?]PATH*)?" at the start of line, with
// the same HOST and TLD as matchURL, no port, and no '$' in the path.
func matchWWW(line []byte) int {
	if !hasPrefix(line, "www.") {
		return -1
	}
	i := matchHostTLD(line, len("www."))
	if i < 0 {
		return -1
	}
	return matchPath(line, i, classWWWPath)
}

// matchHostTLD matches HOST "." TLD from i, backtracking like the regular
// expression [host]{1,256}\.[a-z]+ would: the longest host (at most 256
// bytes) that is followed by a dot and a lower-case letter wins.
func matchHostTLD(line []byte, i int) int {
	run := 0
	for i+run < len(line) && run <= 256 && is(line[i+run], classHost) {
		run++
	}
	// The dot itself is a host byte, so it lies inside the run.
	for k := min(run-1, 256); k >= 1; k-- {
		dot := i + k
		if line[dot] == '.' && dot+1 < len(line) && is(line[dot+1], classLower) {
			j := dot + 2
			for j < len(line) && is(line[j], classLower) {
				j++
			}
			return j
		}
	}
	return -1
}

func matchPath(line []byte, i int, class uint8) int {
	if i < len(line) && is(line[i], classPathHead) {
		i++
		for i < len(line) && is(line[i], class) {
			i++
		}
	}
	return i
}
