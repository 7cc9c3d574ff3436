package directory

import (
	"fmt"
	"strings"
)

// AdminWarning is something about the organization's admins that an admin
// should act on (seed 001): too few or too many Global admins, or an admin
// who couldn't reset their own password.
type AdminWarning struct {
	Code  string // one of the Warn… codes
	UPN   string // the admin it is about, for the per-admin codes
	Count int    // the number of Global admins, for WarnManyGlobalAdmins
}

// The admin warning codes.
const (
	WarnFewGlobalAdmins  = "fewGlobalAdmins"
	WarnManyGlobalAdmins = "manyGlobalAdmins"
	WarnNoAlternateEmail = "noAlternateEmail"
	WarnNoMobilePhone    = "noMobilePhone"
)

// Message is the warning in lang ("nl…" for Dutch, else English).
func (w AdminWarning) Message(lang string) string {
	nl := strings.HasPrefix(strings.ToLower(lang), "nl")
	switch w.Code {
	case WarnFewGlobalAdmins:
		if nl {
			return "Wijs meer dan één globale beheerder aan, zodat de organisatie niet buitengesloten raakt als er één afwezig is."
		}
		return "Designate more than one Global admin, so that the organization is not locked out when one is away."
	case WarnManyGlobalAdmins:
		if nl {
			return fmt.Sprintf("Beperk het aantal globale beheerders tot minder dan 5 (het zijn er %d).", w.Count)
		}
		return fmt.Sprintf("Limit Global admins to fewer than 5 (there are %d).", w.Count)
	case WarnNoAlternateEmail:
		if nl {
			return "Geef " + w.UPN + " een alternatief e-mailadres buiten de domeinen van uw organisatie; het wordt gebruikt om het wachtwoord van een beheerder opnieuw in te stellen."
		}
		return "Give " + w.UPN + " an alternate email address outside your organization's domains; it is used to reset an admin's password."
	case WarnNoMobilePhone:
		if nl {
			return "Geef " + w.UPN + " een mobiel telefoonnummer met landcode (+31 6 …); het wordt gebruikt om het wachtwoord van een beheerder opnieuw in te stellen."
		}
		return "Give " + w.UPN + " a mobile phone number with country code (+31 6 …); it is used to reset an admin's password."
	}
	return w.Code
}

// warningMessages are warnings in lang, joined for a one-line reason.
func warningMessages(ws []AdminWarning, lang string) string {
	msgs := make([]string, len(ws))
	for i, w := range ws {
		msgs[i] = w.Message(lang)
	}
	return strings.Join(msgs, " ")
}
