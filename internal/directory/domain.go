package directory

import (
	"fmt"
	"strings"
	"time"
)

// Domain is a DNS name a tenant uses for user names and addresses.
type Domain struct {
	Name               string // lower case, the Graph id
	IsVerified         bool
	IsDefault          bool
	IsInitial          bool
	IsRoot             bool
	AuthenticationType string // "Managed" (federation comes with hybrid identity)
	VerificationCode   string // the TXT record text, "MS=ms" + 8 digits
	CreatedAt          time.Time
	VerifiedAt         time.Time
}

// DomainUsage counts what still uses a domain.
type DomainUsage struct {
	Users        int // active users whose UPN or mail is in the domain
	Groups       int // groups whose mail is in the domain
	DeletedUsers int // users in deleted items whose UPN or mail is in the domain
}

// InUse reports whether anything still uses the domain.
func (u DomainUsage) InUse() bool { return u.Users+u.Groups+u.DeletedUsers > 0 }

// NormalizeDomainName lowercases name, drops one trailing dot and checks
// it is a valid DNS name with at least two labels.
func NormalizeDomainName(name string) (string, error) {
	n := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".")
	if msg := checkDomainName(n); msg != "" {
		return "", Invalid("id", "The domain name '%s' is invalid: %s", name, strings.TrimSuffix(msg, "."))
	}
	return n, nil
}

// checkDomainName returns why s is not a valid DNS name, or "".
func checkDomainName(s string) string {
	if len(s) == 0 || len(s) > 253 {
		return "must be 1 to 253 characters."
	}
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return "must have at least two labels, like example.com."
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 {
			return "has an empty label or a label longer than 63 characters."
		}
		if l[0] == '-' || l[len(l)-1] == '-' {
			return fmt.Sprintf("label '%s' can't start or end with '-'.", l)
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return fmt.Sprintf("the character %q is not allowed; use letters, digits and '-' (punycode for international names).", r)
			}
		}
	}
	tld := labels[len(labels)-1]
	if strings.Trim(tld, "0123456789") == "" {
		return "must not end in a numeric label."
	}
	return ""
}

// IsSubdomainOf reports whether name lies under parent.
func IsSubdomainOf(name, parent string) bool {
	return strings.HasSuffix(name, "."+parent)
}
