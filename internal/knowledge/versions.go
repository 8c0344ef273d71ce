package knowledge

import "github.com/planlint/planlint/internal/glversion"

// parseVersion is glversion.Parse for the data files: the plain "17.8" and
// "17.8.1" they are written in are read here without the general scanner,
// anything else goes to glversion.Parse. The result is the same either way.
func parseVersion[T string | []byte](s T) (glversion.Version, error) {
	if v, ok := canonicalVersion(s); ok {
		return v, nil
	}
	return glversion.Parse(string(s))
}

// canonicalVersion reads "major.minor" or "major.minor.patch" written the
// way glversion.Version.String writes them, within the limits
// glversion.Parse sets: no leading zeros, a major of 1 to 99, a minor of
// at most two digits and a patch of at most three.
func canonicalVersion[T string | []byte](s T) (glversion.Version, bool) {
	var parts [3]int
	n, i := 0, 0
	for ; n < 3; n++ {
		start, v := i, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			v = v*10 + int(s[i]-'0')
			i++
		}
		digits := i - start
		if digits == 0 || digits > 3 || digits == 3 && n < 2 || digits > 1 && s[start] == '0' {
			return glversion.Version{}, false
		}
		parts[n] = v
		if i == len(s) || s[i] != '.' {
			break
		}
		i++
	}
	if n == 0 || n > 2 || i != len(s) || parts[0] == 0 {
		return glversion.Version{}, false
	}
	if n == 1 {
		return glversion.NewMinor(parts[0], parts[1]), true
	}
	return glversion.New(parts[0], parts[1], parts[2]), true
}
