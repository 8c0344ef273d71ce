package gfm

import (
	"bytes"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// edgeCases are inputs on which both parsers must agree; the fuzz target
// starts from them too. Inputs found by fuzzing are at the end.
var edgeCases = []string{
	// Tables.
	"| a | b |\n| --- | --- |\n| 1 | 2 |\n",
	"a | b\n--- | ---\n1 | 2\n",
	"| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 |\n| 4 | 5 | 6 |\n",
	"| a | b | c |\n| :-: | :-- | --: |\n",
	"|a|b|\n|-|-|\n",
	"| a |\n| - |\n",
	"| a | b |\n| --- |\n",
	"| a |\n| --- | --- |\n| 1 | 2 |\n",
	"a\n-|-\nb\n",
	"-|-\n",
	"| a | b |\n| - - | --- |\n",
	"| a | b |\n| --- || --- |\n",
	"| a | b |\n| :: | --- |\n",
	"| a | b |\n|---|---\n|1|2\n",
	"| a | b |\n---|---|\n1|2|\n",
	"    | a | b |\n    | --- | --- |\n",
	"| a | b |\n    | --- | --- |\n",
	"   | a | b |\n   | --- | --- |\n   | 1 | 2 |\n",
	"| a \\| b | c |\n| --- | --- |\n| `x \\| y` | `\\|` |\n",
	"| `a|b` | c |\n| --- | --- |\n",
	"| `a \\| b \\| c` | d |\n|---|---|\n| `e\\|` | f \\| g |\n",
	"| a | b |\n|---|---|\n| ``a\\|b`` `c\\|d` | x |\n| `e | f` |\n",
	"| `x` \\| y | z |\n|---|---|\n",
	"| a\\\\| b |\n|---|---|\n",
	"| a | b |\n|---|---|\n| 1\\| | 2 |\n| \\| |\n",
	"para line\n| a | b |\n| --- | --- |\n| 1 | 2 |\n",
	"line one\nline two\n| a | b |\n| --- | --- |\n",
	"para\n\n| a | b |\n| --- | --- |\n\nafter\n",
	"| a | b |\n| --- | --- |\n| 1 | 2 |\nlazy line\n",
	"| a | b |\n| --- | --- |\n| 1 | 2 |\n# heading\n",
	"| a | b |\n| --- | --- |\n| 1 | 2 |\n- list\n",
	"- item\n\n  | a | b |\n  | --- | --- |\n  | 1 | 2 |\n",
	"- | a | b |\n  | --- | --- |\n  | 1 | 2 |\n",
	"1. text\n   | a | b |\n   |---|---|\n",
	"> | a | b |\n> | --- | --- |\n> | 1 | 2 |\n",
	"> quote\n> | a | b |\n> |---|---|\n| lazy |\n",
	"> - | a |\n>   | - |\n",
	"| a | b |\r\n| --- | --- |\r\n| 1 | 2 |\r\n",
	"x\r\n| a | b |\r\n|:-:|---|\r\n",
	"|\ta\t|\tb\t|\n|\t---\t|\t:---:\t|\n|\t1\t|\t2\t|\n",
	"\t| a |\n| - |\n",
	"-\t\t|\ta\n",
	"| a |\n|-\t|\n",
	"| a | b |\n| --- | --- |",
	"| a |\n| - |\n|",
	"| a |\n| - |\n||\n|||\n",
	"0\n-:\n-\n",
	"a\n-:\n---\n",
	"a|b\n-|-\n===\n",
	"x\ny\n| a |\n| - |\n---\n",
	"x\ny\n| a |\n| - |\n===\n",
	"x  \ny\n| a |\n| - |\n-\n",
	"x\r\ny\r\n| a |\r\n| - |\r\n---\r\n",
	"x\n| a |\n| - |\n| b |\n---\n",
	"| a | b |\n| --- | --- |\n| *x | y* |\n| [l | k](u) |\n",
	"| **a** | ~~b~~ |\n|---|---|\n| https://x.com | www.y.org |\n",
	"| a |\n| :-- |\n| [ ] x |\n",
	"| a | b |\n|---|---|\n| 1 | 2 |  \n| 3 | 4 |\\\n| 5 | 6 |\n",
	"[ref]: http://x.com\n| a |\n| - |\n",
	"[ref]: http://x.com\n\n| [ref] |\n| - |\n",
	"| a |\n| - |\n\n| b |\n| - |\n",
	"| a |\n| - |\n| b |\n| - |\n",
	"a\n| b |\n| - |\nc\n| d |\n| - |\n",
	"| a |\n|\f- |\n",
	"| a |\n|\v- |\n",

	// Strikethrough.
	"~~strike~~",
	"~single~",
	"~~~three~~~",
	"~~unmatched",
	"unmatched~~",
	"~a~~ b~~",
	"a~~b~~c",
	"~~a ~b~ c~~",
	"~~ a ~~",
	"~~*a*~~ *~~b~~*",
	"**~~a**~~",
	"x ~~y\nz~~",
	"~~a~~~",
	"\\~~a~~",
	"~~a\\~~",
	"`~~a~~`",
	"~~~\ncode\n~~~\n",
	"~ ~ ~~ ~~~",
	"a ~~b~ c~",

	// Autolinks.
	"see http://example.com.",
	"see https://example.com/path?q=1&r=2, then",
	"ftp://files.example.org/pub/file.tar.gz!",
	"www.example.com/a(b)c)",
	"(www.example.com)",
	"(https://example.com/wiki/A_(b))",
	"https://example.com/a_(b))).",
	"https://example.com/?x=a&amp;",
	"https://example.com/&hl;",
	"https://example.com/&;",
	"https://example.com/a;",
	"https://example.com:8080/x",
	"https://example.com:/x",
	"https://example.com:80a",
	"http://localhost:8080/",
	"http://127.0.0.1/",
	"http://a.b",
	"http://a.B",
	"http://.com",
	"https://sub.example.COM.io/",
	"http://exa_mple.com/",
	"https://example.com/$x$",
	"www.example.com/$x$",
	"www.example",
	"www..com",
	"www.a.b.c.d",
	"wwwx.example.com",
	"Www.example.com",
	"HTTP://EXAMPLE.COM",
	"https:/example.com",
	"http:example.com",
	"*https://example.com*",
	"_www.example.com_",
	"~https://example.com~",
	"**https://example.com**",
	"x https://example.com/\"quoted\" y",
	"https://example.com/<tag>",
	"https://example.com/a*b*",
	"https://example.com/`code`",
	"https://example.com/?a=[1]{2}^3",
	"foo@bar.com",
	"mail foo.bar+baz@example.co.uk.",
	"foo@bar",
	"foo@bar.com-",
	"foo@bar.com_",
	"foo@bar.com.",
	"a.b-c_d@a.b",
	"@example.com",
	"foo@-bar.com",
	"www.foo@bar.com",
	"www.@x.y",
	"www.x@y.Z",
	"www.x_@y.Zq",
	"+foo@bar.com",
	"`https://example.com`",
	"[https://example.com](https://other.org)",
	"[see www.example.com here]",
	"[x]: https://example.com\n",
	"<https://example.com>",
	"<foo@bar.com>",
	"![https://example.com](img.png)",
	"http://example.com/" + strings.Repeat("a", 300),
	"http://" + strings.Repeat("a", 300) + ".com",
	"http://" + strings.Repeat("a", 255) + ".com",
	"http://" + strings.Repeat("a", 256) + ".com",
	"http://" + strings.Repeat("a", 257) + ".com",
	"http://" + strings.Repeat("a.", 200) + "com",
	"www." + strings.Repeat("b", 256) + ".com",
	"www." + strings.Repeat("b", 257) + ".com",
	strings.Repeat("x", 64) + "@example.com",
	strings.Repeat("x", 65) + "@example.com",
	"x@" + strings.Repeat("a", 63) + ".com",
	"x@" + strings.Repeat("a", 64) + ".com",
	"x\thttps://example.com",
	"x\n https://example.com",
	"https://example.com\nhttps://example.org",
	"https://example.com  \nnext",
	"https://example.com\\\nnext",
	"a https://x.com) b (https://y.com)",
	"https://x.com/).",
	"http://x.y/?!.,:*_~",
	"http://x.y?",
	"http://é.com",
	"https://example.com/a~ b",
	"~~https://example.com/x~~",
	"*https://example.com/x*",
	"_https://example.com/x_",
	"https://example.com/é",

	// Task lists.
	"- [ ] x",
	"- [x] x",
	"* [X] x",
	"1. [ ] x",
	"+ [x]",
	"- [ ]",
	"- [ ]\n  continued",
	"- [x]\tx",
	"- [\t] x",
	"- [y] x",
	"- [ ]x",
	"- [  ] x",
	"- x [ ] y",
	"- **[ ] x**",
	"- [ ] [link](u)",
	"- [x] [ ] x",
	"- [ ] x\n  - [x] y\n    - [ ] z\n",
	"- [ ] x\n\n  [ ] y\n",
	"- > [ ] x",
	"- # [ ] x",
	"- \n  [ ] x",
	"-   [ ] x",
	"- [ ] x\r\n- [x] y\r\n",
	"[ ] not a list",
	"> - [x] quoted",
	"- [ ] https://example.com",
	"- [x] ~~done~~",
	"- [ ]\n- [x]\n",
	"1) [X] y\n2) [ ] z\n",
	"- [\f] x",
	"- [\r] x",
	"- [ ]\f\tx",

	// Mixed.
	"# Plan\n\n- [ ] Back up https://db.example.com ~~today~~\n\n| step | cmd |\n|:--|--:|\n| 1 | `kubectl get pods \\| grep x` |\n",
	"---\ntitle: x\n---\n| a |\n| - |\n",
	"```\n| a |\n| - |\n```\n",
	"    | a |\n    | - |\n",
	"<div>\n| a |\n| - |\n</div>\n",
	"Setext\n======\n| a |\n| - |\n",
}

func checkSame(t *testing.T, name string, src []byte) {
	t.Helper()
	for _, p := range []struct {
		name      string
		ref, ours goldmark.Markdown
	}{{"plain", refPlain, ourPlain}, {"frontmatter", refFM, ourFM}} {
		if d := diffParse(p.ref, p.ours, src); d != "" {
			t.Errorf("%s (%s): %s\ninput: %q\ngoldmark:\n%s\ngfm:\n%s", name, p.name, d, src,
				shortDump(p.ref, src), shortDump(p.ours, src))
			return
		}
	}
}

func TestEdgeCases(t *testing.T) {
	for i, c := range edgeCases {
		checkSame(t, "case "+strconv.Itoa(i), []byte(c))
	}
}

// TestEdgeCasesCover makes sure the edge cases exercise every node kind the
// extension produces, so the comparison is not vacuous.
func TestEdgeCasesCover(t *testing.T) {
	seen := map[gast.NodeKind]int{}
	for _, c := range edgeCases {
		root := ourPlain.Parser().Parse(text.NewReader([]byte(c)))
		_ = gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if entering {
				seen[n.Kind()]++
			}
			return gast.WalkContinue, nil
		})
	}
	for _, k := range []gast.NodeKind{east.KindTable, east.KindTableHeader, east.KindTableRow,
		east.KindTableCell, east.KindStrikethrough, east.KindTaskCheckBox, gast.KindAutoLink} {
		if seen[k] == 0 {
			t.Errorf("no %v in the edge cases", k)
		}
	}
}

