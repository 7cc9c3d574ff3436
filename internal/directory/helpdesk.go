package directory

import (
	"context"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
)

// Helpdesk is the organization's help desk information (Settings → Org
// settings → Organization profile): how people without admin rights get
// help, shown on the no-access page and in My account.
type Helpdesk struct {
	Phone string `json:"phone,omitempty"`
	Email string `json:"email,omitempty"`
	URL   string `json:"url,omitempty"`
	// HideAdmins turns off showAdminsToUsers (on by default): the Global
	// admins' names and addresses are then shown to admins only.
	HideAdmins bool `json:"hideAdmins,omitempty"`
}

func (h Helpdesk) validate() error {
	if n := utf8.RuneCountInString(h.Phone); n > 64 || strings.ContainsFunc(h.Phone, isControl) {
		return Invalid("phone", "The help desk phone can be at most 64 characters, without control characters.")
	}
	if h.Email != "" {
		if msg := checkMail(h.Email); msg != "" || len(h.Email) > 254 {
			return Invalid("email", "The help desk email is not valid: %s", strings.TrimSpace(msg+" (at most 254 characters)"))
		}
	}
	if h.URL != "" {
		u, err := url.Parse(h.URL)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(h.URL) > 2048 {
			return Invalid("url", "The help desk URL must be an absolute http or https address of at most 2048 characters.")
		}
	}
	return nil
}

// GetHelpdesk returns the help desk information; every member may read it.
func (s *Service) GetHelpdesk(ctx context.Context, tenantID string) (Helpdesk, error) {
	var h Helpdesk
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return h, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		h = t.Settings.Helpdesk
		return err
	})
	return h, err
}

// UpdateHelpdesk replaces the help desk information.
func (s *Service) UpdateHelpdesk(ctx context.Context, tenantID string, h Helpdesk) error {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return err
	}
	h.Phone, h.Email, h.URL = strings.TrimSpace(h.Phone), strings.TrimSpace(h.Email), strings.TrimSpace(h.URL)
	if err := h.validate(); err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		old := t.Settings.Helpdesk
		t.Settings.Helpdesk = h
		if err := tx.UpdateTenant(t); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "DirectoryManagement", "Update help desk information", "Update", AuditTarget{ID: t.ID,
			DisplayName: t.Org.DisplayName, Type: "Organization", ModifiedProperties: []ModifiedProperty{
				{Name: "HelpdeskPhone", Old: old.Phone, New: h.Phone}, {Name: "HelpdeskEmail", Old: old.Email, New: h.Email},
				{Name: "HelpdeskUrl", Old: old.URL, New: h.URL},
				{Name: "ShowAdminsToUsers", Old: boolStr(!old.HideAdmins), New: boolStr(!h.HideAdmins)}}})
	})
}

func boolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
