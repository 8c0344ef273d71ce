package knowledge

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/planlint/planlint/internal/glversion"
)

// OSInfo is what planlint knows about the Linux package on one operating
// system release.
type OSInfo struct {
	Name    string // "Ubuntu 20.04", "SLES 15 SP6", "Rocky Linux 8"
	Family  string // "Ubuntu"
	Version string // "20.04"; "" for an entry that stands for the whole family
	// First is the first GitLab version with packages, zero when unknown.
	// It is a minor line, or an exact version where packages started with
	// a patch release (12.8.1).
	First glversion.Version
	// Last is the last minor line with packages, zero while the system is
	// supported.
	Last glversion.Version
	// PlannedLast is the last version GitLab proposes for a supported
	// system; it is a plan, and Supports ignores it.
	PlannedLast glversion.Version
	OSEOL       string // the vendor's end of life as the source gives it ("Jun 2028")
	EEOnly      bool   // only Enterprise Edition packages exist
	// PackagesOf names the system whose packages this one uses ("RHEL 8"
	// for Rocky Linux 8), "" when it has its own.
	PackagesOf string
	Note       string
}

// Supports reports whether GitLab version v ships packages for the OS:
// false past Last or before First, true otherwise (including when both
// are unknown).
func (o OSInfo) Supports(v glversion.Version) bool {
	if !o.Last.IsZero() && v.CompareMinor(o.Last) > 0 {
		return false
	}
	if !o.First.IsZero() {
		c := v.CompareMinor(o.First)
		if c < 0 || c == 0 && o.First.HasPatch && v.HasPatch && v.Patch < o.First.Patch {
			return false
		}
	}
	return true
}

// Discontinued reports whether packages for the OS have ended.
func (o OSInfo) Discontinued() bool { return !o.Last.IsZero() }

type osFamily struct {
	id, name     string
	aliases      [][]string // word sequences
	versionParts int
	packagesOf   string
}

type osSystem struct {
	info       OSInfo
	family     string
	parts      []int // nil for a whole-family entry
	anyVersion bool
	codenames  []string
	bits       int
}

type osTable struct {
	families []*osFamily
	byID     map[string]*osFamily
	systems  []*osSystem
}

// rawOSData is os_support.yaml as written.
type rawOSData struct {
	Families []rawOSFamily `yaml:"families"`
	Systems  []rawOSSystem `yaml:"systems"`
}

type rawOSFamily struct {
	ID           string   `yaml:"id"`
	Name         string   `yaml:"name"`
	Aliases      []string `yaml:"aliases"`
	VersionParts int      `yaml:"version_parts"`
	PackagesOf   string   `yaml:"packages_of"`
}

type rawOSSystem struct {
	Family      string   `yaml:"family"`
	Version     string   `yaml:"version"`
	Name        string   `yaml:"name"`
	AnyVersion  bool     `yaml:"any_version"`
	Codenames   []string `yaml:"codenames"`
	Bits        int      `yaml:"bits"`
	First       string   `yaml:"first"`
	Last        string   `yaml:"last"`
	PlannedLast string   `yaml:"planned_last"`
	OSEOL       string   `yaml:"os_eol"`
	EEOnly      bool     `yaml:"ee_only"`
	Note        string   `yaml:"note"`
}

func parseOS(data []byte) (*osTable, error) {
	raw, err := decodeStrict[rawOSData](data)
	if err != nil {
		return nil, err
	}
	return buildOS(raw)
}