// markdownInputs returns the markdown files under the repository's testdata
// and rules/testdata, and the inputs of Go fuzz corpus files there.
func markdownInputs(t testing.TB) map[string][]byte {
	inputs := map[string][]byte{}
	for _, dir := range []string{"../../testdata", "../../rules/testdata"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			switch {
			case strings.HasSuffix(path, ".md"):
				inputs[path] = b
			case bytes.HasPrefix(b, []byte("go test fuzz v1\n")):
				for i, v := range corpusValues(b) {
					inputs[path+"#"+strconv.Itoa(i)] = v
				}
			}
			return nil
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return inputs
}

// corpusValues decodes the string and []byte values of a Go fuzz corpus
// file.
func corpusValues(b []byte) [][]byte {
	var out [][]byte
	for _, line := range strings.Split(string(b), "\n")[1:] {
		for _, prefix := range []string{"[]byte(", "string("} {
			if s, ok := strings.CutPrefix(line, prefix); ok {
				if v, err := strconv.Unquote(strings.TrimSuffix(s, ")")); err == nil {
					out = append(out, []byte(v))
				}
			}
		}
	}
	return out
}

func TestTestdataFiles(t *testing.T) {
	inputs := markdownInputs(t)
	if len(inputs) < 400 {
		t.Fatalf("found only %d markdown inputs", len(inputs))
	}
	kinds := map[gast.NodeKind]int{}
	for name, src := range inputs {
		checkSame(t, name, src)
		root := ourPlain.Parser().Parse(text.NewReader(src))
		_ = gast.Walk(root, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if entering {
				kinds[n.Kind()]++
			}
			return gast.WalkContinue, nil
		})
	}
	t.Logf("%d inputs; tables %d, cells %d, strikethrough %d, checkboxes %d, autolinks %d",
		len(inputs), kinds[east.KindTable], kinds[east.KindTableCell], kinds[east.KindStrikethrough],
		kinds[east.KindTaskCheckBox], kinds[gast.KindAutoLink])
}

