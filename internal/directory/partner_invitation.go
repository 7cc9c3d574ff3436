package directory

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
)

// PartnerInvitation is a reseller relationship request as the partner's
// agent gets it: the link to send and a draft email that carries it
// (partners.md §2.1–2.3).
type PartnerInvitation struct {
	Token          string
	URL            string
	DelegatedAdmin bool
	EmailSubject   string
	EmailBody      string
}

// InvitationInfo is what the customer's admin sees before accepting.
type InvitationInfo struct {
	PartnerTenantID string
	PartnerName     string
	ContactEmail    string
	ContactPhone    string
	InvitedBy       string
	DelegatedAdmin  bool
	// Existing says what the customer already has with this partner:
	// "" none, "reseller", or "delegatedAdmin".
	Existing string
}

// ErrPartnerInvitation is the one answer to an invitation link that is
// unknown, tampered with, expired or used, so a guess learns nothing.
var ErrPartnerInvitation = &Error{Kind: KindInvalid, Field: "token", Code: "InvalidInvitation",
	Message:   "This invitation isn't valid: it may have expired or been used already. Ask your partner for a new link.",
	MessageNL: "Deze uitnodiging is niet geldig: ze is misschien verlopen of al gebruikt. Vraag uw partner om een nieuwe link."}

// newInvitationToken returns a partner invitation token and its hash.
func newInvitationToken(partnerTenantID string) (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	secret := base64.RawURLEncoding.EncodeToString(b)
	return partnerTenantID + "." + secret, invitationHash(secret), nil
}

// splitInvitationToken returns the partner tenant and the secret's hash.
func splitInvitationToken(token string) (partnerTenantID, hash string, ok bool) {
	partnerTenantID, secret, ok := strings.Cut(token, ".")
	if !ok || partnerTenantID == "" || len(secret) != 43 {
		return "", "", false
	}
	return partnerTenantID, invitationHash(secret), true
}

func invitationHash(secret string) string {
	sum := sha256.Sum256([]byte("atrium partner invitation\x00" + secret))
	return hex.EncodeToString(sum[:])
}

// InvitationURL is the personalised link of partners.md §2.2 on the server
// at publicURL. The token travels in the fragment, out of server logs.
func InvitationURL(publicURL, partnerTenantID, token string, dap bool) string {
	q := url.Values{"invType": {"ResellerRelationship"}, "partnerId": {partnerTenantID}, "msppId": {"0"}, "DAP": {fmt.Sprint(dap)}}
	return publicURL + "/AdminPortal/Home?" + q.Encode() + "#/BillingAccounts/partner-invitation/" + token
}

// invitationMail is the draft of partners.md §2.3 in lang ("nl" or "en").
func invitationMail(lang, partnerName, agentName, link string, dap bool) (subject, body string) {
	var b strings.Builder
	if lang == "nl" {
		subject = partnerName + " nodigt u uit voor een resellerrelatie"
		with := ""
		if dap {
			with = ", met gedelegeerd beheer"
		}
		fmt.Fprintf(&b, "Hallo,\n\n%s wil uw reseller voor Atrium-services worden%s.\n", partnerName, with)
		b.WriteString("Om dit te accepteren opent een globale beheerder van uw organisatie de onderstaande link, meldt zich aan en accepteert.\n\n")
		fmt.Fprintf(&b, "%s\n\n", link)
		if dap {
			fmt.Fprintf(&b, "Door te accepteren krijgen de beheeragenten van %s ook rechten als globale beheerder en de helpdeskagenten rechten als wachtwoordbeheerder in uw organisatie. U kunt deze rechten altijd intrekken via Instellingen > Partnerrelaties, terwijl %s uw reseller blijft.\n\n", partnerName, partnerName)
		}
		fmt.Fprintf(&b, "Met vriendelijke groet,\n%s\n%s\n", agentName, partnerName)
		return subject, b.String()
	}
	subject = partnerName + " invites you to a reseller relationship"
	with := ""
	if dap {
		with = ", with delegated administration"
	}
	fmt.Fprintf(&b, "Hello,\n\n%s would like to become your reseller for Atrium services%s.\n", partnerName, with)
	b.WriteString("To accept, a Global admin of your organization should open the link below, sign in and accept.\n\n")
	fmt.Fprintf(&b, "%s\n\n", link)
	if dap {
		fmt.Fprintf(&b, "Accepting also gives %s's admin agents Global admin rights and its helpdesk agents password admin rights in your organization. You can remove these rights at any time on Settings > Partner relationships while keeping %s as your reseller.\n\n", partnerName, partnerName)
	}
	fmt.Fprintf(&b, "Kind regards,\n%s\n%s\n", agentName, partnerName)
	return subject, b.String()
}