// buildOS checks the decoded families and systems and indexes them.
func buildOS(raw rawOSData) (*osTable, error) {
	t := &osTable{
		byID:     make(map[string]*osFamily, len(raw.Families)),
		families: make([]*osFamily, 0, len(raw.Families)),
		systems:  make([]*osSystem, 0, len(raw.Systems)),
	}
	// The families and systems are allocated together, not one by one.
	famStore := make([]osFamily, len(raw.Families))
	sysStore := make([]osSystem, len(raw.Systems))
	for i, f := range raw.Families {
		if f.ID == "" || f.Name == "" || len(f.Aliases) == 0 {
			return nil, fmt.Errorf("family %q needs an id, a name and aliases", f.ID)
		}
		if t.byID[f.ID] != nil {
			return nil, fmt.Errorf("family %s listed twice", f.ID)
		}
		if f.VersionParts != 1 && f.VersionParts != 2 {
			return nil, fmt.Errorf("family %s: version_parts must be 1 or 2", f.ID)
		}
		fam := &famStore[i]
		*fam = osFamily{id: f.ID, name: f.Name, versionParts: f.VersionParts, packagesOf: f.PackagesOf,
			aliases: make([][]string, 0, len(f.Aliases))}
		for _, a := range f.Aliases {
			words := osTokens(a)
			if len(words) == 0 || strings.Join(words, " ") != a {
				return nil, fmt.Errorf("family %s: alias %q must be lower-case words", f.ID, a)
			}
			fam.aliases = append(fam.aliases, words)
		}
		t.families = append(t.families, fam)
		t.byID[f.ID] = fam
	}
	for _, f := range t.families {
		if f.packagesOf != "" && (t.byID[f.packagesOf] == nil || t.byID[f.packagesOf].packagesOf != "") {
			return nil, fmt.Errorf("family %s: packages_of %q is not a family with packages", f.id, f.packagesOf)
		}
	}
	for i, s := range raw.Systems {
		fam := t.byID[s.Family]
		if fam == nil {
			return nil, fmt.Errorf("system %d: unknown family %q", i+1, s.Family)
		}
		sys := &sysStore[i]
		*sys = osSystem{family: fam.id, anyVersion: s.AnyVersion, codenames: s.Codenames, bits: s.Bits}
		if s.Bits != 0 && s.Bits != 32 && s.Bits != 64 {
			return nil, fmt.Errorf("system %d: bits must be 32 or 64", i+1)
		}
		if s.Version != "" {
			p, ok := osVersionParts(s.Version)
			if !ok || len(p) > fam.versionParts {
				return nil, fmt.Errorf("system %s %q: bad version", fam.id, s.Version)
			}
			sys.parts = p
		}
		// Two systems may not agree on family, version, width and
		// any_version. There are few enough to compare each with those
		// before it.
		for _, prev := range t.systems {
			if prev.family == sys.family && slices.Equal(prev.parts, sys.parts) && prev.bits == sys.bits && prev.anyVersion == sys.anyVersion {
				return nil, fmt.Errorf("system %s %q (bits %d) listed twice", fam.id, s.Version, s.Bits)
			}
		}
		info := OSInfo{Name: s.Name, Family: fam.name, Version: s.Version, OSEOL: s.OSEOL, EEOnly: s.EEOnly, Note: strings.TrimSpace(s.Note)}
		if info.Name == "" {
			info.Name = strings.TrimSpace(fam.name + " " + s.Version)
		}
		var err error
		if info.First, err = optionalVersion(s.First); err != nil {
			return nil, fmt.Errorf("system %s: first: %v", info.Name, err)
		}
		if info.Last, err = optionalLine(s.Last); err != nil {
			return nil, fmt.Errorf("system %s: last: %v", info.Name, err)
		}
		if s.PlannedLast != "" {
			v, err := parseVersion(s.PlannedLast)
			if err != nil {
				return nil, fmt.Errorf("system %s: planned_last: %v", info.Name, err)
			}
			info.PlannedLast = v.Line()
		}
		if !info.First.IsZero() && !info.Last.IsZero() && info.Last.CompareMinor(info.First) < 0 {
			return nil, fmt.Errorf("system %s: last %s before first %s", info.Name, info.Last, info.First)
		}
		for _, c := range s.Codenames {
			if c != strings.ToLower(c) || strings.ContainsAny(c, " .") {
				return nil, fmt.Errorf("system %s: codename %q must be one lower-case word", info.Name, c)
			}
		}
		sys.info = info
		t.systems = append(t.systems, sys)
	}
	if len(t.systems) == 0 {
		return nil, fmt.Errorf("no systems")
	}
	return t, nil
}

