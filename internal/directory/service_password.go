package directory

import (
	"context"
	"strings"
	"unicode/utf8"

	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/password"
)

// MaxCustomBanned is how many banned terms a tenant may add.
const MaxCustomBanned = 1000

// GetPasswordPolicy returns the tenant's password policy with defaults.
func (s *Service) GetPasswordPolicy(ctx context.Context, tenantID string) (PasswordPolicy, error) {
	var p PasswordPolicy
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return p, err
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		p = t.Settings.PasswordPolicy.WithDefaults()
		return err
	})
	return p, err
}

// UpdatePasswordPolicy replaces the tenant's password policy.
func (s *Service) UpdatePasswordPolicy(ctx context.Context, tenantID string, np PasswordPolicy) error {
	p, err := s.authorize(ctx, authz.OrgManage, tenantID)
	if err != nil {
		return err
	}
	if len(np.CustomBannedPasswords) > MaxCustomBanned {
		return Invalid("customBannedPasswords", "A tenant can ban at most %d terms of its own.", MaxCustomBanned)
	}
	terms := make([]string, 0, len(np.CustomBannedPasswords))
	for _, t := range np.CustomBannedPasswords {
		t = strings.TrimSpace(t)
		if n := utf8.RuneCountInString(t); n < 4 || n > 16 || strings.ContainsFunc(t, isControl) {
			return Invalid("customBannedPasswords", "Each banned term must be 4 to 16 characters; '%s' is not.", t)
		}
		if !containsFold(terms, t) {
			terms = append(terms, t)
		}
	}
	np.CustomBannedPasswords = terms
	switch {
	case np.LockoutThreshold < 0 || np.LockoutThreshold > 100:
		return Invalid("lockoutThreshold", "The lockout threshold must be 1 to 100 failed sign-ins.")
	case np.LockoutDurationSeconds != 0 && (np.LockoutDurationSeconds < 5 || np.LockoutDurationSeconds > 3600):
		return Invalid("lockoutDurationSeconds", "The lockout duration must be 5 to 3600 seconds.")
	case np.TemporaryPasswordLifetimeDays < 0 || np.TemporaryPasswordLifetimeDays > 730:
		return Invalid("temporaryPasswordLifetimeDays", "Temporary passwords must live 1 to 730 days.")
	case np.GeneratedFormat != "" && np.GeneratedFormat != "modern16" && np.GeneratedFormat != "legacy8":
		return Invalid("generatedFormat", "Generated passwords are modern16 or legacy8.")
	case np.SSPRScope != "" && np.SSPRScope != "none" && np.SSPRScope != "all":
		return Invalid("ssprScope", "Self-service reset is for none or all users (admins always may).")
	case np.PasswordValidityDays != 0 && (np.PasswordValidityDays < 14 || np.PasswordValidityDays > 730):
		return Invalid("passwordValidityDays", "Passwords expire after 14 to 730 days, or never (0).")
	case np.PasswordNotificationDays < 0 || np.PasswordNotificationDays > 30:
		return Invalid("passwordNotificationDays", "Users are told 1 to 30 days before their password expires.")
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		t, err := tx.Tenant()
		if err != nil {
			return err
		}
		old := t.Settings.PasswordPolicy.WithDefaults()
		t.Settings.PasswordPolicy = np
		if err := tx.UpdateTenant(t); err != nil {
			return err
		}
		cur := np.WithDefaults()
		return s.audit(ctx, tx, p, "DirectoryManagement", "Update password policy", "Update", AuditTarget{ID: t.ID, DisplayName: t.Org.DisplayName,
			Type: "Organization", ModifiedProperties: []ModifiedProperty{
				{Name: "CustomBannedPasswords.Count", Old: itoa(len(old.CustomBannedPasswords)), New: itoa(len(cur.CustomBannedPasswords))},
				{Name: "LockoutThreshold", Old: itoa(old.LockoutThreshold), New: itoa(cur.LockoutThreshold)},
				{Name: "LockoutDurationSeconds", Old: itoa(old.LockoutDurationSeconds), New: itoa(cur.LockoutDurationSeconds)},
				{Name: "TemporaryPasswordLifetimeDays", Old: itoa(old.TemporaryPasswordLifetimeDays), New: itoa(cur.TemporaryPasswordLifetimeDays)},
				{Name: "PasswordValidityDays", Old: itoa(old.PasswordValidityDays), New: itoa(cur.PasswordValidityDays)},
			}})
	})
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// ChangeOwnPassword lets the signed-in user replace their password: the
// current one must be right, and the new one must meet the policy and
// differ from it.
func (s *Service) ChangeOwnPassword(ctx context.Context, tenantID, current, next string) error {
	p, err := caller(ctx)
	if err != nil || p.UserID == "" {
		return &Error{Kind: KindInvalid, Message: "Changing a password needs a user's token."}
	}
	u, err := s.GetUser(ctx, tenantID, p.UserID)
	if err != nil {
		return err
	}
	if u.Synced() {
		return ErrSyncMastered
	}
	// Checking the current password is a sign-in attempt: it counts
	// toward smart lockout and shows in the sign-in log.
	if _, err := s.SignIn(ctx, tenantID, u.UserPrincipalName, current, p.IPAddress, "Change password"); err != nil {
		if KindOf(err) == KindUnauthenticated {
			return Invalid("currentPassword", "The current password is incorrect.")
		}
		return err
	}
	if same, _, _ := s.hasher.Verify(u.PasswordHash, next); same {
		return policyError(password.Reused())
	}
	terms, err := s.passwordTerms(ctx, tenantID, u.GivenName, u.Surname)
	if err != nil {
		return err
	}
	np, err := s.hashPassword(&PasswordProfile{Password: next}, terms)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		cur, err := tx.GetUser(u.ID)
		if err != nil {
			return err
		}
		if cur.PasswordHash != u.PasswordHash {
			return &Error{Kind: KindConflict, Field: "currentPassword", Message: "The password changed meanwhile; sign in again."}
		}
		np.apply(&cur)
		if err := tx.UpdateUser(&cur); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Change user password", "Update", userTarget(&cur, nil))
	})
}

// ResetPassword sets a new temporary password for another user: the one
// given, or one generated in the tenant's format, which it returns once.
// The user must change it at next sign-in when force is set (always for
// the 8-character legacy format).
func (s *Service) ResetPassword(ctx context.Context, tenantID, userID, typed string, force bool) (string, error) {
	generated := ""
	if typed == "" {
		policy, err := s.GetPasswordPolicy(ctx, tenantID)
		if err != nil {
			return "", err
		}
		u, err := s.GetUser(ctx, tenantID, userID)
		if err != nil {
			return "", err
		}
		terms, err := s.passwordTerms(ctx, tenantID, u.GivenName, u.Surname)
		if err != nil {
			return "", err
		}
		var forced bool
		generated, forced = generatePassword(policy.GeneratedFormat, terms)
		force = force || forced
		typed = generated
	}
	if err := s.UpdateUser(ctx, tenantID, userID, nil, &PasswordProfile{Password: typed, ForceChangePasswordNextSignIn: force}); err != nil {
		return "", err
	}
	return generated, nil
}

// generatePassword makes a password in the tenant's format (spec §5) that
// passes the policy for terms; it reports whether the format forces a
// change at the next sign-in (the 8-character legacy one does).
func generatePassword(format string, terms password.Terms) (string, bool) {
	for {
		pw, forced := password.Generate(), false
		if format == "legacy8" {
			pw, forced = password.GenerateLegacy(), true
		}
		if password.CheckAll(pw, terms) == nil {
			return pw, forced
		}
	}
}