func FuzzEquivalence(f *testing.F) {
	for _, c := range edgeCases {
		f.Add([]byte(c))
	}
	for _, name := range []string{"ok_multinode_3k.md"} {
		if b, err := os.ReadFile(filepath.Join("../../testdata/plans", name)); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSame(t, "fuzz", src)
	})
}

func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile("../../testdata/plans/ok_multinode_3k.md")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range []struct {
		name string
		md   goldmark.Markdown
	}{{"goldmark", refPlain}, {"gfm", ourPlain}} {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				p.md.Parser().Parse(text.NewReader(src))
			}
		})
	}
}

// tokens is the alphabet of FuzzTokens and TestRandomTokens: pieces of the
// syntax the extension cares about, so that random sequences form tables,
// links, tildes and task items far more often than random bytes do.
var tokens = []string{
	"|", "|", "-", "--", ":", " ", "  ", "\t", "\n", "\n", "\r\n", "`", "\\", "\\|",
	"~", "~~", "[", "]", "[ ] ", "[x] ", "[X]", "x", "a", "B", "1", "8080",
	"http://", "https://", "ftp://", "www.", "@", ".", ".com", "/", "?", "#", "(", ")",
	"&", ";", "&amp;", "*", "_", "!", ",", "$", "'", "\"", "<", ">", "=",
	"- ", "* ", "1. ", "> ", "    ", "# ", "```\n", "---\n", "===\n", "\f", "é",
	"| --- | :-: |\n", "| a | b |\n", "foo@bar.com", "example.org",
}

func fromTokens(b []byte) []byte {
	var out []byte
	for _, c := range b {
		out = append(out, tokens[int(c)%len(tokens)]...)
	}
	return out
}

func FuzzTokens(f *testing.F) {
	f.Add([]byte{0, 1, 2})
	f.Add([]byte("table|links~~and [x] tasks"))
	f.Fuzz(func(t *testing.T, b []byte) {
		checkSame(t, "tokens", fromTokens(b))
	})
}

func TestRandomTokens(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range n {
		b := make([]byte, 1+r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		checkSame(t, "random tokens", fromTokens(b))
		if t.Failed() {
			return
		}
	}
}

// TestConvert checks that rendering with goldmark's HTML renderer works with
// the pass-through renderers.
func TestConvert(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(GFM))
	src := "| a | b |\n|---|---|\n| ~~c~~ | https://x.com |\n\n- [x] done\n"
	var out bytes.Buffer
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"done", `<a href="https://x.com">`, "c"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