// optionalVersion reads a GitLab version that may carry a patch; a .0
// patch is dropped, so "15.5.0" is the minor line 15.5.
func optionalVersion(s string) (glversion.Version, error) {
	if s == "" {
		return glversion.Version{}, nil
	}
	v, err := parseVersion(s)
	if err != nil {
		return v, err
	}
	if v.Wildcard || v.HasPatch && v.Patch == 0 {
		v = v.Line()
	}
	return v, nil
}

func optionalLine(s string) (glversion.Version, error) {
	if s == "" {
		return glversion.Version{}, nil
	}
	return minorLine(s)
}

// OSes returns every operating system release in the data, in file order.
func (b *Base) OSes() []OSInfo {
	if b.os == nil {
		return nil
	}
	out := make([]OSInfo, 0, len(b.os.systems))
	for _, s := range b.os.systems {
		out = append(out, s.info)
	}
	return out
}

// LookupOS finds the operating system a plan names: "Ubuntu 20.04.6 LTS",
// "RHEL 8.9", "Red Hat Enterprise Linux 7.9", "Rocky Linux 9", "SLES 15
// SP6", "Debian 12 (bookworm)", "el8", or a code name alone ("jammy").
// Version numbers past the ones that name a release are ignored (RHEL
// 8.9 is RHEL 8). Rebuilds without an entry of their own resolve to the
// packages they use (Rocky Linux 8 to RHEL 8). A name that says 32-bit or
// 64-bit (arm64) picks the entry for that width. ok is false when the
// system or its release is unknown.
func (b *Base) LookupOS(name string) (OSInfo, bool) {
	if b.os == nil {
		return OSInfo{}, false
	}
	return b.os.lookup(name)
}

// osFiller reports whether w is a word that may stand between an OS name
// and its version.
func osFiller(w string) bool {
	switch w {
	case "linux", "gnu", "enterprise", "server", "lts", "leap", "os", "release", "version", "v", "edition":
		return true
	}
	return false
}

func (t *osTable) lookup(name string) (OSInfo, bool) {
	lower := strings.ToLower(name)
	bits := 0
	for _, w := range []string{"64-bit", "64 bit", "64bit", "arm64", "aarch64"} {
		if strings.Contains(lower, w) {
			bits = 64
			lower = strings.ReplaceAll(lower, w, " ")
		}
	}
	for _, w := range []string{"32-bit", "32 bit", "32bit", "armhf"} {
		if strings.Contains(lower, w) {
			if bits == 0 {
				bits = 32
			}
			lower = strings.ReplaceAll(lower, w, " ")
		}
	}
	toks := osTokens(lower)
	fam, rest, glued := t.findFamily(toks)
	if fam == nil {
		// A code name alone: "jammy", "bookworm".
		for _, tok := range toks {
			for _, s := range t.systems {
				if s.hasCodename(tok) && bitsFit(s.bits, bits) {
					return s.info, true
				}
			}
		}
		return OSInfo{}, false
	}
	var parts []int
	if glued != "" {
		parts, _ = osVersionParts(glued)
	}
	if parts == nil {
		parts = versionAfterName(rest)
	}
	if parts == nil {
		// A code name anywhere after the name: "Debian 12 (bookworm)" is
		// read by number, "Raspberry Pi OS (32-bit) Bullseye" by name.
		for _, w := range rest {
			if s := t.byCodename(fam.id, w, bits); s != nil {
				return s.info, true
			}
		}
		for _, s := range t.systems {
			if s.family == fam.id && s.parts == nil && bitsFit(s.bits, bits) && (!s.anyVersion || bits != 0) {
				return s.info, true
			}
		}
		return OSInfo{}, false
	}
	return t.byVersion(fam, parts, bits)
}

