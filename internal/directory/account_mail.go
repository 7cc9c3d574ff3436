package directory

import (
	"fmt"
	"strings"
	"time"
)

// accountMail is what a "your new account" email says: who the account is
// for, how to sign in, and either the temporary password or the one-time
// link to choose one. It holds secrets, so it goes only into the outbox,
// never into a log or an audit record.
type accountMail struct {
	Org         string
	DisplayName string
	UPN         string
	SignInURL   string
	Password    string    // the temporary password, or "" when a link is sent
	ForceChange bool      // the password must be changed at first sign-in
	LinkURL     string    // the set-password link, or "" when a password is sent
	LinkExpires time.Time // when the link stops working
}

// mailLanguage is the language of the tenant's mail: Dutch when the
// organization prefers it, English otherwise.
func mailLanguage(org Organization) string {
	if strings.HasPrefix(strings.ToLower(org.PreferredLanguage), "nl") {
		return "nl"
	}
	return "en"
}

// render returns the subject and plain-text body in lang ("nl" or "en").
func (m accountMail) render(lang string) (subject, body string) {
	if lang == "nl" {
		return m.dutch()
	}
	return m.english()
}

func (m accountMail) english() (string, string) {
	var b strings.Builder
	fmt.Fprintf(&b, "Hello,\n\nAn account at %s has been created for %s.\n\n", m.Org, m.DisplayName)
	fmt.Fprintf(&b, "Sign-in name: %s\n", m.UPN)
	if m.LinkURL == "" {
		fmt.Fprintf(&b, "Temporary password: %s\nSign in at: %s\n\n", m.Password, m.SignInURL)
		if m.ForceChange {
			b.WriteString("You must choose a new password when you sign in for the first time.\n")
		} else {
			b.WriteString("Keep this password to yourself, and choose your own under My account soon.\n")
		}
		return "Your new account", b.String()
	}
	fmt.Fprintf(&b, "\nChoose your password with this link. It works once, until %s:\n%s\n\n", englishDate(m.LinkExpires), m.LinkURL)
	fmt.Fprintf(&b, "Then sign in at: %s\n\nIf the link no longer works, ask your admin for a new one.\n", m.SignInURL)
	return "Your new account", b.String()
}

func (m accountMail) dutch() (string, string) {
	var b strings.Builder
	fmt.Fprintf(&b, "Hallo,\n\nEr is een account bij %s aangemaakt voor %s.\n\n", m.Org, m.DisplayName)
	fmt.Fprintf(&b, "Aanmeldnaam: %s\n", m.UPN)
	if m.LinkURL == "" {
		fmt.Fprintf(&b, "Tijdelijk wachtwoord: %s\nAanmelden via: %s\n\n", m.Password, m.SignInURL)
		if m.ForceChange {
			b.WriteString("Bij uw eerste aanmelding kiest u een nieuw wachtwoord.\n")
		} else {
			b.WriteString("Houd dit wachtwoord voor uzelf en kies binnenkort een eigen wachtwoord onder Mijn account.\n")
		}
		return "Uw nieuwe account", b.String()
	}
	fmt.Fprintf(&b, "\nKies uw wachtwoord via deze link. Die werkt één keer, tot %s:\n%s\n\n", dutchDate(m.LinkExpires), m.LinkURL)
	fmt.Fprintf(&b, "Meld u daarna aan via: %s\n\nWerkt de link niet meer? Vraag uw beheerder om een nieuwe.\n", m.SignInURL)
	return "Uw nieuwe account", b.String()
}

// englishDate writes t as "7 December 2026, 15:04 UTC".
func englishDate(t time.Time) string { return t.UTC().Format("2 January 2006, 15:04 UTC") }

// dutchMonths are the month names Go's time package only knows in English.
var dutchMonths = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
	"september", "oktober", "november", "december"}

// dutchDate writes t as "7 december 2026, 15:04 UTC".
func dutchDate(t time.Time) string {
	t = t.UTC()
	return fmt.Sprintf("%d %s %d, %s UTC", t.Day(), dutchMonths[t.Month()-1], t.Year(), t.Format("15:04"))
}