// versionAfterName reads the version that follows an OS name, skipping
// filler words ("Linux", "Server", "release"). A service pack counts as
// the second number ("15 SP6" is 15.6). It stops at the first other word,
// so "CentOS Stream 9" has no version.
func versionAfterName(rest []string) []int {
	for i, w := range rest {
		if osFiller(w) {
			continue
		}
		parts, ok := osVersionParts(w)
		if !ok {
			return nil
		}
		if len(parts) == 1 && i+1 < len(rest) {
			sp, isSP := strings.CutPrefix(rest[i+1], "sp")
			if isSP && sp == "" && i+2 < len(rest) {
				sp = rest[i+2]
			}
			if n, err := strconv.Atoi(sp); isSP && err == nil {
				parts = append(parts, n)
			}
		}
		return parts
	}
	return nil
}

func (t *osTable) byVersion(fam *osFamily, parts []int, bits int) (OSInfo, bool) {
	if len(parts) > fam.versionParts {
		parts = parts[:fam.versionParts]
	}
	for _, s := range t.systems {
		if s.family == fam.id && s.parts != nil && slices.Equal(s.parts, parts) && bitsFit(s.bits, bits) {
			return s.info, true
		}
	}
	if fam.packagesOf != "" {
		if base, ok := t.byVersion(t.byID[fam.packagesOf], parts, bits); ok {
			info := base
			info.Family = fam.name
			info.Version = joinInts(parts)
			info.Name = fam.name + " " + info.Version
			info.PackagesOf = base.Name
			info.OSEOL = ""
			info.Note = "not listed on its own; it uses the " + base.Name + " packages"
			if base.Note != "" {
				info.Note += "; " + base.Note
			}
			return info, true
		}
	}
	for _, s := range t.systems {
		if s.family == fam.id && s.anyVersion && bitsFit(s.bits, bits) {
			return s.info, true
		}
	}
	return OSInfo{}, false
}

func (t *osTable) byCodename(family, w string, bits int) *osSystem {
	for _, s := range t.systems {
		if s.family == family && s.hasCodename(w) && bitsFit(s.bits, bits) {
			return s
		}
	}
	return nil
}

// findFamily finds the earliest, longest family alias in toks. It returns
// the tokens after it and, for an alias glued to its version ("el8"), the
// version text.
func (t *osTable) findFamily(toks []string) (fam *osFamily, rest []string, glued string) {
	for i := range toks {
		best, bestLen := (*osFamily)(nil), 0
		for _, f := range t.families {
			for _, a := range f.aliases {
				if len(a) > bestLen && i+len(a) <= len(toks) && slices.Equal(toks[i:i+len(a)], a) {
					best, bestLen = f, len(a)
				}
			}
		}
		if best != nil {
			return best, toks[i+bestLen:], ""
		}
		for _, f := range t.families {
			for _, a := range f.aliases {
				if len(a) != 1 || !strings.HasPrefix(toks[i], a[0]) {
					continue
				}
				if v := toks[i][len(a[0]):]; v != "" {
					if _, ok := osVersionParts(v); ok {
						return f, toks[i+1:], v
					}
				}
			}
		}
	}
	return nil, nil, ""
}

func (s *osSystem) hasCodename(w string) bool {
	for _, c := range s.codenames {
		if c == w {
			return true
		}
	}
	return false
}

// bitsFit reports whether an entry for width have suits a name that asks
// for want (0 = not said). A name that does not say gets the entries
// without a width or for 32 bits, the width the older packages had.
func bitsFit(have, want int) bool {
	switch want {
	case 0:
		return have != 64
	default:
		return have == 0 || have == want
	}
}

// osTokens splits lower-case text into words of letters, digits and dots.
func osTokens(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, ".")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// osVersionParts reads "22.04", "8", "15.6" or "7.9.2009".
func osVersionParts(s string) ([]int, bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return nil, false
	}
	out := make([]int, 0, strings.Count(s, ".")+1)
	for rest, more := s, true; more; {
		var p string
		p, rest, more = strings.Cut(rest, ".")
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) > 5 {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

func joinInts(p []int) string {
	s := make([]string, len(p))
	for i, n := range p {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ".")
}
